import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Db } from '../db/open';
import { perDatabase } from '../db/per-database';

/**
 * Files made for a browser window to download. The browser host has no save dialog: an export or
 * backup asked for there is written to a private temp folder under <data>/tmp/tai-xuong/, and the
 * page then fetches it once through GET /download/<token> (the host streams it and removes it).
 * The token is unguessable, handed only to the page that asked, valid once and for an hour; a
 * file never fetched is removed when its token expires (and by start-up's temp clean-up).
 */

const DOWNLOAD_TTL_MS = 60 * 60_000;

export interface Download {
  path: string;
  /** The name the browser saves it under. */
  name: string;
  expires: number;
}

const downloadsOf = perDatabase(() => new Map<string, Download>());

/** A fresh folder of its own for one file to download: <data>/tmp/tai-xuong/<uuid>/<name>. */
export async function downloadTempPath(dataDir: string, name: string): Promise<string> {
  const dir = join(dataDir, 'tmp', 'tai-xuong', randomUUID());
  await mkdir(dir, { recursive: true });
  return join(dir, name);
}

/** Registers a (future) file for one download; the token is useless until the file exists. */
export function offerDownload(db: Db, path: string, name: string, nowMs = Date.now()): string {
  const downloads = downloadsOf(db);
  for (const [token, d] of downloads) {
    if (d.expires < nowMs) {
      downloads.delete(token);
      removeDownloadFile(d.path);
    }
  }
  const token = randomUUID();
  downloads.set(token, { path, name, expires: nowMs + DOWNLOAD_TTL_MS });
  return token;
}

/**
 * The file behind a token, once it is complete (a job still writing has not renamed it into place
 * yet): the token is used up. Null when unknown, expired or not ready.
 */
export function takeDownload(db: Db, token: string, nowMs = Date.now()): Download | null {
  const downloads = downloadsOf(db);
  const d = downloads.get(token);
  if (!d || d.expires < nowMs || !existsSync(d.path)) return null;
  downloads.delete(token);
  return d;
}

/** After streaming (or on expiry): the temp file and its own folder go. */
export function removeDownloadFile(path: string): void {
  rmSync(dirname(path), { recursive: true, force: true });
}
