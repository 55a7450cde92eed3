import { closeSync, fsyncSync, openSync } from 'node:fs';

/**
 * Makes a rename durable on POSIX (the folder entry is flushed, not only the file); Windows cannot
 * open a folder for fsync and does not need it. Used by every "temp file, fsync, rename" writer.
 */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a folder; the rename itself has happened.
  }
}
