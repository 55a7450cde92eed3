import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

/**
 * An installed app reads its bundled criteria sets and reporting data from Electron's
 * process.resourcesPath (electron-builder copies resources/ there), not from a source tree it does
 * not have. The built main bundle is run against the stand-in electron module twice: as from the
 * project (`npm start`), and as installed, with resources copied to a folder of their own and
 * edited so that what the app shows tells which folder it read.
 */

const root = resolve(import.meta.dirname, '../../..');
const bundle = resolve(root, 'out/main/index.js');
const SAMPLE = 'criteria/sample-so-2026.json';
const PERIODS = 'reporting/periods-default.json';

interface Report {
  criteriaSets: { ok: boolean; value?: { id: string; name: string }[] };
  periods: { ok: boolean; value?: { code: string; name: string }[] };
}

function runShell(env: Record<string, string>): Report {
  const out = execFileSync(
    process.execPath,
    ['--import', resolve(root, 'test/fixtures/electron-stub/register.mjs'), resolve(root, 'test/fixtures/electron-stub/drive-main.mjs'), bundle],
    { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 },
  );
  return JSON.parse(out) as Report;
}

function editJson(path: string, edit: (value: Record<string, unknown>) => void): void {
  const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(value);
  writeFileSync(path, JSON.stringify(value, null, 2));
}

describe('bundled resources are resolved in one place: the project folder, or process.resourcesPath when packaged', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('the built bundle exists (npm test builds first)', () => {
    expect(existsSync(bundle), `${bundle} is missing: run npm run build`).toBe(true);
  });

  it('run from the project: the sample set and the periods come from resources/', () => {
    const report = runShell({ CCHC_DATA_DIR: join(temp.dir, 'dev-data') });
    const sample = JSON.parse(readFileSync(join(root, 'resources', SAMPLE), 'utf8')) as { id: string; name: string };
    expect(report.criteriaSets.value).toContainEqual(expect.objectContaining({ id: sample.id, name: sample.name }));
    expect(report.periods.value?.[0]).toMatchObject({ code: 'q1', name: 'Quý I' });
  });

  it('installed: both are read from process.resourcesPath, never from the source tree', () => {
    const installed = join(temp.dir, 'cai-dat', 'resources');
    cpSync(join(root, 'resources'), installed, { recursive: true });
    editJson(join(installed, SAMPLE), (set) => (set.name = 'Bộ chỉ số mẫu của bản cài đặt'));
    editJson(join(installed, PERIODS), (file) => ((file.periods as { name: string }[])[0]!.name = 'Quý I (bản cài đặt)'));

    const report = runShell({ CCHC_DATA_DIR: join(temp.dir, 'installed-data'), CCHC_STUB_RESOURCES_PATH: installed });
    expect(report.criteriaSets).toMatchObject({ ok: true });
    expect(report.criteriaSets.value!.map((s) => s.name)).toEqual(['Bộ chỉ số mẫu của bản cài đặt']);
    expect(report.periods).toMatchObject({ ok: true });
    expect(report.periods.value?.[0]).toMatchObject({ code: 'q1', name: 'Quý I (bản cài đặt)' });
  });
});
