import type { AppraisalRound } from '../../../shared/contract/appraisal';
import type { Db } from '../db/open';

/** Rows of the appraisal tables (migration 010). Nothing here knows about sets or scores. */

export interface RoundRow {
  year: number;
  round: AppraisalRound;
  unit: string;
  final: 0 | 1;
  response_deadline: string | null;
  source_name: string;
  source_sha256: string;
  imported_at: string;
  imported_by_name: string;
}

export interface ItemRow {
  item_code: string;
  points: number | null;
  note: string;
  explanation_requested: 0 | 1;
}

export interface StoredItem {
  code: string;
  points: number | null;
  note: string;
  explanationRequested: boolean;
}

export function listRounds(db: Db, year: number): RoundRow[] {
  return db.prepare('SELECT * FROM appraisal_round WHERE year = ? ORDER BY round').all(year) as RoundRow[];
}

export function listRoundItems(db: Db, year: number, round: number): StoredItem[] {
  const rows = db.prepare('SELECT item_code, points, note, explanation_requested FROM appraisal_item WHERE year = ? AND round = ?').all(year, round) as ItemRow[];
  return rows.map((r) => ({ code: r.item_code, points: r.points, note: r.note, explanationRequested: r.explanation_requested === 1 }));
}

/** Replaces a round: its row and items, in the caller's transaction. */
export function replaceRound(db: Db, row: RoundRow, items: readonly StoredItem[]): boolean {
  const existed = !!db.prepare('SELECT 1 FROM appraisal_round WHERE year = ? AND round = ?').get(row.year, row.round);
  db.prepare('DELETE FROM appraisal_item WHERE year = ? AND round = ?').run(row.year, row.round);
  db.prepare('DELETE FROM appraisal_round WHERE year = ? AND round = ?').run(row.year, row.round);
  db.prepare(
    `INSERT INTO appraisal_round (year, round, unit, final, response_deadline, source_name, source_sha256, imported_at, imported_by_name)
     VALUES (@year, @round, @unit, @final, @response_deadline, @source_name, @source_sha256, @imported_at, @imported_by_name)`,
  ).run(row);
  const insert = db.prepare('INSERT INTO appraisal_item (year, round, item_code, points, note, explanation_requested) VALUES (?, ?, ?, ?, ?, ?)');
  for (const item of items) insert.run(row.year, row.round, item.code, item.points, item.note, item.explanationRequested ? 1 : 0);
  return existed;
}

export function setRoundDeadline(db: Db, year: number, round: number, deadline: string | null): void {
  db.prepare('UPDATE appraisal_round SET response_deadline = ? WHERE year = ? AND round = ?').run(deadline, year, round);
}

export function getGiaiTrinh(db: Db, year: number, round: number): Record<string, string> {
  const rows = db.prepare('SELECT item_code, text FROM giai_trinh_entry WHERE year = ? AND round = ?').all(year, round) as { item_code: string; text: string }[];
  return Object.fromEntries(rows.map((r) => [r.item_code, r.text]));
}

export function upsertGiaiTrinh(db: Db, year: number, round: number, code: string, text: string, at: string): void {
  db.prepare(
    `INSERT INTO giai_trinh_entry (year, round, item_code, text, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (year, round, item_code) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  ).run(year, round, code, text, at);
}

export interface OutcomeRow {
  year: number;
  rank: number | null;
  rank_of: number | null;
}

export function listOutcomes(db: Db): OutcomeRow[] {
  return db.prepare('SELECT year, rank, rank_of FROM appraisal_outcome ORDER BY year').all() as OutcomeRow[];
}

export function upsertOutcome(db: Db, year: number, rank: number | null, rankOf: number | null, at: string): void {
  db.prepare(
    `INSERT INTO appraisal_outcome (year, rank, rank_of, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (year) DO UPDATE SET rank = excluded.rank, rank_of = excluded.rank_of, updated_at = excluded.updated_at`,
  ).run(year, rank, rankOf, at);
}

/** Years that have an appraisal round, for the history across years. */
export function appraisedYears(db: Db): number[] {
  return (db.prepare('SELECT DISTINCT year FROM appraisal_round ORDER BY year').all() as { year: number }[]).map((r) => r.year);
}
