import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { Session } from '../core/auth/session';
import type { Registry } from '../core/registry';
import { IPC_PREFIX } from '../../shared/contract/ipc';

/**
 * Binds every contract channel to ipcMain. A call is answered only when it comes from our own
 * page (app://cchc) in our own window; anything else gets FORBIDDEN without reaching a handler.
 * Each window (webContents) has its own Session: who is signed in there, and whether it is
 * locked. The registry checks it against the access table on every call.
 */
export function bindRegistry(registry: Registry, fromOurPage: (event: IpcMainInvokeEvent) => boolean): void {
  const sessions = new Map<number, Session>();
  const sessionOf = (event: IpcMainInvokeEvent): Session => {
    const id = event.sender.id;
    let session = sessions.get(id);
    if (!session) {
      session = new Session();
      sessions.set(id, session);
      // A closed window's sign-in must not outlive it (webContents ids are not reused, but memory is).
      event.sender.once?.('destroyed', () => sessions.delete(id));
    }
    return session;
  };
  for (const channel of registry.channels) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, async (event, input: unknown) => {
      if (!fromOurPage(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ của ứng dụng.' } };
      }
      return registry.invoke(channel, input, sessionOf(event));
    });
  }
}
