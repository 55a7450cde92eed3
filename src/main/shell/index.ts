import { app, BrowserWindow, Menu, shell, type IpcMainInvokeEvent } from 'electron';
import { fileURLToPath } from 'node:url';
import { openCore, type Core } from '../core/app';
import { resolveDataDir } from '../core/data-dir';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { bindRegistry } from './ipc';
import { bindLocalFileGrants } from './local-files';
import { buildMenu } from './menu';
import { saveWithDialog } from './save-dialog';
import { APP_ORIGIN, hardenSession, isAppUrl, secureWebPreferences } from './security';

/**
 * The thin Electron shell: one hardened window over the same core every other transport uses.
 * Everything that matters lives in ../core and runs (and is tested) without Electron.
 */
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

registerAppScheme();
app.setPath('userData', resolveDataDir());

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    title: 'CCHC Desk',
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: secureWebPreferences(preloadPath),
  });
  Menu.setApplicationMenu(buildMenu(window));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

app.whenReady().then(() => {
  hardenSession();
  serveRenderer(rendererDir);
  core = openCore({
    dataDir: resolveDataDir(),
    desktop: {
      openPath: (path) => shell.openPath(path),
      saveFile: (name, data) => saveWithDialog(mainWindow, name, data),
      showInFolder: async (path) => shell.showItemInFolder(path),
    },
  });
  // IPC is answered only from our own window showing our own page (app://cchc).
  const fromOurPage = (event: IpcMainInvokeEvent) =>
    !!mainWindow && event.sender.id === mainWindow.webContents.id && isAppUrl(event.senderFrame?.url ?? '');
  bindRegistry(core.registry, fromOurPage);
  const opened = core;
  bindLocalFileGrants((paths) => opened.grantLocalFiles(paths), fromOurPage);
  mainWindow = createWindow();
  mainWindow.on('closed', () => (mainWindow = undefined));
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => core?.close());
