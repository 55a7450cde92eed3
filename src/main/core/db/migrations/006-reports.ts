import type { Migration } from './types';

/**
 * Periodic CCHC reports: one report per year and period, the text of each outline section, and
 * the entered values of the biểu số liệu (computed rows are never stored: they are derived on
 * read, so they cannot disagree with their inputs). Outline and indicator codes are kept by value:
 * both lists are data files that may gain or lose entries between versions.
 */
export const migration006: Migration = {
  version: 6,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE report (
        id           INTEGER PRIMARY KEY,
        year         INTEGER NOT NULL,
        period_code  TEXT NOT NULL CHECK (period_code IN ('q1', 'h1', 'q3', '9m', 'year')),
        status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        UNIQUE (year, period_code)
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

      CREATE TABLE report_statistic (
        report_id       INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        indicator_code  TEXT NOT NULL,
        value           REAL NOT NULL,
        PRIMARY KEY (report_id, indicator_code)
      ) STRICT;
    `);
  },
};
