import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNEL_NAMES } from '../shared/contract';
import { IPC_PREFIX, LOCAL_FILES_GRANT_CHANNEL, MAX_LOCAL_FILES_PER_GRANT } from '../shared/contract/ipc';

/**
 * The only bridge between the page and main: one function per contract channel, nothing else
 * (no raw ipcRenderer). Main validates every payload anyway.
 */
const api = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, input)]),
);

contextBridge.exposeInMainWorld('api', Object.freeze(api));

/**
 * Files the officer picked or dropped, imported from where they lie (evidence/local-imports.ts).
 * Takes File objects, never paths: Electron knows the path only of a File that came from the
 * officer's own pick or drop; one made up by script has none, and gets null here.
 */
const localFiles = {
  async grant(files: File[]): Promise<(string | null)[] | null> {
    if (!Array.isArray(files) || files.length === 0 || files.length > MAX_LOCAL_FILES_PER_GRANT) return null;
    const paths = files.map((file) => {
      try {
        return webUtils.getPathForFile(file);
      } catch {
        return '';
      }
    });
    const known = paths.filter((p) => p !== '');
    if (known.length === 0) return paths.map(() => null);
    const tokens = (await ipcRenderer.invoke(LOCAL_FILES_GRANT_CHANNEL, known)) as string[] | null;
    if (!tokens) return null;
    let next = 0;
    return paths.map((p) => (p === '' ? null : (tokens[next++] ?? null)));
  },
};

contextBridge.exposeInMainWorld('localFiles', Object.freeze(localFiles));
