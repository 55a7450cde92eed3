import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import { perDatabase } from '../db/per-database';

/**
 * Documents this run saved where the officer chose in the save dialog (generated reports), by an
 * id the page may hand back for «Mở thư mục»: the page never names the path itself.
 */

const MAX_REMEMBERED = 200;

const savedOf = perDatabase(() => new Map<string, string>());

export function rememberSavedFile(db: Db, path: string): string {
  const saved = savedOf(db);
  // The oldest go first: only the last few saves are ever asked about.
  while (saved.size >= MAX_REMEMBERED) saved.delete(saved.keys().next().value!);
  const id = randomUUID();
  saved.set(id, path);
  return id;
}

export function savedFilePath(db: Db, id: string): string | null {
  return savedOf(db).get(id) ?? null;
}
