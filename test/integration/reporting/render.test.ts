import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../src/main/core/app';
import { evidenceAccess } from '../../../src/main/core/reporting/evidence-access';
import type { GeneratedDocument } from '../../../src/shared/contract/reports';
import { fakeEvidence, populatedCore } from '../../fixtures/reporting/populated-core';
import { makeTempDir } from '../../helpers/temp-dir';

/**
 * The generated files open in a real office suite: LibreOffice converts each to PDF and pdftoppm
 * turns the pages into PNGs. The PNGs are kept in the temp folder while the test runs so a person
 * can look at them when the layout changes (see the docs in docx-writer.ts).
 */

const hasTool = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const available = hasTool('soffice') && hasTool('pdftoppm');

describe.skipIf(!available)(`documents render through LibreOffice${available ? '' : ' (skipped: soffice or pdftoppm is not installed)'}`, () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;

  beforeAll(async () => {
    temp = makeTempDir();
    vi.spyOn(evidenceAccess, 'listLinkedEvidence').mockImplementation((_db, keys) =>
      Object.fromEntries(keys.filter((k) => k === '2026:1.1.3').map((k) => [k, fakeEvidence(3, '1.1.3')])),
    );
    core = await populatedCore(join(temp.dir, 'data'));
  });
  afterAll(() => {
    vi.restoreAllMocks();
    core.close();
    temp.cleanup();
  });

  it.each([
    ['periodic-docx', 'q1', 2],
    ['self-assessment-docx', undefined, 2],
    ['self-score-xlsx', undefined, 2],
    ['statistics-xlsx', 'q1', 1],
  ] as const)('%s becomes PDF pages', async (kind, period, minPages) => {
    const result = await core.registry.invoke('reports/generate', { kind, year: 2026, period });
    if (!result.ok) throw new Error(result.error.message);
    const doc = result.value as GeneratedDocument;
    const file = join(temp.dir, doc.fileName);
    writeFileSync(file, Buffer.from(doc.base64, 'base64'));
    // soffice exits 0 even when it fails, so the PDF's existence is the real check.
    spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${join(temp.dir, `lo-${kind}`)}`, '--headless', '--convert-to', 'pdf', '--outdir', temp.dir, file],
      { timeout: 120_000, stdio: 'ignore' },
    );
    const pdf = file.replace(/\.(docx|xlsx)$/, '.pdf');
    expect(existsSync(pdf), `LibreOffice produced no PDF for ${doc.fileName}`).toBe(true);
    const prefix = join(temp.dir, `${kind}-page`);
    execFileSync('pdftoppm', ['-r', '40', '-png', pdf, prefix]);
    const pages = readdirSync(temp.dir).filter((f) => f.startsWith(`${kind}-page`) && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(minPages);
  }, 180_000);
});
