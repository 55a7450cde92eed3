import type { SubjectKind } from '../../../shared/contract/review';
import { subjectId, subjectLabel } from '../../../shared/review-labels';
import type { Db } from '../db/open';

/**
 * Which approved versions name a stored evidence file: an approved version must stay exportable
 * and verifiable, so the evidence domain refuses to delete anything listed here.
 *
 * A version names a file
 * - in its frozen snapshot: assessment items list their evidence by SHA-256
 *   (`content.items[].evidence[].sha256`), report sections by file id
 *   (`content.sections[].evidence[].fileId`) — only values under an `evidence` array count, so a
 *   generated document's hash that happens to match is not mistaken for one;
 * - as its signed copy (`signed_file_id`, `signed_sha256`), which no item links and the library
 *   therefore lists as "unlinked".
 */
export interface ApprovedHolder {
  kind: SubjectKind;
  key: string;
  versionNo: number;
  /** "phiên bản 1 đã duyệt của hồ sơ tự đánh giá năm 2026" (+ " (bản đã ký)" for a signed copy). */
  label: string;
}

export function approvedHoldersOfFile(db: Db, file: { id: number; sha256: string }): ApprovedHolder[] {
  const rows = db
    .prepare(
      `SELECT v.subject_kind AS kind, v.subject_key AS key, v.version_no AS versionNo, 0 AS signed
         FROM dossier_version v
        WHERE v.status = 'approved' AND EXISTS (
          SELECT 1 FROM json_tree(v.snapshot_json, '$.content') t
           WHERE t.path LIKE '%.evidence[%'
             AND ((t.key = 'sha256' AND t.value = @sha256) OR (t.key = 'fileId' AND t.type = 'integer' AND t.value = @id)))
       UNION
       SELECT v.subject_kind, v.subject_key, v.version_no, 1
         FROM dossier_version v
        WHERE v.status = 'approved' AND (v.signed_file_id = @id OR v.signed_sha256 = @sha256)
       ORDER BY kind, key, versionNo, signed`,
    )
    .all({ id: file.id, sha256: file.sha256 }) as { kind: SubjectKind; key: string; versionNo: number; signed: 0 | 1 }[];
  return rows.map((r) => ({
    kind: r.kind,
    key: r.key,
    versionNo: r.versionNo,
    label: `phiên bản ${r.versionNo} đã duyệt của hồ sơ ${midSentence(subjectLabel(subjectId(r.kind, r.key)))}${r.signed ? ' (bản đã ký)' : ''}`,
  }));
}

/** "Tự đánh giá năm 2026" inside a sentence: "tự đánh giá năm 2026". */
function midSentence(label: string): string {
  return label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
}
