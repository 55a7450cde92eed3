import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from './db/open';
import { handlers } from './handlers';
import { createRegistry, type Logger, type Registry } from './registry';
import { APP_VERSION } from './version';

export interface Core {
  readonly db: Db;
  readonly dataDir: string;
  readonly registry: Registry;
  close(): void;
}

export interface CoreOptions {
  dataDir: string;
  now?: () => Date;
  log?: Logger;
}

export const DATABASE_FILE = 'cchc-desk.sqlite';

/** Opens the data folder and wires the registry: the whole application minus its transport. */
export function openCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const ctx = {
    db,
    dataDir: options.dataDir,
    appVersion: APP_VERSION,
    now: options.now ?? (() => new Date()),
  };
  return {
    db,
    dataDir: options.dataDir,
    registry: createRegistry(handlers, ctx, options.log),
    close: () => db.close(),
  };
}
