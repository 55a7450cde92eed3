import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Desktop } from './context';
import { DATABASE_FILE, openDatabase, type Db } from './db/open';
import { initEvidence } from './evidence';
import { cleanInterruptedWrites } from './exchange/interrupted-writes';
import { grantLocalFiles } from './local-file-grants';
import { takeDownload, type Download } from './output/downloads';
import { handlers } from './handlers';
import { createRegistry, defaultLogger, type Logger, type Registry } from './registry';
import { APP_VERSION } from './version';
import { isUnreadableDatabaseError, probeStore, refuseUnsafeStore, unreadableDatabase, unversionedDatabase } from './store-guard';

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

/**
 * Opens the data folder's database, refusing (DB_UNUSABLE, before anything is created or
 * removed) one that is missing, empty, unreadable or without a schema while the evidence store
 * holds files: see store-guard.ts. A fresh folder (no evidence yet) gets a new database.
 */
function openStore(dataDir: string): Db {
  const probe = probeStore(dataDir);
  refuseUnsafeStore(dataDir, probe);
  const hasEvidence = probe.evidenceFiles > 0;
  if (!hasEvidence) mkdirSync(dataDir, { recursive: true });
  let db: Db | undefined;
  try {
    db = openDatabase(join(dataDir, DATABASE_FILE), {
      fileMustExist: hasEvidence,
      beforeCreate: () => {
        if (hasEvidence) throw unversionedDatabase(dataDir, probe);
      },
    });
    // Reads the evidence table's pages: a damaged file often opens and fails only here, and the
    // start-up clean-up must not run on a table it cannot read.
    db.prepare('SELECT count(*) FROM evidence_file').get();
    return db;
  } catch (error) {
    db?.close();
    if (isUnreadableDatabaseError(error)) throw unreadableDatabase(dataDir, probe, error);
    throw error;
  }
}

/** Opens the data folder and wires the registry: the whole application minus its transport. */
export function openCore(options: CoreOptions): Core {
  const db = openStore(options.dataDir);
  const log = options.log ?? defaultLogger;
  initEvidence(db, options.dataDir, log, cleanInterruptedWrites(options.dataDir, log));
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
