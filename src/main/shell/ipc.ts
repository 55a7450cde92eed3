import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Registry } from '../core/registry';
import { IPC_PREFIX } from '../../shared/contract/ipc';
import { isAppUrl } from './security';

/**
 * Binds every contract channel to ipcMain. A call is answered only when it comes from our own
 * page (app://cchc) in our own window; anything else gets FORBIDDEN without reaching a handler.
 */
export function bindRegistry(registry: Registry, isOurWindow: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of registry.channels) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, async (event, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isOurWindow(event) || !isAppUrl(frameUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ của ứng dụng.' } };
      }
      return registry.invoke(channel, input);
    });
  }
}
