import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { EvidenceRef } from '../../../shared/contract/review';
import type { Db } from '../db/open';

/**
 * What the review domain asks of the evidence domain. TEMP until the evidence domain lands:
 * - evidenceForItems → its listLinkedEvidence(db, targetKeys) (objects with sha256/originalName/size);
 * - storeBufferAsEvidence → its store for a file given as bytes, returning the evidence file id.
 */
export const evidenceAccess = {
  /** Files linked to each target key ('2026:1.2.3'), for the approved snapshot. TEMP: none. */
  evidenceForItems(_db: Db, keys: string[]): Record<string, EvidenceRef[]> {
    return Object.fromEntries(keys.map((k) => [k, []]));
  },

  /**
   * Stores a signed copy. TEMP: writes it content-addressed under <dataDir>/review-signed/
   * (temp file, fsync, rename) and returns file id 0, as no evidence row exists yet.
   */
  async storeBufferAsEvidence(_db: Db, dataDir: string, name: string, data: Buffer): Promise<{ fileId: number; sha256: string }> {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const dir = join(dataDir, 'review-signed');
    mkdirSync(dir, { recursive: true });
    const ext = extname(name).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 9);
    const temp = join(dir, `${randomUUID()}.part`);
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, join(dir, sha256 + ext));
    return { fileId: 0, sha256 };
  },
};
