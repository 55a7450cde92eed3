import type { Answer } from '../../../shared/criteria/format';
import type { Db } from '../db/open';

export interface SuggestionRow {
  code: string;
  fromYear: number;
  answer: Answer | null;
  explanation: string;
}

export function insertSuggestion(db: Db, year: number, s: SuggestionRow, at: string): void {
  db.prepare(
    `INSERT INTO assessment_suggestion (year, item_code, from_year, answer_json, explanation, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (year, item_code) DO UPDATE SET from_year = excluded.from_year, answer_json = excluded.answer_json,
       explanation = excluded.explanation, created_at = excluded.created_at`,
  ).run(year, s.code, s.fromYear, s.answer ? JSON.stringify(s.answer) : null, s.explanation, at);
}

export function listSuggestionRows(db: Db, year: number): SuggestionRow[] {
  const rows = db.prepare('SELECT item_code, from_year, answer_json, explanation FROM assessment_suggestion WHERE year = ? ORDER BY item_code').all(year) as {
    item_code: string;
    from_year: number;
    answer_json: string | null;
    explanation: string;
  }[];
  return rows.map((r) => ({ code: r.item_code, fromYear: r.from_year, answer: r.answer_json ? (JSON.parse(r.answer_json) as Answer) : null, explanation: r.explanation }));
}

export function deleteSuggestion(db: Db, year: number, code: string): boolean {
  return db.prepare('DELETE FROM assessment_suggestion WHERE year = ? AND item_code = ?').run(year, code).changes > 0;
}
