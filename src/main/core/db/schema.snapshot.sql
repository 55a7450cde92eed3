-- user_version 1
CREATE TABLE app_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
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
