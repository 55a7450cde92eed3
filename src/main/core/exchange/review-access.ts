import type { Db } from '../db/open';
import type { ExportSubject } from '../../../shared/exchange/manifest';

/**
 * What the exchange domain asks of the review domain (approved versions and their snapshots).
 * TEMP until the review domain lands: the lead wires these two functions to it.
 */

export interface ApprovedVersionForExport {
  subject: ExportSubject;
  unit: { name: string; shortName: string; unitType: string; parentBody: string; province: string };
  year: number;
  /** Kỳ báo cáo ("quy-1", "6-thang", "nam"…) for a report, null for the yearly self-assessment. */
  period: string | null;
  version: number;
  approval: { by: string; at: string; comment: string };
  snapshotSha256: string;
  /** The generated .docx and .xlsx of the approved version. */
  documents: { fileName: string; source: { kind: 'path'; path: string } | { kind: 'data'; data: Buffer } }[];
  /** The scanned signed copy, if one was attached. */
  signedCopy?: { fileName: string; path: string };
  /** Every evidence file linked to an item, with the hash the evidence store recorded. */
  evidence: { itemCode: string; fileName: string; path: string; sha256: string; size: number }[];
}

export const reviewAccess = {
  /** The given (or latest) approved version of an assessment year or a report period. TEMP: none yet. */
  approvedVersion(_db: Db, _subject: ExportSubject, _version?: number): ApprovedVersionForExport | null {
    return null;
  },
  /**
   * "Continue from a package": imports an opened package's snapshot as a new draft. TEMP: the
   * review domain owns drafts; until it lands this says so.
   */
  importPackageAsDraft(_db: Db, _openedDir: string): { subject: ExportSubject; version: number } {
    throw new Error('review domain not available');
  },
};
