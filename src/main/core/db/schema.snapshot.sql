-- user_version 4
CREATE INDEX criteria_set_by_year ON criteria_set (year, unit_type);

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
