import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import type { Desktop } from '../../../src/main/core/context';
import { writeFileAtomically } from '../../../src/main/host/write-file-atomically';
import type { GeneratedDocument } from '../../../src/shared/contract/reports';
import { sampleProfile } from '../../helpers/sample-profile';
import { makeTempDir } from '../../helpers/temp-dir';

/** "File saved where the officer chooses, then opened" — with a desktop that answers its save dialog. */
describe('delivering a generated report on the desktop', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let opened: string[];
  let answer: string | null;

  const open = (desktop: Desktop | undefined) => {
    core = openCore({ dataDir: join(temp.dir, 'data'), now: () => new Date('2026-03-10T03:00:00Z'), log: () => {}, ...(desktop ? { desktop } : {}) });
  };
  const generate = async (deliver?: 'download' | 'save-and-open'): Promise<GeneratedDocument> => {
    await core.registry.invoke('profile/save', { profile: sampleProfile() });
    await core.registry.invoke('reports/save-section', { year: 2026, period: 'q1', code: 'chi-dao', text: 'Ban hành kế hoạch.' });
    const r = await core.registry.invoke('reports/generate', { kind: 'periodic-docx', year: 2026, period: 'q1', ...(deliver ? { deliver } : {}) });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as GeneratedDocument;
  };
  const fakeDesktop: Desktop = {
    openPath: async (path) => void opened.push(path),
    saveFile: async (_name, data) => {
      if (!answer) return null;
      await writeFileAtomically(answer, data);
      return answer;
    },
  };

  beforeEach(() => {
    temp = makeTempDir();
    opened = [];
    answer = join(temp.dir, 'Báo cáo quý I.docx');
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('saves where the dialog says and opens that file; nothing comes back in base64', async () => {
    open(fakeDesktop);
    const doc = await generate('save-and-open');
    expect(doc).toMatchObject({ savedPath: answer, base64: '' });
    expect(readFileSync(answer!).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(opened).toEqual([answer]);
  });

  it('writes and opens nothing when the officer cancels the dialog', async () => {
    open(fakeDesktop);
    const target = answer!;
    answer = null;
    const doc = await generate('save-and-open');
    expect(doc).toMatchObject({ savedPath: null, base64: '' });
    expect(existsSync(target)).toBe(false);
    expect(opened).toEqual([]);
  });

  it('hands the file back for download where there is no save dialog (browser host)', async () => {
    open({ openPath: async (path) => void opened.push(path) });
    const doc = await generate('save-and-open');
    expect(doc.savedPath).toBeUndefined();
    expect(Buffer.from(doc.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    expect(opened).toEqual([]);
  });
});
