import { app, BrowserWindow, dialog, Menu, shell, type IpcMainInvokeEvent } from 'electron';
import { fileURLToPath } from 'node:url';
import { openCore, type Core } from '../core/app';
import { resolveDataDir } from '../core/data-dir';
import { isAppError } from '../core/errors';
import { activeDataDir, rememberDataDir } from '../core/data-folder-choice';
import { useResourcesDir } from '../core/resources';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { bindRegistry } from './ipc';
import { bindLocalFileGrants } from './local-files';
import { buildMenu } from './menu';
import { chooseSavePath, saveWithDialog } from './save-dialog';
import { APP_ORIGIN, hardenSession, isAppUrl, secureWebPreferences } from './security';

/**
 * The thin Electron shell: one hardened window over the same core every other transport uses.
 * Everything that matters lives in ../core and runs (and is tested) without Electron.
 */
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

registerAppScheme();
app.setPath('userData', resolveDataDir());
// Installed: criteria sets and reporting data sit beside app.asar (electron-builder extraResources).
if (app.isPackaged) useResourcesDir(process.resourcesPath);

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
  try {
    core = openCore({
      dataDir: activeDataDir(),
      desktop: {
        openPath: (path) => shell.openPath(path),
        saveFile: (name, data) => saveWithDialog(mainWindow, name, data),
        chooseSavePath: (name) => chooseSavePath(mainWindow, name),
        showInFolder: async (path) => shell.showItemInFolder(path),
        // A restored backup: remembered for every later start, then a fresh start on it (the
        // window, its session and the core all begin again; the reply reaches the page first).
        switchDataFolder: async (dir) => {
          await rememberDataDir(resolveDataDir(), dir, new Date());
          setTimeout(() => {
            app.relaunch();
            // exit() skips will-quit: close the store here.
            core?.close();
            app.exit(0);
          }, 300);
        },
      },
    });
  } catch (error) {
    // A data folder that cannot be opened safely (its database missing or damaged while its
    // evidence remains, or written by a newer version): say why and how to restore, then quit
    // with a non-zero code, before any window or IPC exists.
    const message = isAppError(error) ? error.message : `Không mở được thư mục dữ liệu: ${String(error)}`;
    console.error(`[cchc] ${message}`);
    dialog.showErrorBox('CCHC Desk không khởi động được', message);
    app.exit(1);
    return;
  }
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
