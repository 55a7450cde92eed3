import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/main/core/db/open';
import { migrations } from '../../../src/main/core/db/migrations';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-migration-002-'));
  db = openDatabase(join(dir, 'm.sqlite'), { migrations: migrations.slice(0, 2) });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (setId: string, version: number, sha: string) =>
  db
    .prepare(
      `INSERT INTO criteria_set (set_id, version, year, unit_type, name, is_sample, format_version, content_json, content_sha256, imported_at)
       VALUES (?, ?, 2026, 'so', 'Bộ thử', 0, 1, '{}', ?, '2026-01-05T00:00:00.000Z')`,
    )
    .run(setId, version, sha);

describe('migration 002: criteria_set', () => {
  it('keeps one row per (set id, version) and one per (set id, content)', () => {
    insert('bo-a', 1, 'a'.repeat(64));
    insert('bo-a', 2, 'b'.repeat(64));
    insert('bo-b', 1, 'a'.repeat(64));
    expect(() => insert('bo-a', 2, 'c'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => insert('bo-a', 3, 'a'.repeat(64))).toThrow(/UNIQUE/);
  });

  it('refuses bad values (STRICT table, checks)', () => {
    expect(() => insert('bo-a', 0, 'a'.repeat(64))).toThrow(/CHECK/);
    expect(() => insert('bo-a', 1, 'short')).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO criteria_set (set_id, version, year, unit_type, name, is_sample, format_version, content_json, content_sha256, imported_at)
           VALUES ('bo-c', 1, 'năm', 'so', 'x', 0, 1, '{}', ?, 'now')`,
        )
        .run('d'.repeat(64)),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
