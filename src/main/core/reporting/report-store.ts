import type { ReportPeriodCode, ReportStatus } from '../../../shared/contract/reports';
import type { Db } from '../db/open';

/** SQL for the report tables of migration 006; nothing else reads or writes them. */

export interface ReportRow {
  id: number;
  year: number;
  period_code: ReportPeriodCode;
  status: ReportStatus;
  created_at: string;
  updated_at: string;
}

export interface SectionRow {
  section_code: string;
  text: string;
  is_draft: 0 | 1;
  updated_at: string;
}

export function getReportRow(db: Db, year: number, period: ReportPeriodCode): ReportRow | null {
  return (db.prepare('SELECT * FROM report WHERE year = ? AND period_code = ?').get(year, period) as ReportRow | undefined) ?? null;
}

/** Reports of the given year and the year before (what "previous period" can reach). */
export function listReportRows(db: Db, years: number[]): ReportRow[] {
  if (years.length === 0) return [];
  return db.prepare(`SELECT * FROM report WHERE year IN (${years.map(() => '?').join(',')})`).all(...years) as ReportRow[];
}

/** The report's id, creating the row when the period has none yet; marks it updated. */
export function ensureReport(db: Db, year: number, period: ReportPeriodCode, nowIso: string): number {
  db.prepare(
    `INSERT INTO report (year, period_code, status, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?)
     ON CONFLICT (year, period_code) DO UPDATE SET updated_at = excluded.updated_at`,
  ).run(year, period, nowIso, nowIso);
  return (db.prepare('SELECT id FROM report WHERE year = ? AND period_code = ?').get(year, period) as { id: number }).id;
}

export function listSectionRows(db: Db, reportId: number): SectionRow[] {
  return db.prepare('SELECT section_code, text, is_draft, updated_at FROM report_section WHERE report_id = ?').all(reportId) as SectionRow[];
}

export function upsertSection(db: Db, reportId: number, code: string, text: string, isDraft: boolean, nowIso: string): void {
  db.prepare(
    `INSERT INTO report_section (report_id, section_code, text, is_draft, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (report_id, section_code) DO UPDATE SET text = excluded.text, is_draft = excluded.is_draft, updated_at = excluded.updated_at`,
  ).run(reportId, code, text, isDraft ? 1 : 0, nowIso);
}

export function listStatisticValues(db: Db, reportId: number): Record<string, number> {
  const rows = db.prepare('SELECT indicator_code, value FROM report_statistic WHERE report_id = ?').all(reportId) as { indicator_code: string; value: number }[];
  return Object.fromEntries(rows.map((r) => [r.indicator_code, r.value]));
}

export function setStatisticValue(db: Db, reportId: number, code: string, value: number | null): void {
  if (value === null) {
    db.prepare('DELETE FROM report_statistic WHERE report_id = ? AND indicator_code = ?').run(reportId, code);
  } else {
    db.prepare(
      `INSERT INTO report_statistic (report_id, indicator_code, value) VALUES (?, ?, ?)
       ON CONFLICT (report_id, indicator_code) DO UPDATE SET value = excluded.value`,
    ).run(reportId, code, value);
  }
}

/** True when the report has any text or number: such a report is not overwritten by a carry. */
export function reportHasContent(db: Db, reportId: number): boolean {
  const text = db.prepare("SELECT 1 FROM report_section WHERE report_id = ? AND trim(text) <> '' LIMIT 1").get(reportId);
  const number = db.prepare('SELECT 1 FROM report_statistic WHERE report_id = ? LIMIT 1').get(reportId);
  return !!text || !!number;
}
