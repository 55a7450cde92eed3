import type { Db } from '../db/open';
import { planFileUses } from '../plan';

/**
 * What the evidence domain asks of the plan domain: which stored files the CCHC plan names (its
 * document, task results). Such a file counts as used, like a linked one, and is never deleted
 * while the plan names it. Called when used (the plan also asks the evidence domain; they load in
 * a cycle).
 */
export const planAccess = {
  planFileUses: (db: Db, ids?: readonly number[]) => planFileUses(db, ids),
};

/** The plan's uses of each file, by file id. */
export function planUsesById(db: Db, ids?: readonly number[]): Map<number, string[]> {
  const byId = new Map<number, string[]>();
  for (const use of planAccess.planFileUses(db, ids)) byId.set(use.fileId, [...(byId.get(use.fileId) ?? []), use.label]);
  return byId;
}
