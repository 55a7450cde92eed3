import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Desktop } from './context';
import { DATABASE_FILE, openDatabase, type Db } from './db/open';
import { initEvidence } from './evidence';
import { grantLocalFiles } from './local-file-grants';
import { takeDownload, type Download } from './output/downloads';
import { handlers } from './handlers';
import { createRegistry, defaultLogger, type Logger, type Registry } from './registry';
import { APP_VERSION } from './version';

export interface Core {
  readonly db: Db;
  readonly dataDir: string;
  readonly registry: Registry;
  /**
   * One-time tokens for files the officer picked or dropped in the desktop window (only the shell
   * calls this, never the page): see evidence/local-imports.ts.
   */
  grantLocalFiles(paths: readonly string[]): string[];
  /**
   * A finished export or backup a browser window asked for, by its one-time token (only the
   * browser host calls this, for GET /download/<token>): see output/downloads.ts.
   */
  takeDownload(token: string): Download | null;
  close(): void;
}

export interface CoreOptions {
  dataDir: string;
  now?: () => Date;
  log?: Logger;
  /** Opening files with the system's viewer; the Electron shell and the browser host pass one. */
  desktop?: Desktop;
}

export { DATABASE_FILE } from './db/open';

/** Opens the data folder and wires the registry: the whole application minus its transport. */
export function openCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  initEvidence(db, options.dataDir, options.log ?? defaultLogger);
  const ctx = {
    db,
    dataDir: options.dataDir,
    appVersion: APP_VERSION,
    now: options.now ?? (() => new Date()),
    ...(options.desktop ? { desktop: options.desktop } : {}),
  };
  return {
    db,
    dataDir: options.dataDir,
    registry: createRegistry(handlers, ctx, options.log),
    grantLocalFiles: (paths) => grantLocalFiles(db, paths),
    takeDownload: (token) => takeDownload(db, token),
    close: () => db.close(),
  };
}
