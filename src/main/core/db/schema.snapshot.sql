-- user_version 5
CREATE INDEX criteria_set_by_year ON criteria_set (year, unit_type);

CREATE INDEX evidence_link_by_target ON evidence_link (target_type, target_key);

CREATE TABLE account (
        id             INTEGER PRIMARY KEY,
        username       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name   TEXT NOT NULL,
        password_hash  TEXT NOT NULL,
        roles_json     TEXT NOT NULL,
        disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;

CREATE TABLE app_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
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
      ) STRICT;
