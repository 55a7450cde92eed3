import type { Migration } from './types';

/**
 * Two things a year's self-assessment keeps beside its entries:
 * - every switch to a newer version of its criteria set, with the entries exactly as they were
 *   before it (what did not carry stays readable here; nothing the officer typed is lost);
 * - last year's answers offered as suggestions («Bắt đầu từ năm trước»): they are not entries, so
 *   they neither count as answered nor score until the officer confirms one («Dùng gợi ý»).
 */
export const migration012: Migration = {
  version: 12,
  name: 'set-switch-and-suggestions',
  up(db) {
    db.exec(`
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
      CREATE INDEX assessment_set_switch_year ON assessment_set_switch (year, id);

      CREATE TABLE assessment_suggestion (
        year         INTEGER NOT NULL REFERENCES assessment (year) ON DELETE CASCADE,
        item_code    TEXT NOT NULL,
        from_year    INTEGER NOT NULL,
        answer_json  TEXT,
        explanation  TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        PRIMARY KEY (year, item_code)
      ) STRICT;
    `);
  },
};
