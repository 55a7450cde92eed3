import type { Db } from '../db/open';
import { copyLinks, countLinks, linkToItems } from '../evidence';

/** What the assessment domain asks of the evidence domain (keys: itemEvidenceKey(year, code)). */
export const evidenceAccess = {
  countLinks(db: Db, keys: string[]): Record<string, number> {
    return countLinks(db, keys);
  },
  copyLinks(db: Db, fromKey: string, toKey: string): number {
    return copyLinks(db, fromKey, toKey);
  },
  linkToItems(db: Db, fileId: number, keys: readonly string[], now: Date): number {
    return linkToItems(db, fileId, keys, now);
  },
};
