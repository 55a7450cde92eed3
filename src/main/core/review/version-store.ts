import type { ApprovedDocumentInfo, DossierVersionInfo, ReviewComment, Stamp, SubjectKind, VersionStatus } from '../../../shared/contract/review';
import { actorLabel, type Actor } from '../auth/session';
import type { Db } from '../db/open';

/** SQL for dossier versions, review comments and approved documents (tables of migration 007). */

export interface VersionRow {
  id: number;
  subject_kind: SubjectKind;
  subject_key: string;
  version_no: number;
  status: VersionStatus;
  opened_at: string;
  opened_by_id: number | null;
  opened_by_name: string;
  submitted_at: string | null;
  submitted_by_id: number | null;
  submitted_by_name: string | null;
  decided_at: string | null;
  decided_by_id: number | null;
  decided_by_name: string | null;
  decision_comment: string;
  snapshot_json: string | null;
  snapshot_sha256: string | null;
  signed_file_id: number | null;
  signed_sha256: string | null;
  signed_name: string | null;
  signed_size: number | null;
  signed_at: string | null;
  signed_by_name: string | null;
}

interface CommentRow {
  id: number;
  version_id: number;
  target_code: string;
  body: string;
  created_at: string;
  created_by_id: number | null;
  created_by_name: string;
  resolved_at: string | null;
  resolved_by_id: number | null;
  resolved_by_name: string | null;
  resolution_note: string;
}

export const actorId = (actor: Actor): number | null => (actor.kind === 'user' ? actor.id : null);

const stamp = (at: string | null, id: number | null, name: string | null): Stamp | null => (at ? { at, id, name: name ?? '' } : null);

export function latestVersion(db: Db, kind: SubjectKind, key: string): VersionRow | null {
  return (
    (db.prepare('SELECT * FROM dossier_version WHERE subject_kind = ? AND subject_key = ? ORDER BY version_no DESC LIMIT 1').get(kind, key) as
      | VersionRow
      | undefined) ?? null
  );
}

export function latestApproved(db: Db, kind: SubjectKind, key: string): VersionRow | null {
  return (
    (db
      .prepare("SELECT * FROM dossier_version WHERE subject_kind = ? AND subject_key = ? AND status = 'approved' ORDER BY version_no DESC LIMIT 1")
      .get(kind, key) as VersionRow | undefined) ?? null
  );
}

export function listVersions(db: Db, kind: SubjectKind, key: string): VersionRow[] {
  return db.prepare('SELECT * FROM dossier_version WHERE subject_kind = ? AND subject_key = ? ORDER BY version_no DESC').all(kind, key) as VersionRow[];
}

export function getVersion(db: Db, kind: SubjectKind, key: string, versionNo: number): VersionRow | null {
  return (
    (db.prepare('SELECT * FROM dossier_version WHERE subject_kind = ? AND subject_key = ? AND version_no = ?').get(kind, key, versionNo) as
      | VersionRow
      | undefined) ?? null
  );
}

export function getVersionById(db: Db, id: number): VersionRow | null {
  return (db.prepare('SELECT * FROM dossier_version WHERE id = ?').get(id) as VersionRow | undefined) ?? null;
}

export function insertDraftVersion(db: Db, kind: SubjectKind, key: string, versionNo: number, actor: Actor, at: Date): VersionRow {
  const info = db
    .prepare(
      `INSERT INTO dossier_version (subject_kind, subject_key, version_no, status, opened_at, opened_by_id, opened_by_name)
       VALUES (?, ?, ?, 'draft', ?, ?, ?)`,
    )
    .run(kind, key, versionNo, at.toISOString(), actorId(actor), actorLabel(actor));
  return getVersionById(db, Number(info.lastInsertRowid))!;
}

export function markSubmitted(db: Db, id: number, actor: Actor, at: Date): void {
  db.prepare(`UPDATE dossier_version SET status = 'submitted', submitted_at = ?, submitted_by_id = ?, submitted_by_name = ? WHERE id = ?`).run(
    at.toISOString(),
    actorId(actor),
    actorLabel(actor),
    id,
  );
}

export function markReturned(db: Db, id: number, actor: Actor, at: Date): void {
  db.prepare(`UPDATE dossier_version SET status = 'returned', decided_at = ?, decided_by_id = ?, decided_by_name = ?, decision_comment = '' WHERE id = ?`).run(
    at.toISOString(),
    actorId(actor),
    actorLabel(actor),
    id,
  );
}

export function markApproved(db: Db, id: number, actor: Actor, at: string, comment: string, snapshotJson: string, sha256: string): void {
  db.prepare(
    `UPDATE dossier_version SET status = 'approved', decided_at = ?, decided_by_id = ?, decided_by_name = ?, decision_comment = ?,
       snapshot_json = ?, snapshot_sha256 = ? WHERE id = ?`,
  ).run(at, actorId(actor), actorLabel(actor), comment, snapshotJson, sha256, id);
}

export function setSignedCopy(db: Db, id: number, copy: { fileId: number; sha256: string; name: string; size: number }, actor: Actor, at: Date): void {
  db.prepare(
    `UPDATE dossier_version SET signed_file_id = ?, signed_sha256 = ?, signed_name = ?, signed_size = ?, signed_at = ?, signed_by_name = ? WHERE id = ?`,
  ).run(copy.fileId, copy.sha256, copy.name, copy.size, at.toISOString(), actorLabel(actor), id);
}

export function insertDocument(db: Db, versionId: number, position: number, doc: { fileName: string; sha256: string; data: Buffer }): void {
  db.prepare('INSERT INTO approved_document (version_id, position, file_name, sha256, size, data) VALUES (?, ?, ?, ?, ?, ?)').run(
    versionId,
    position,
    doc.fileName,
    doc.sha256,
    doc.data.length,
    doc.data,
  );
}

export function listDocuments(db: Db, versionId: number): ApprovedDocumentInfo[] {
  return (
    db.prepare('SELECT position, file_name, sha256, size FROM approved_document WHERE version_id = ? ORDER BY position').all(versionId) as {
      position: number;
      file_name: string;
      sha256: string;
      size: number;
    }[]
  ).map((d) => ({ position: d.position, fileName: d.file_name, sha256: d.sha256, size: d.size }));
}

export function readDocument(db: Db, versionId: number, position: number): { fileName: string; sha256: string; data: Buffer } | null {
  const row = db.prepare('SELECT file_name, sha256, data FROM approved_document WHERE version_id = ? AND position = ?').get(versionId, position) as
    | { file_name: string; sha256: string; data: Buffer }
    | undefined;
  return row ? { fileName: row.file_name, sha256: row.sha256, data: row.data } : null;
}

/** Every document of a version with its bytes, in position order. */
export function readDocuments(db: Db, versionId: number): { fileName: string; sha256: string; data: Buffer }[] {
  const rows = db.prepare('SELECT file_name, sha256, data FROM approved_document WHERE version_id = ? ORDER BY position').all(versionId) as {
    file_name: string;
    sha256: string;
    data: Buffer;
  }[];
  return rows.map((row) => ({ fileName: row.file_name, sha256: row.sha256, data: row.data }));
}

export function versionInfo(db: Db, row: VersionRow): DossierVersionInfo {
  return {
    versionNo: row.version_no,
    status: row.status,
    persisted: true,
    opened: stamp(row.opened_at, row.opened_by_id, row.opened_by_name),
    submitted: stamp(row.submitted_at, row.submitted_by_id, row.submitted_by_name),
    decided: stamp(row.decided_at, row.decided_by_id, row.decided_by_name),
    decisionComment: row.decision_comment,
    snapshotSha256: row.snapshot_sha256,
    documents: row.status === 'approved' ? listDocuments(db, row.id) : [],
    signedCopy:
      row.signed_sha256 && row.signed_at
        ? { fileId: row.signed_file_id ?? 0, sha256: row.signed_sha256, name: row.signed_name ?? '', size: row.signed_size ?? 0, at: row.signed_at, byName: row.signed_by_name ?? '' }
        : null,
  };
}

export function insertComment(db: Db, versionId: number, target: string, body: string, actor: Actor, at: Date): number {
  const info = db
    .prepare('INSERT INTO review_comment (version_id, target_code, body, created_at, created_by_id, created_by_name) VALUES (?, ?, ?, ?, ?, ?)')
    .run(versionId, target, body, at.toISOString(), actorId(actor), actorLabel(actor));
  return Number(info.lastInsertRowid);
}

export function resolveCommentRow(db: Db, id: number, note: string, actor: Actor, at: Date): void {
  db.prepare('UPDATE review_comment SET resolved_at = ?, resolved_by_id = ?, resolved_by_name = ?, resolution_note = ? WHERE id = ?').run(
    at.toISOString(),
    actorId(actor),
    actorLabel(actor),
    note,
    id,
  );
}

export function getCommentRow(db: Db, id: number): (CommentRow & { version_no: number; subject_kind: SubjectKind; subject_key: string }) | null {
  return (
    (db
      .prepare(
        `SELECT c.*, v.version_no, v.subject_kind, v.subject_key FROM review_comment c JOIN dossier_version v ON v.id = c.version_id WHERE c.id = ?`,
      )
      .get(id) as (CommentRow & { version_no: number; subject_kind: SubjectKind; subject_key: string }) | undefined) ?? null
  );
}

export function listComments(db: Db, versionId: number, versionNo: number, titleOf: (code: string) => string): ReviewComment[] {
  const rows = db.prepare('SELECT * FROM review_comment WHERE version_id = ? ORDER BY resolved_at IS NOT NULL, id').all(versionId) as CommentRow[];
  return rows.map((r) => commentOf(r, versionNo, titleOf));
}

export function commentOf(r: CommentRow, versionNo: number, titleOf: (code: string) => string): ReviewComment {
  return {
    id: r.id,
    versionNo,
    target: r.target_code,
    targetTitle: titleOf(r.target_code),
    body: r.body,
    created: { at: r.created_at, id: r.created_by_id, name: r.created_by_name },
    resolved: stamp(r.resolved_at, r.resolved_by_id, r.resolved_by_name),
    resolutionNote: r.resolution_note,
  };
}

export function countUnresolved(db: Db, versionId: number): { target_code: string }[] {
  return db.prepare('SELECT target_code FROM review_comment WHERE version_id = ? AND resolved_at IS NULL ORDER BY id').all(versionId) as { target_code: string }[];
}

/** (seq, hash) of the audit head each approved snapshot recorded, to catch a cut-off log. */
export function approvedAnchors(db: Db): { seq: number; hash: string; label: string }[] {
  const rows = db
    .prepare(
      `SELECT subject_kind, subject_key, version_no, json_extract(snapshot_json, '$.auditHead.seq') AS seq, json_extract(snapshot_json, '$.auditHead.hash') AS hash
       FROM dossier_version WHERE status = 'approved'`,
    )
    .all() as { subject_kind: string; subject_key: string; version_no: number; seq: number | null; hash: string | null }[];
  return rows
    .filter((r) => r.seq !== null && r.hash !== null)
    .map((r) => ({ seq: r.seq!, hash: r.hash!, label: `phiên bản ${r.version_no} đã duyệt của ${r.subject_kind === 'assessment' ? 'tự đánh giá năm' : 'báo cáo'} ${r.subject_key}` }));
}
