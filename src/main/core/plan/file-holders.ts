import type { Db } from '../db/open';

/**
 * Which stored evidence files the CCHC plan names (its own document, a task's result documents),
 * said the way the evidence list shows it. The plan names files by id, not by an evidence link,
 * so the evidence domain asks here before it calls a file unlinked or lets it be deleted.
 */

export interface PlanFileUse {
  fileId: number;
  year: number;
  /** "Kế hoạch CCHC năm 2026 (số 15/KH-SNV)" or "kết quả nhiệm vụ 3 của Kế hoạch CCHC năm 2026". */
  label: string;
}

function planName(year: number, number: string): string {
  return `Kế hoạch CCHC năm ${year}${number.trim() ? ` (số ${number.trim()})` : ''}`;
}

/** Every use of the given files (all files the plan names when ids is omitted). */
export function planFileUses(db: Db, ids?: readonly number[]): PlanFileUse[] {
  const wanted = ids ? new Set(ids) : null;
  if (wanted && wanted.size === 0) return [];
  const uses: PlanFileUse[] = [];
  const plans = db.prepare('SELECT year, number, document_file_id FROM cchc_plan WHERE document_file_id IS NOT NULL').all() as {
    year: number;
    number: string;
    document_file_id: number;
  }[];
  for (const p of plans) {
    if (!wanted || wanted.has(p.document_file_id)) uses.push({ fileId: p.document_file_id, year: p.year, label: planName(p.year, p.number) });
  }
  const tasks = db
    .prepare(
      `SELECT t.year, t.code, CAST(j.value AS INTEGER) AS file_id
         FROM cchc_plan_task t, json_each(t.result_file_ids) j
        ORDER BY t.year, t.position`,
    )
    .all() as { year: number; code: string; file_id: number }[];
  for (const t of tasks) {
    if (!wanted || wanted.has(t.file_id)) uses.push({ fileId: t.file_id, year: t.year, label: `kết quả nhiệm vụ ${t.code} của Kế hoạch CCHC năm ${t.year}` });
  }
  return uses;
}
