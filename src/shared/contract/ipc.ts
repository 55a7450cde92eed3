/** Electron IPC channel names are the contract's, prefixed so no other listener can clash. */
export const IPC_PREFIX = 'cchc:';
