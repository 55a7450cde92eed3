import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, type Db } from '../../../src/main/core/db/open';
import { migrations } from '../../../src/main/core/db/migrations';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: Db;

beforeEach(() => {
  temp = makeTempDir('cchc-migration-006-');
  db = openDatabase(join(temp.dir, 'm.sqlite'), { migrations: migrations.slice(0, 6) });
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const report = (year: number | string, period: string, status = 'draft') =>
  db
    .prepare("INSERT INTO report (year, period_code, status, created_at, updated_at) VALUES (?, ?, ?, '2026-03-01', '2026-03-01')")
    .run(year, period, status);

describe('migration 006: reports', () => {
  it('brings the store to version 6 with the three report tables', () => {
    expect(schemaVersion(db)).toBe(6);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'report%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(['report', 'report_section', 'report_statistic']);
  });

  it('keeps one report per year and period and refuses unknown periods, statuses and types', () => {
    report(2026, 'q1');
    report(2026, 'h1');
    report(2025, 'q1');
    expect(() => report(2026, 'q1')).toThrow(/UNIQUE/);
    expect(() => report(2026, 'q4')).toThrow(/CHECK/);
    expect(() => report(2026, 'q3', 'sent')).toThrow(/CHECK/);
    expect(() => report('năm', 'q3')).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('removes sections and statistics with their report, and refuses orphans', () => {
    const id = Number(report(2026, 'q1').lastInsertRowid);
    db.prepare("INSERT INTO report_section (report_id, section_code, text, is_draft, updated_at) VALUES (?, 'chi-dao', 'Ặ ỹ Đ', 1, 'x')").run(id);
    db.prepare("INSERT INTO report_statistic (report_id, indicator_code, value) VALUES (?, 'hs-tiep-nhan', 120)").run(id);
    expect(() => db.prepare("INSERT INTO report_statistic (report_id, indicator_code, value) VALUES (999, 'x', 1)").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO report_section (report_id, section_code, is_draft, updated_at) VALUES (?, 'the-che', 2, 'x')").run(id)).toThrow(/CHECK/);
    db.prepare('DELETE FROM report WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM report_section').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM report_statistic').get()).toEqual({ n: 0 });
  });
});
