import type { AssessmentEntry } from '../../../shared/contract/assessment';
import type { Answer, ItemStatus } from '../../../shared/criteria/format';
import type { Db } from '../db/open';

export interface AssessmentRow {
  year: number;
  set_id: string;
  set_version: number;
  created_at: string;
}

interface EntryRow {
  item_code: string;
  answer_json: string | null;
  explanation: string;
  status: ItemStatus;
  updated_at: string;
}

export function getAssessmentRow(db: Db, year: number): AssessmentRow | null {
  return (db.prepare('SELECT * FROM assessment WHERE year = ?').get(year) as AssessmentRow | undefined) ?? null;
}

export function listAssessmentRows(db: Db): AssessmentRow[] {
  return db.prepare('SELECT * FROM assessment ORDER BY year DESC').all() as AssessmentRow[];
}

export function insertAssessment(db: Db, row: AssessmentRow): void {
  db.prepare('INSERT INTO assessment (year, set_id, set_version, created_at) VALUES (@year, @set_id, @set_version, @created_at)').run(row);
}

function fromRow(row: EntryRow): AssessmentEntry {
  return {
    code: row.item_code,
    answer: row.answer_json ? (JSON.parse(row.answer_json) as Answer) : null,
    explanation: row.explanation,
    status: row.status,
    updatedAt: row.updated_at,
  };
}

export function listEntries(db: Db, year: number): AssessmentEntry[] {
  return (db.prepare('SELECT item_code, answer_json, explanation, status, updated_at FROM assessment_entry WHERE year = ?').all(year) as EntryRow[]).map(fromRow);
}

export function upsertEntry(db: Db, year: number, entry: AssessmentEntry & { updatedAt: string }): void {
  db.prepare(
    `INSERT INTO assessment_entry (year, item_code, answer_json, explanation, status, updated_at)
     VALUES (@year, @code, @answer, @explanation, @status, @updatedAt)
     ON CONFLICT (year, item_code) DO UPDATE SET answer_json = excluded.answer_json,
       explanation = excluded.explanation, status = excluded.status, updated_at = excluded.updated_at`,
  ).run({
    year,
    code: entry.code,
    answer: entry.answer ? JSON.stringify(entry.answer) : null,
    explanation: entry.explanation,
    status: entry.status,
    updatedAt: entry.updatedAt,
  });
}

/** A blank entry for an item nobody has touched yet. */
export function emptyEntry(code: string): AssessmentEntry {
  return { code, answer: null, explanation: '', status: 'chua-lam', updatedAt: null };
}
