import type { Migration } from './types';

/**
 * Review and approval of a dossier, and the audit log.
 *
 * A review subject is named by value: kind 'assessment' with key '2026', or kind 'report' with
 * key '2026:q1' (the reporting domain owns its tables; nothing here is a foreign key into them).
 * Each subject has numbered versions; an approved version holds the frozen snapshot (canonical
 * JSON) with its SHA-256, and the documents generated at approval, byte for byte.
 *
 * Append-only is enforced twice: triggers refuse UPDATE/DELETE of audit rows, of approved
 * snapshots and of approved documents (so a bug in the app cannot rewrite history), and the
 * audit log is a hash chain (so an edit made outside the app, with the triggers dropped, is
 * still found by verify).
 */
export const migration007: Migration = {
  version: 7,
  name: 'review-and-audit',
  up(db) {
    db.exec(`
      CREATE TABLE dossier_version (
        id                 INTEGER PRIMARY KEY,
        subject_kind       TEXT NOT NULL CHECK (subject_kind IN ('assessment', 'report')),
        subject_key        TEXT NOT NULL CHECK (length(subject_key) BETWEEN 1 AND 40),
        version_no         INTEGER NOT NULL CHECK (version_no >= 1),
        status             TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
        opened_at          TEXT NOT NULL,
        opened_by_id       INTEGER,
        opened_by_name     TEXT NOT NULL,
        submitted_at       TEXT,
        submitted_by_id    INTEGER,
        submitted_by_name  TEXT,
        decided_at         TEXT,
        decided_by_id      INTEGER,
        decided_by_name    TEXT,
        decision_comment   TEXT NOT NULL DEFAULT '',
        snapshot_json      TEXT,
        snapshot_sha256    TEXT CHECK (snapshot_sha256 IS NULL OR length(snapshot_sha256) = 64),
        signed_file_id     INTEGER,
        signed_sha256      TEXT CHECK (signed_sha256 IS NULL OR length(signed_sha256) = 64),
        signed_name        TEXT,
        signed_size        INTEGER,
        signed_at          TEXT,
        signed_by_name     TEXT,
        UNIQUE (subject_kind, subject_key, version_no),
        CHECK (status <> 'approved' OR (snapshot_json IS NOT NULL AND snapshot_sha256 IS NOT NULL AND decided_at IS NOT NULL)),
        CHECK (signed_sha256 IS NULL OR status = 'approved')
      ) STRICT;

      -- Once approved, only the signed-copy columns may still change (the copy is attached later).
      CREATE TRIGGER dossier_version_approved_frozen
      BEFORE UPDATE ON dossier_version
      WHEN OLD.status = 'approved' AND (
        NEW.status IS NOT OLD.status OR NEW.snapshot_json IS NOT OLD.snapshot_json
        OR NEW.snapshot_sha256 IS NOT OLD.snapshot_sha256 OR NEW.decided_at IS NOT OLD.decided_at
        OR NEW.decided_by_id IS NOT OLD.decided_by_id OR NEW.decided_by_name IS NOT OLD.decided_by_name
        OR NEW.decision_comment IS NOT OLD.decision_comment OR NEW.version_no IS NOT OLD.version_no
        OR NEW.subject_kind IS NOT OLD.subject_kind OR NEW.subject_key IS NOT OLD.subject_key)
      BEGIN
        SELECT RAISE(ABORT, 'Phiên bản đã duyệt không được sửa.');
      END;

      CREATE TRIGGER dossier_version_approved_kept
      BEFORE DELETE ON dossier_version WHEN OLD.status = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Phiên bản đã duyệt không được xóa.');
      END;

      CREATE TABLE approved_document (
        id          INTEGER PRIMARY KEY,
        version_id  INTEGER NOT NULL REFERENCES dossier_version (id),
        position    INTEGER NOT NULL,
        file_name   TEXT NOT NULL,
        sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
        size        INTEGER NOT NULL CHECK (size >= 0),
        data        BLOB NOT NULL,
        UNIQUE (version_id, position)
      ) STRICT;

      CREATE TRIGGER approved_document_no_update BEFORE UPDATE ON approved_document
      BEGIN
        SELECT RAISE(ABORT, 'Văn bản của phiên bản đã duyệt không được sửa.');
      END;
      CREATE TRIGGER approved_document_no_delete BEFORE DELETE ON approved_document
      BEGIN
        SELECT RAISE(ABORT, 'Văn bản của phiên bản đã duyệt không được xóa.');
      END;

      CREATE TABLE review_comment (
        id                INTEGER PRIMARY KEY,
        version_id        INTEGER NOT NULL REFERENCES dossier_version (id),
        target_code       TEXT NOT NULL,
        body              TEXT NOT NULL CHECK (length(body) > 0),
        created_at        TEXT NOT NULL,
        created_by_id     INTEGER,
        created_by_name   TEXT NOT NULL,
        resolved_at       TEXT,
        resolved_by_id    INTEGER,
        resolved_by_name  TEXT,
        resolution_note   TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX review_comment_by_version ON review_comment (version_id, target_code);

      -- seq is given by the app (last + 1), never reused, so a deleted row leaves a visible gap.
      CREATE TABLE audit_log (
        seq         INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        actor_id    INTEGER,
        actor_name  TEXT NOT NULL,
        action      TEXT NOT NULL,
        subject     TEXT NOT NULL DEFAULT '',
        target      TEXT NOT NULL DEFAULT '',
        old_json    TEXT,
        new_json    TEXT,
        prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash        TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
      ) STRICT;
      CREATE INDEX audit_log_by_subject ON audit_log (subject, seq);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm, không được sửa.');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm, không được xóa.');
      END;
    `);
  },
};
