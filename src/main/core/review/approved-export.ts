import type { DossierSnapshot, SubjectKind } from '../../../shared/contract/review';
import type { Db } from '../db/open';
import { getVersion, latestApproved, readDocuments } from './version-store';

/** An approved version as another domain (the submission package) needs it: frozen, never rebuilt. */
export interface ApprovedDossier {
  versionNo: number;
  snapshot: DossierSnapshot;
  snapshotSha256: string;
  /** The stored canonical JSON, byte for byte what snapshotSha256 is taken over. */
  snapshotJson: string;
  approvedBy: string;
  approvedAt: string;
  comment: string;
  /** The documents frozen at approval, byte for byte. */
  documents: { fileName: string; sha256: string; data: Buffer }[];
  signedCopy: { fileId: number; name: string; sha256: string } | null;
}

/** The given approved version of a subject, or its latest approved one; null when there is none. */
export function approvedDossier(db: Db, kind: SubjectKind, key: string, versionNo?: number): ApprovedDossier | null {
  const row = versionNo === undefined ? latestApproved(db, kind, key) : getVersion(db, kind, key, versionNo);
  if (!row || row.status !== 'approved' || !row.snapshot_json || !row.snapshot_sha256) return null;
  const documents = readDocuments(db, row.id);
  return {
    versionNo: row.version_no,
    snapshot: JSON.parse(row.snapshot_json) as DossierSnapshot,
    snapshotSha256: row.snapshot_sha256,
    snapshotJson: row.snapshot_json,
    approvedBy: row.decided_by_name ?? '',
    approvedAt: row.decided_at ?? '',
    comment: row.decision_comment,
    documents,
    signedCopy:
      row.signed_file_id !== null && row.signed_sha256 && row.signed_name
        ? { fileId: row.signed_file_id, name: row.signed_name, sha256: row.signed_sha256 }
        : null,
  };
}
