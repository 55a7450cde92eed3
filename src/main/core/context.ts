import type { Actor, Session } from './auth/session';
import type { Db } from './db/open';

/** What only a desktop host can do; absent in the CLI (and faked in tests). */
export interface Desktop {
  /** Opens a file with the system's viewer; resolves to an error text (Electron's shell.openPath) or nothing. */
  openPath(path: string): Promise<string | void>;
  /**
   * Asks the officer where to save a generated document (the system's save dialog), writes it
   * there and returns the path; null when they cancel. Absent where no dialog exists (browser
   * host, CLI): the renderer then downloads the file instead.
   */
  saveFile?(suggestedName: string, data: Buffer): Promise<string | null>;
  /**
   * The save dialog alone, for outputs main writes itself (exports, backups): the chosen path, and
   * whether the dialog already asked the officer to replace an existing file; null on cancel.
   */
  chooseSavePath?(suggestedName: string): Promise<{ path: string; replaceConfirmed: boolean } | null>;
  /**
   * Shows the file, selected, in the system's file manager: «Mở thư mục» after a save, and for
   * files the app refuses to open (programs). Resolves to an error text or nothing, like openPath.
   */
  showInFolder?(path: string): Promise<string | void>;
  /**
   * Makes the app use another data folder (a restored backup): remembers it for the next start
   * and reopens the core on it. The browser host does it in-process; the window relaunches.
   */
  switchDataFolder?(dir: string): Promise<void>;
}

/** What every handler gets: the open store, where the data folder is, and who is calling. */
export interface CoreContext {
  readonly db: Db;
  readonly dataDir: string;
  readonly appVersion: string;
  /** Injected so tests can fix "today". */
  readonly now: () => Date;
  /** The caller's session (window or browser tab); null for the trusted CLI and tests. */
  readonly session: Session | null;
  /** Who the call is made by, for audit and approval records. */
  readonly actor: Actor;
  readonly desktop?: Desktop;
}
