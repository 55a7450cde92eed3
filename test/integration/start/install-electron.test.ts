import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const root = resolve(__dirname, '../../..');
const script = join(root, 'scripts/install-electron.mjs');

/** `npm start` where Electron cannot be fetched: a bilingual message pointing to the browser mode. */
describe('npm start: fetching the Electron binary', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  const run = (env: Record<string, string>) => spawnSync(process.execPath, [script], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  const fake = (name: string, body: string) => {
    const path = join(temp.dir, name);
    writeFileSync(path, body);
    return path;
  };

  it('an installer that fails with a bare "fetch failed" becomes a Vietnamese and English message and exit 1', () => {
    const installer = fake('fails.cjs', "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici'); process.exit(1);");
    const result = run({ CCHC_ELECTRON_INSTALLER: installer });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('không tải được Electron');
    expect(result.stderr).toContain('could not download Electron');
    expect(result.stderr.match(/npm run dev:browser/g)).toHaveLength(2);
    expect(result.stderr).toContain('Chi tiết / details: TypeError: fetch failed');
    expect(result.stderr).not.toContain('undici');
  });

  it('an installer that succeeds (or finds Electron installed) lets npm start go on, silently', () => {
    const installer = fake('ok.cjs', "console.log('đã có Electron'); process.exit(0);");
    const result = run({ CCHC_ELECTRON_INSTALLER: installer });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('đã có Electron');
    expect(result.stderr).toBe('');
  });

  // The real installer against an unreachable download host (no network): only where the binary
  // is not installed yet (otherwise it rightly succeeds without fetching).
  const installed = existsSync(join(root, 'node_modules/electron/path.txt'));
  it.skipIf(installed)('electron\'s own installer with no reachable download host gives the same message', () => {
    const result = run({ ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: join(temp.dir, 'cache') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm run dev:browser');
    expect(result.stderr).toContain('Chi tiết / details:');
  });
});
