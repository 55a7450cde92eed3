import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../src/shared/contract';
import { IPC_PREFIX, LOCAL_FILES_GRANT_CHANNEL } from '../../../src/shared/contract/ipc';
import { makeTempDir } from '../../helpers/temp-dir';

const root = resolve(__dirname, '../../..');
const bundle = resolve(root, 'out/main/index.js');

interface Report {
  windowOptions: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  loadedUrl: string;
  ipcChannels: string[];
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolSchemes: string[];
  userDataPath: string;
  menuLabels: string[];
  permissionGranted: boolean | null;
  permissionCheck: boolean | null;
  cspHeader: string | null;
  navigationToRemotePrevented: boolean;
  navigationInsideAppPrevented: boolean;
  windowOpen: { action: string } | null;
  foreignIpc: { ok: boolean; error?: { code: string } };
  ourIpc: { ok: boolean; value?: { schemaVersion: number } };
  protocolIndexStatus: number;
  protocolTraversalStatus: number;
  beforeSignIn: unknown;
  createAdmin: unknown;
  afterSignIn: unknown;
  grantForeign: unknown;
  grantRelative: unknown;
  grantNotAList: unknown;
  grantTokens: string[] | null;
  localImport: { ok: boolean; value?: { state: string; result?: { file: { originalName: string; size: number } } } } | null;
  tokenReused: unknown;
}

describe('the built Electron main bundle, loaded against a stand-in electron module', () => {
  const temp = makeTempDir();
  let report: Report;

  beforeAll(() => {
    // The test suite builds first (npm test); a missing bundle is a real failure, not a skip.
    expect(existsSync(bundle), `${bundle} is missing: run npm run build`).toBe(true);
    const out = execFileSync(
      process.execPath,
      ['--import', resolve(root, 'test/fixtures/electron-stub/register.mjs'), resolve(root, 'test/fixtures/electron-stub/drive-main.mjs'), bundle],
      { env: { ...process.env, CCHC_DATA_DIR: temp.dir }, encoding: 'utf8', timeout: 30_000 },
    );
    report = JSON.parse(out) as Report;
  });
  afterAll(() => temp.cleanup());

  it('creates one window with isolation, sandbox and no Node in the page', () => {
    const prefs = report.windowOptions.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    // The PDF viewer for evidence previews; navigation and permissions stay denied.
    expect(prefs.plugins).toBe(true);
    expect(String(prefs.preload)).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
    expect(existsSync(String(prefs.preload))).toBe(true);
    expect(report.loadedUrl).toBe('app://cchc/index.html');
  });

  it('registers every contract channel on ipcMain, and besides them only the local-file grant of the preload', () => {
    expect(report.ipcChannels).toEqual([...CHANNEL_NAMES.map((c) => `${IPC_PREFIX}${c}`), LOCAL_FILES_GRANT_CHANNEL].sort());
  });

  it('grants a picked file to our window only, and the grant imports it once', () => {
    expect(report.grantForeign).toBeNull();
    expect(report.grantRelative).toBeNull();
    expect(report.grantNotAList).toBeNull();
    expect(report.grantTokens).toHaveLength(1);
    expect(report.grantTokens![0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(report.localImport).toMatchObject({ ok: true, value: { state: 'done', result: { file: { originalName: 'Kế hoạch 47-KH-UBND.txt' } } } });
    expect(report.localImport!.value!.result!.file.size).toBe(Buffer.byteLength('Kế hoạch số 47/KH-UBND về cải cách hành chính năm 2026'));
    expect(report.tokenReused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers IPC only from its own window and page', () => {
    expect(report.foreignIpc).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(report.ourIpc.ok).toBe(true);
    expect(report.ourIpc.value?.schemaVersion).toBeGreaterThan(0);
  });

  it('keeps one session per window and passes it to the registry', () => {
    expect(report.beforeSignIn).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(report.createAdmin).toMatchObject({ ok: true, value: { username: 'quantri' } });
    expect(report.afterSignIn).toEqual({ ok: true, value: [] });
  });

  it('serves the renderer from a privileged app:// scheme with a traversal guard', () => {
    expect(report.privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
    expect(report.protocolSchemes).toEqual(['app']);
    expect(report.protocolIndexStatus).toBe(200);
    expect(report.protocolTraversalStatus).toBe(404);
  });

  it('denies permissions, remote navigation and new windows, and sends a strict CSP', () => {
    expect(report.permissionGranted).toBe(false);
    expect(report.permissionCheck).toBe(false);
    expect(report.navigationToRemotePrevented).toBe(true);
    expect(report.navigationInsideAppPrevented).toBe(false);
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.cspHeader).toContain("default-src 'self'");
    expect(report.cspHeader).toContain("script-src 'self'");
    expect(report.cspHeader).not.toMatch(/unsafe-(inline|eval)|https?:/);
  });

  it('keeps data where CCHC_DATA_DIR points and has a Vietnamese menu', () => {
    expect(report.userDataPath).toBe(temp.dir);
    expect(report.menuLabels).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
  });
});
