-- user_version 12
CREATE INDEX assessment_set_switch_year ON assessment_set_switch (year, id);

CREATE INDEX audit_log_by_subject ON audit_log (subject, seq);

CREATE INDEX criteria_set_by_year ON criteria_set (year, unit_type);

CREATE INDEX evidence_link_by_target ON evidence_link (target_type, target_key);

CREATE INDEX review_comment_by_version ON review_comment (version_id, target_code);

CREATE TABLE account (
        id             INTEGER PRIMARY KEY,
        username       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 3 AND 40),
        display_name   TEXT NOT NULL CHECK (length(display_name) > 0),
        password_hash  TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
        roles_json     TEXT NOT NULL CHECK (json_valid(roles_json) AND json_type(roles_json) = 'array'),
        disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;

CREATE TABLE app_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

CREATE TABLE appraisal_item (
        year                   INTEGER NOT NULL,
        round                  INTEGER NOT NULL,
        item_code              TEXT NOT NULL,
        points                 REAL CHECK (points IS NULL OR points >= 0),
        note                   TEXT NOT NULL DEFAULT '',
        explanation_requested  INTEGER NOT NULL DEFAULT 0 CHECK (explanation_requested IN (0, 1)),
        PRIMARY KEY (year, round, item_code),
        FOREIGN KEY (year, round) REFERENCES appraisal_round (year, round) ON DELETE CASCADE
      ) STRICT;

CREATE TABLE appraisal_outcome (
        year        INTEGER PRIMARY KEY,
        rank        INTEGER CHECK (rank IS NULL OR rank >= 1),
        rank_of     INTEGER CHECK (rank_of IS NULL OR rank_of >= 1),
        updated_at  TEXT NOT NULL
      ) STRICT;

CREATE TABLE appraisal_round (
        year               INTEGER NOT NULL,
        round              INTEGER NOT NULL CHECK (round IN (1, 2)),
        unit               TEXT NOT NULL,
        final              INTEGER NOT NULL DEFAULT 0 CHECK (final IN (0, 1)),
        response_deadline  TEXT CHECK (response_deadline IS NULL OR response_deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        source_name        TEXT NOT NULL,
        source_sha256      TEXT NOT NULL CHECK (length(source_sha256) = 64),
        imported_at        TEXT NOT NULL,
        imported_by_name   TEXT NOT NULL,
        PRIMARY KEY (year, round)
      ) STRICT;

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

CREATE TABLE assessment (
        year         INTEGER PRIMARY KEY,
        set_id       TEXT NOT NULL,
        set_version  INTEGER NOT NULL,
        created_at   TEXT NOT NULL
      ) STRICT;

CREATE TABLE assessment_entry (
        year         INTEGER NOT NULL REFERENCES assessment (year) ON DELETE CASCADE,
        item_code    TEXT NOT NULL,
        answer_json  TEXT,
        explanation  TEXT NOT NULL DEFAULT '',
        status       TEXT NOT NULL DEFAULT 'chua-lam'
                     CHECK (status IN ('chua-lam', 'dang-lam', 'xong', 'can-bo-sung')),
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (year, item_code)
      ) STRICT;

CREATE TABLE assessment_note (
        year        INTEGER NOT NULL,
        note_key    TEXT NOT NULL CHECK (note_key IN ('kho-khan-kien-nghi')),
        text        TEXT NOT NULL DEFAULT '',
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (year, note_key)
      ) STRICT;

CREATE TABLE assessment_set_switch (
        id                  INTEGER PRIMARY KEY,
        year                INTEGER NOT NULL REFERENCES assessment (year),
        set_id              TEXT NOT NULL,
        from_version        INTEGER NOT NULL,
        to_version          INTEGER NOT NULL,
        switched_at         TEXT NOT NULL,
        actor               TEXT NOT NULL,
        entries_before_json TEXT NOT NULL,
        not_carried_json    TEXT NOT NULL
      ) STRICT;

CREATE TABLE assessment_suggestion (
        year         INTEGER NOT NULL REFERENCES assessment (year) ON DELETE CASCADE,
        item_code    TEXT NOT NULL,
        from_year    INTEGER NOT NULL,
        answer_json  TEXT,
        explanation  TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        PRIMARY KEY (year, item_code)
      ) STRICT;

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

CREATE TABLE cchc_plan (
        year              INTEGER PRIMARY KEY,
        number            TEXT NOT NULL DEFAULT '',
        issue_date        TEXT,
        title             TEXT NOT NULL DEFAULT '',
        document_file_id  INTEGER,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      ) STRICT;

CREATE TABLE cchc_plan_task (
        id               INTEGER PRIMARY KEY,
        year             INTEGER NOT NULL,
        code             TEXT NOT NULL,
        position         INTEGER NOT NULL,
        title            TEXT NOT NULL,
        lead             TEXT NOT NULL DEFAULT '',
        cooperating      TEXT NOT NULL DEFAULT '',
        due_date         TEXT,
        product          TEXT NOT NULL DEFAULT '',
        source           TEXT NOT NULL DEFAULT 'own' CHECK (source IN ('own', 'province', 'remediation')),
        source_ref       TEXT NOT NULL DEFAULT '',
        status           TEXT NOT NULL DEFAULT 'chua-lam'
                         CHECK (status IN ('chua-lam', 'dang-lam', 'xong', 'xong-qua-han', 'khong-thuc-hien')),
        status_reason    TEXT NOT NULL DEFAULT '',
        done_date        TEXT,
        result_file_ids  TEXT NOT NULL DEFAULT '[]',
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        UNIQUE (year, code)
      ) STRICT;

CREATE TABLE criteria_set (
        row_id           INTEGER PRIMARY KEY,
        set_id           TEXT NOT NULL,
        version          INTEGER NOT NULL CHECK (version >= 1),
        year             INTEGER NOT NULL,
        unit_type        TEXT NOT NULL CHECK (unit_type IN ('so', 'ubnd-xa', 'ubnd-huyen', 'khac')),
        name             TEXT NOT NULL,
        is_sample        INTEGER NOT NULL CHECK (is_sample IN (0, 1)),
        decision_number  TEXT,
        decision_date    TEXT,
        decision_issuer  TEXT,
        format_version   INTEGER NOT NULL,
        content_json     TEXT NOT NULL,
        content_sha256   TEXT NOT NULL CHECK (length(content_sha256) = 64),
        imported_at      TEXT NOT NULL,
        UNIQUE (set_id, version),
        UNIQUE (set_id, content_sha256)
      ) STRICT;

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

CREATE TABLE evidence_file (
        id             INTEGER PRIMARY KEY,
        sha256         TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        size           INTEGER NOT NULL CHECK (size > 0),
        stored_path    TEXT NOT NULL UNIQUE,
        mime           TEXT NOT NULL,
        original_name  TEXT NOT NULL,
        text_status    TEXT NOT NULL
                       CHECK (text_status IN ('ok', 'truncated', 'no-text', 'too-large', 'unsupported')),
        created_at     TEXT NOT NULL
      ) STRICT;

CREATE VIRTUAL TABLE evidence_fts USING fts5 (
        name, meta, body,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );

CREATE TABLE 'evidence_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'evidence_fts_content'(id INTEGER PRIMARY KEY, c0, c1, c2);

CREATE TABLE 'evidence_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'evidence_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'evidence_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE evidence_link (
        id           INTEGER PRIMARY KEY,
        file_id      INTEGER NOT NULL REFERENCES evidence_file (id) ON DELETE CASCADE,
        target_type  TEXT NOT NULL CHECK (target_type IN ('item', 'report-section')),
        target_key   TEXT NOT NULL,
        location     TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        UNIQUE (file_id, target_type, target_key)
      ) STRICT;

CREATE TABLE evidence_meta (
        file_id      INTEGER PRIMARY KEY REFERENCES evidence_file (id) ON DELETE CASCADE,
        doc_type     TEXT NOT NULL DEFAULT '',
        doc_number   TEXT NOT NULL DEFAULT '',
        doc_symbol   TEXT NOT NULL DEFAULT '',
        issue_date   TEXT CHECK (issue_date IS NULL OR issue_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        issuer       TEXT NOT NULL DEFAULT '',
        summary      TEXT NOT NULL DEFAULT '',
        period       TEXT NOT NULL DEFAULT '',
        confirmed    INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
        updated_at   TEXT NOT NULL
      ) STRICT;

CREATE TABLE evidence_pending (
        token       TEXT PRIMARY KEY,
        pid         INTEGER NOT NULL,
        sha256      TEXT,
        started_at  TEXT NOT NULL
      ) STRICT;

CREATE TABLE evidence_text (
        file_id  INTEGER PRIMARY KEY REFERENCES evidence_file (id) ON DELETE CASCADE,
        body     TEXT NOT NULL
      ) STRICT;

CREATE TABLE giai_trinh_entry (
        year        INTEGER NOT NULL,
        round       INTEGER NOT NULL CHECK (round IN (1, 2)),
        item_code   TEXT NOT NULL,
        text        TEXT NOT NULL DEFAULT '',
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (year, round, item_code)
      ) STRICT;

CREATE TABLE report (
        id           INTEGER PRIMARY KEY,
        year         INTEGER NOT NULL,
        period_code  TEXT NOT NULL CHECK (period_code IN ('q1', 'h1', 'q3', '9m', 'year')),
        status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        UNIQUE (year, period_code)
      ) STRICT;

CREATE TABLE report_document_option (
        report_id       INTEGER PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
        document_date   TEXT,
        recipients      TEXT
      ) STRICT;

CREATE TABLE report_section (
        report_id     INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        section_code  TEXT NOT NULL,
        text          TEXT NOT NULL DEFAULT '',
        -- 1 while the text is what was carried from an earlier period and not yet edited
        is_draft      INTEGER NOT NULL DEFAULT 0 CHECK (is_draft IN (0, 1)),
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (report_id, section_code)
      ) STRICT;

CREATE TABLE report_sending (
        year          INTEGER NOT NULL,
        period_code   TEXT NOT NULL,
        number        TEXT NOT NULL,
        sent_date     TEXT NOT NULL,
        channel       TEXT NOT NULL CHECK (channel IN ('truc-lien-thong', 'phan-mem-bnv', 'email', 'buu-chinh', 'truc-tiep', 'khac')),
        recorded_at   TEXT NOT NULL,
        PRIMARY KEY (year, period_code)
      ) STRICT;

CREATE TABLE report_statistic (
        report_id       INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        indicator_code  TEXT NOT NULL,
        value           REAL NOT NULL,
        PRIMARY KEY (report_id, indicator_code)
      ) STRICT;

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

CREATE TABLE review_draft_comment (
        id            INTEGER PRIMARY KEY,
        subject_kind  TEXT NOT NULL CHECK (subject_kind IN ('assessment', 'report')),
        subject_key   TEXT NOT NULL CHECK (length(subject_key) BETWEEN 1 AND 40),
        author_key    TEXT NOT NULL CHECK (length(author_key) BETWEEN 1 AND 40),
        target_code   TEXT NOT NULL CHECK (length(target_code) BETWEEN 1 AND 40),
        body          TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        updated_at    TEXT NOT NULL,
        UNIQUE (subject_kind, subject_key, author_key, target_code)
      ) STRICT;

CREATE TABLE unit_profile (
        year                 INTEGER PRIMARY KEY,
        name                 TEXT NOT NULL,
        short_name           TEXT NOT NULL,
        unit_type            TEXT NOT NULL CHECK (unit_type IN ('so', 'ubnd-xa', 'ubnd-huyen', 'khac')),
        parent_body          TEXT NOT NULL,
        province             TEXT NOT NULL,
        focal_officer_name   TEXT NOT NULL,
        focal_officer_phone  TEXT NOT NULL DEFAULT '',
        focal_officer_email  TEXT NOT NULL DEFAULT '',
        leader_name          TEXT NOT NULL,
        leader_title         TEXT NOT NULL,
        updated_at           TEXT NOT NULL
      , drafting_unit TEXT NOT NULL DEFAULT '') STRICT;

CREATE TRIGGER approved_document_no_delete BEFORE DELETE ON approved_document
      BEGIN
        SELECT RAISE(ABORT, 'Văn bản của phiên bản đã duyệt không được xóa.');
      END;

CREATE TRIGGER approved_document_no_update BEFORE UPDATE ON approved_document
      BEGIN
        SELECT RAISE(ABORT, 'Văn bản của phiên bản đã duyệt không được sửa.');
      END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm, không được xóa.');
      END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm, không được sửa.');
      END;

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
