/** Electron IPC channel names are the contract's, prefixed so no other listener can clash. */
export const IPC_PREFIX = 'cchc:';

/**
 * Not a contract channel: the preload alone sends it, with the paths Electron gives for Files the
 * officer picked or dropped, and gets one-time import grants back (evidence/local-imports.ts).
 * The page's bridge has no function for it, so the page cannot name a path.
 */
export const LOCAL_FILES_GRANT_CHANNEL = 'cchc-local-files:grant';
/** At most this many files per grant call (a drop of a whole folder's files is fine). */
export const MAX_LOCAL_FILES_PER_GRANT = 200;
