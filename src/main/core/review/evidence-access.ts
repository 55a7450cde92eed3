import type { EvidenceRef } from '../../../shared/contract/review';
import type { Db } from '../db/open';
import { listLinkedEvidence, storeBufferAsEvidence } from '../evidence';

/**
 * What the review domain asks of the evidence domain: the files behind each item (name, hash,
 * size) frozen in an approved snapshot, and the store for a signed copy given as bytes
 * (content-addressed, deduplicated, verified like any tài liệu kiểm chứng).
 */
export const evidenceAccess = {
  evidenceForItems(db: Db, keys: string[]): Record<string, EvidenceRef[]> {
    const linked = listLinkedEvidence(db, keys);
    return Object.fromEntries(
      keys.map((key) => [key, (linked[key] ?? []).map((e) => ({ name: e.originalName, sha256: e.sha256, size: e.size }))]),
    );
  },
  /** The document details of each linked file, for the check before sending. */
  linkedDetails(db: Db, keys: string[]): Record<string, { name: string; issueDate: string | null; metaConfirmed: boolean }[]> {
    const linked = listLinkedEvidence(db, keys);
    return Object.fromEntries(
      keys.map((key) => [key, (linked[key] ?? []).map((e) => ({ name: e.originalName, issueDate: e.issueDate, metaConfirmed: e.metaConfirmed !== false }))]),
    );
  },
  get storeBufferAsEvidence() {
    return storeBufferAsEvidence;
  },
};
