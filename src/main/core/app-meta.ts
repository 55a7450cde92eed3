import type { Db } from './db/open';

/** Small app-wide settings kept in app_meta (key → text). */
export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export const DEFAULT_LOCK_AFTER_MINUTES = 15;

export function lockAfterMinutes(db: Db): number {
  const value = Number(getMeta(db, 'lockAfterMinutes'));
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_LOCK_AFTER_MINUTES;
}
