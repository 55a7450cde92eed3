import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../shared/contract';
import { IPC_PREFIX } from '../shared/contract/ipc';

/**
 * The only bridge between the page and main: one function per contract channel, nothing else
 * (no raw ipcRenderer). Main validates every payload anyway.
 */
const api = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, input)]),
);

contextBridge.exposeInMainWorld('api', Object.freeze(api));
