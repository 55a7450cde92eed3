import type { Migration } from './types';

/**
 * The year's Kế hoạch CCHC and its tasks; the sending record of periodic reports; the report's
 * own document options (date, Nơi nhận); the drafting unit's abbreviation in the unit profile.
 *
 * Evidence files (the plan's document, a task's result documents) are named by the evidence
 * domain's file id, by value: the evidence domain owns its tables and never loses a stored file.
 * Task status, source and the sending channel are closed lists checked here as in the contract.
 */
export const migration011: Migration = {
  version: 11,
  name: 'plan-and-report-sending',
  up(db) {
    db.exec(`
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

      CREATE TABLE report_sending (
        year          INTEGER NOT NULL,
        period_code   TEXT NOT NULL,
        number        TEXT NOT NULL,
        sent_date     TEXT NOT NULL,
        channel       TEXT NOT NULL CHECK (channel IN ('truc-lien-thong', 'phan-mem-bnv', 'email', 'buu-chinh', 'truc-tiep', 'khac')),
        recorded_at   TEXT NOT NULL,
        PRIMARY KEY (year, period_code)
      ) STRICT;

      CREATE TABLE report_document_option (
        report_id       INTEGER PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
        document_date   TEXT,
        recipients      TEXT
      ) STRICT;

      ALTER TABLE unit_profile ADD COLUMN drafting_unit TEXT NOT NULL DEFAULT '';
    `);
  },
};
