/**
 * What the window remembers across a reload: the working year, the page and the item the officer
 * was on. Kept in this origin's localStorage (the Electron window's app://cchc, or the browser
 * host's address for its run); a value that no longer fits (a year without a profile, an item the
 * set lacks) is ignored by the caller. Storage may be unavailable: then nothing is remembered.
 */
const PREFIX = 'cchc.';

export function recall(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

export function remember(key: string, value: string): void {
  try {
    localStorage.setItem(PREFIX + key, value);
  } catch {
    // A full or disabled storage only costs the convenience.
  }
}
