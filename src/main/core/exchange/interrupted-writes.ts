import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isAlive } from '../process-alive';
import { syncDirectory } from '../sync-directory';
import { removeStaleTemps } from './zip-write';

/**
 * A journal of the hidden temp files an export or a backup writes outside the data folder (beside
 * the zip the officer asked for). The zip's temp, and the backup's copy of the database (with the
 * password hashes in it), sit in folders start-up would never look in; a process killed half-way
 * cannot remove them. So each write records its temp paths here before it creates them, and
 * forgets them when it is done; start-up removes what a dead process recorded (cleanInterruptedWrites).
 *
 *   <data>/pending-writes/<pid>-<uuid>.json   { pid, startedAt, kind, paths: [absolute paths] }
 *
 * A restore has no data folder yet: its temp folder is named after the target folder
 * (".<target>.phuc-hoi-<pid>-<uuid>" beside it), and start-up of that folder removes it.
 */

export const PENDING_WRITES_DIR = 'pending-writes';

/** Where backups and packages go when the officer names no other place (backup.ts, handlers.ts). */
const DEFAULT_OUTPUT_FOLDERS = ['sao-luu', 'goi-nop'];

export type WriteKind = 'export' | 'backup';

export interface WriteJournal {
  /** Records a temp path (durably) before the caller creates it. */
  add(path: string): void;
  /** The write is over (done, or failed and cleaned up by itself): forget it. */
  finish(): void;
}

const noJournal: WriteJournal = { add: () => undefined, finish: () => undefined };

interface JournalEntry {
  pid: number;
  startedAt: string;
  kind: WriteKind;
  paths: string[];
}

/** A journal entry for one export or backup; without a data folder (some tests), a no-op. */
export function beginWrite(dataDir: string | undefined, kind: WriteKind): WriteJournal {
  if (!dataDir) return noJournal;
  const dir = join(dataDir, PENDING_WRITES_DIR);
  const file = join(dir, `${process.pid}-${randomUUID()}.json`);
  const entry: JournalEntry = { pid: process.pid, startedAt: new Date().toISOString(), kind, paths: [] };
  let finished = false;
  return {
    add(path) {
      if (finished) return;
      entry.paths.push(path);
      mkdirSync(dir, { recursive: true });
      writeDurably(file, JSON.stringify(entry));
    },
    finish() {
      if (finished) return;
      finished = true;
      rmSync(file, { force: true });
    },
  };
}

/** Temp, fsync, rename: a killed write leaves the old entry or the new one, never half of one. */
function writeDurably(file: string, text: string): void {
  const temp = `${file}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  syncDirectory(dirname(file));
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/**
 * The only names a journal entry may make start-up delete: the zip writer's ".<name>.<pid>-<uuid>.part"
 * and the backup's ".cchc-db-<pid>-<uuid>.sqlite" (with SQLite's -journal/-wal/-shm beside it).
 * A damaged or forged entry naming anything else is ignored.
 */
const OUR_TEMP = new RegExp(`^\\.(?:.+\\.|cchc-db-)(\\d+)-${UUID}\\.(?:part|sqlite(?:-journal|-wal|-shm)?)$`);

/** Whether a process recorded as `pid`, at `startedAt`, may still be writing. */
function stillRunning(pid: number, startedAt: string): boolean {
  if (pid === process.pid) {
    // Our own pid, recorded before this process started: an earlier run that had the same pid.
    const processStart = Date.now() - process.uptime() * 1000;
    return Date.parse(startedAt) >= processStart;
  }
  return isAlive(pid);
}

/**
 * Start-up: removes the temp files of exports and backups whose process is gone (from the journal),
 * and the temp folder of a restore into this data folder that was killed. Returns what it removed
 * (absolute paths). Never throws: a clean-up problem must not keep the app from starting.
 */
export function cleanInterruptedWrites(dataDir: string, log: (message: string, detail?: unknown) => void = () => undefined): string[] {
  const removed: string[] = [];
  const remove = (path: string, recursive = false) => {
    try {
      if (!existsSync(path)) return;
      rmSync(path, { force: true, recursive });
      removed.push(path);
    } catch (error) {
      log('could not remove the leftover of an interrupted write', { path, error });
    }
  };
  const dir = join(dataDir, PENDING_WRITES_DIR);
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // No journal folder: nothing was ever written through it.
  }
  for (const name of names) {
    const file = join(dir, name);
    const owner = /^(\d+)-/.exec(name);
    if (name.endsWith('.json.tmp')) {
      // An entry whose own write was cut short; the entry before it (if any) still names the paths.
      if (owner && !isAlive(Number(owner[1]))) rmSync(file, { force: true });
      continue;
    }
    if (!name.endsWith('.json')) continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(readFileSync(file, 'utf8')) as JournalEntry;
    } catch (error) {
      log('unreadable interrupted-write journal entry, left in place', { file, error });
      continue;
    }
    if (!Number.isInteger(entry.pid) || !Array.isArray(entry.paths)) continue;
    if (stillRunning(entry.pid, String(entry.startedAt))) continue;
    for (const path of entry.paths) {
      if (typeof path !== 'string') continue;
      const m = OUR_TEMP.exec(basename(path));
      if (!m || Number(m[1]) !== entry.pid) continue;
      remove(path);
      // SQLite's side files of the backup's database copy.
      if (path.endsWith('.sqlite')) for (const suffix of ['-journal', '-wal', '-shm']) remove(path + suffix);
    }
    rmSync(file, { force: true });
  }
  for (const leftover of restoreLeftovers(dataDir)) remove(leftover, true);
  // The app's own output folders, for temps left before writes were journalled (our distinctive
  // names of dead processes only, as the next export into that folder would remove them).
  for (const folder of DEFAULT_OUTPUT_FOLDERS) {
    for (const name of removeStaleTemps(join(dataDir, folder))) removed.push(join(dataDir, folder, name));
  }
  return removed;
}

/** ".<folder>.phuc-hoi-<pid>-<uuid>": the temp folder a restore into `targetDir` extracts into. */
export function restoreTempName(targetDir: string, pid: number): string {
  return `.${basename(targetDir)}.phuc-hoi-${pid}-${randomUUID()}`;
}

/** A folder with our own pid is a leftover only if an earlier run (same pid) made it. */
function olderThanThisProcess(path: string): boolean {
  try {
    return statSync(path).mtimeMs < Date.now() - process.uptime() * 1000;
  } catch {
    return false;
  }
}

/** Temp folders of restores into `targetDir` whose process is gone (absolute paths). */
export function restoreLeftovers(targetDir: string): string[] {
  const parent = dirname(targetDir);
  const prefix = `.${basename(targetDir)}.phuc-hoi-`;
  const pattern = new RegExp(`^(\\d+)-${UUID}$`);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = pattern.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    const path = join(parent, name);
    if (pid === process.pid ? !olderThanThisProcess(path) : isAlive(pid)) continue;
    found.push(path);
  }
  return found;
}
