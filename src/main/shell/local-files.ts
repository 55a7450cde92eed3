import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { LOCAL_FILES_GRANT_CHANNEL, MAX_LOCAL_FILES_PER_GRANT } from '../../shared/contract/ipc';

/**
 * Answers the preload's grant requests (see LOCAL_FILES_GRANT_CHANNEL): from our own window and
 * page only, a bounded list of absolute paths, each turned into a one-time import token.
 */
export function bindLocalFileGrants(grant: (paths: readonly string[]) => string[], fromOurPage: (event: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(LOCAL_FILES_GRANT_CHANNEL, (event, paths: unknown) => {
    if (!fromOurPage(event)) return null;
    if (!Array.isArray(paths) || paths.length > MAX_LOCAL_FILES_PER_GRANT) return null;
    if (!paths.every((p): p is string => typeof p === 'string' && p.length > 0 && p.length <= 4096)) return null;
    try {
      return grant(paths);
    } catch {
      return null;
    }
  });
}
