import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInAs } from '../../helpers/session';
import { openCore, type Core } from '../../../src/main/core/app';
import { Session } from '../../../src/main/core/auth/session';
import { waitForJob } from '../../../src/main/core/exchange/jobs';
import { writeFileAtomically } from '../../../src/main/host/write-file-atomically';
import type { ExchangeJob } from '../../../src/shared/contract/exchange';
import type { GeneratedDocument } from '../../../src/shared/contract/reports';
import { ok } from '../../helpers/registry';
import { sampleProfile } from '../../helpers/sample-profile';
import { makeTempDir } from '../../helpers/temp-dir';

/** «Mở thư mục» after saving: by the job or the saved document's id, never by a path from the page. */
describe('output/show-in-folder', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let shown: string[];
  let session: Session;

  beforeEach(() => {
    temp = makeTempDir();
    shown = [];
    core = openCore({
      dataDir: join(temp.dir, 'data'),
      log: () => {},
      desktop: {
        openPath: async () => undefined,
        showInFolder: async (path) => void shown.push(path),
        chooseSavePath: async (name) => ({ path: join(temp.dir, name), replaceConfirmed: false }),
        saveFile: async (name, data) => {
          await writeFileAtomically(join(temp.dir, name), data);
          return join(temp.dir, name);
        },
      },
    });
    session = signedInAs(core.db, { username: 'quantri', displayName: 'Quản trị', roles: ['admin', 'officer'] });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('shows a finished backup and a saved report in their folder; an unknown or running id is refused', async () => {
    const job = await ok<ExchangeJob>(core.registry.invoke('backup/create', {}, session));
    expect(await core.registry.invoke('output/show-in-folder', { jobId: '00000000-0000-4000-8000-000000000000' }, session)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await waitForJob(job.id);
    expect(await core.registry.invoke('output/show-in-folder', { jobId: job.id }, session)).toEqual({ ok: true, value: { shown: true } });

    await ok(core.registry.invoke('profile/save', { profile: sampleProfile() }, session));
    const doc = await ok<GeneratedDocument>(core.registry.invoke('reports/generate', { kind: 'periodic-docx', year: 2026, period: 'q1', deliver: 'save-and-open' }, session));
    expect(doc.savedId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await core.registry.invoke('output/show-in-folder', { savedId: doc.savedId! }, session)).toEqual({ ok: true, value: { shown: true } });
    expect(shown).toEqual([job.outPath, doc.savedPath]);
    expect(await core.registry.invoke('output/show-in-folder', { path: '/etc/passwd' }, session)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
