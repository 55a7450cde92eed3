import type { Db } from './db/open';

/** What every handler gets: the open store and where the data folder is. */
export interface CoreContext {
  readonly db: Db;
  readonly dataDir: string;
  readonly appVersion: string;
  /** Injected so tests can fix "today". */
  readonly now: () => Date;
}
