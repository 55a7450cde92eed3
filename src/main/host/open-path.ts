import { spawn } from 'node:child_process';
import { dirname } from 'node:path';

/**
 * Opens a file with the system's default program, for the browser host (Electron uses
 * shell.openPath). Detached, so closing the app does not close the viewer. Resolves to an error
 * text when the opener cannot be started, like shell.openPath.
 */
export function openWithSystemViewer(path: string): Promise<string | void> {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd.exe', ['/d', '/s', '/c', 'start', '""', path]]
      : process.platform === 'darwin'
        ? ['open', [path]]
        : ['xdg-open', [path]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', (error) => resolve(`không chạy được «${command}» (${error.message})`));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/**
 * Shows a file in the system's file manager, for the browser host (Electron uses
 * shell.showItemInFolder): selected in Explorer (`explorer /select,`) and Finder (`open -R`); on
 * Linux, where no common way to select exists, its folder is opened. Never opens the file itself.
 */
export function showInSystemFolder(path: string): Promise<string | void> {
  const [command, args] =
    process.platform === 'win32'
      ? ['explorer.exe', [`/select,${path}`]]
      : process.platform === 'darwin'
        ? ['open', ['-R', path]]
        : ['xdg-open', [dirname(path)]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', (error) => resolve(`không chạy được «${command}» (${error.message})`));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
