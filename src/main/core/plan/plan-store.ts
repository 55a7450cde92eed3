import type { PlanInfo, PlanTask, TaskSource, TaskStatus } from '../../../shared/contract/plan';
import type { Db } from '../db/open';

/** SQL for the plan tables (migration 011); nothing else reads or writes them. */

interface PlanRow {
  year: number;
  number: string;
  issue_date: string | null;
  title: string;
  document_file_id: number | null;
  updated_at: string;
}

interface TaskRow {
  code: string;
  position: number;
  title: string;
  lead: string;
  cooperating: string;
  due_date: string | null;
  product: string;
  source: TaskSource;
  source_ref: string;
  status: TaskStatus;
  status_reason: string;
  done_date: string | null;
  result_file_ids: string;
  updated_at: string;
}

export type TaskFields = Omit<PlanTask, 'updatedAt'>;
export type PlanFields = Omit<PlanInfo, 'year' | 'updatedAt'>;

export function emptyPlan(year: number): PlanInfo {
  return { year, number: '', date: null, title: '', documentFileId: null, updatedAt: null };
}

export function getPlan(db: Db, year: number): PlanInfo | null {
  const row = db.prepare('SELECT * FROM cchc_plan WHERE year = ?').get(year) as PlanRow | undefined;
  if (!row) return null;
  return { year, number: row.number, date: row.issue_date, title: row.title, documentFileId: row.document_file_id, updatedAt: row.updated_at };
}

export function upsertPlan(db: Db, year: number, fields: PlanFields, nowIso: string): void {
  db.prepare(
    `INSERT INTO cchc_plan (year, number, issue_date, title, document_file_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (year) DO UPDATE SET number = excluded.number, issue_date = excluded.issue_date,
       title = excluded.title, document_file_id = excluded.document_file_id, updated_at = excluded.updated_at`,
  ).run(year, fields.number, fields.date, fields.title, fields.documentFileId, nowIso, nowIso);
}

function taskOf(row: TaskRow): PlanTask {
  return {
    code: row.code,
    title: row.title,
    lead: row.lead,
    cooperating: row.cooperating,
    due: row.due_date,
    product: row.product,
    source: row.source,
    sourceRef: row.source_ref,
    status: row.status,
    statusReason: row.status_reason,
    doneDate: row.done_date,
    resultFileIds: JSON.parse(row.result_file_ids) as number[],
    updatedAt: row.updated_at,
  };
}

/** The year's tasks in plan order (the order they were first entered or imported). */
export function listTasks(db: Db, year: number): PlanTask[] {
  return (db.prepare('SELECT * FROM cchc_plan_task WHERE year = ? ORDER BY position, id').all(year) as TaskRow[]).map(taskOf);
}

export function upsertTask(db: Db, year: number, task: TaskFields, nowIso: string): void {
  const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM cchc_plan_task WHERE year = ?').get(year) as { p: number }).p;
  db.prepare(
    `INSERT INTO cchc_plan_task (year, code, position, title, lead, cooperating, due_date, product, source, source_ref,
       status, status_reason, done_date, result_file_ids, created_at, updated_at)
     VALUES (@year, @code, @position, @title, @lead, @cooperating, @due, @product, @source, @sourceRef,
       @status, @statusReason, @doneDate, @resultFileIds, @now, @now)
     ON CONFLICT (year, code) DO UPDATE SET title = excluded.title, lead = excluded.lead, cooperating = excluded.cooperating,
       due_date = excluded.due_date, product = excluded.product, source = excluded.source, source_ref = excluded.source_ref,
       status = excluded.status, status_reason = excluded.status_reason, done_date = excluded.done_date,
       result_file_ids = excluded.result_file_ids, updated_at = excluded.updated_at`,
  ).run({ ...task, year, position, resultFileIds: JSON.stringify(task.resultFileIds), now: nowIso });
}

export function deleteTask(db: Db, year: number, code: string): boolean {
  return db.prepare('DELETE FROM cchc_plan_task WHERE year = ? AND code = ?').run(year, code).changes > 0;
}
