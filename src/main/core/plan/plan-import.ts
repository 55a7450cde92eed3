import type { PlanImportError, PlanImportResult } from '../../../shared/contract/plan';
import { wordCellErrors } from '../criteria/issue-paths';
import { columnLetter } from '../xlsx-columns';
import type { CoreContext } from '../context';
import { checkPlanFile, type RawPlanFile } from './plan-file';
import { readPlanJson } from './plan-json';
import { planJsonPathsInWords } from './plan-json-paths';
import { getPlan, listTasks, upsertPlan, upsertTask, type PlanFields } from './plan-store';
import { PLAN_SHEETS, TASK_COLUMNS } from './plan-sheets';
import { recordPlanEdit } from './review-access';
import { changedFields } from './task-rules';
import { loadOnFirstCall } from '../load-on-first-call';

// Loaded with its document library when first used (see load-on-first-call.ts).
const readPlanXlsx = loadOnFirstCall(() => import('./plan-xlsx').then((m) => m.readPlanXlsx));

/**
 * Importing a plan file: every error is listed at once and nothing is saved while any remains;
 * then tasks are matched by code (created, updated field by field, or unchanged), stored tasks
 * the file does not list are kept, and the whole import is one transaction with one audit entry.
 */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function detectFormat(fileName: string, bytes: Uint8Array): 'json' | 'xlsx' | null {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'xlsx';
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.json')) return 'json';
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') ? 'json' : null;
}

const failed = (format: PlanImportResult['format'], errors: PlanImportResult['errors'], year: number | null = null): PlanImportResult => ({
  ok: false,
  format,
  year,
  errors,
  saved: false,
  created: [],
  updated: [],
  unchanged: [],
  notInFile: [],
  planChanged: [],
  notes: [],
});

async function readRaw(format: 'json' | 'xlsx', bytes: Buffer): Promise<RawPlanFile> {
  if (format === 'xlsx') return readPlanXlsx(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { year: null, plan: null, tasks: [], errors: [{ where: '(tệp)', message: 'Tệp JSON không phải văn bản UTF-8; hãy lưu lại với mã hóa UTF-8.' }] };
  }
  return readPlanJson(text);
}

export async function importPlanFile(
  ctx: CoreContext,
  input: { fileName: string; contentBase64: string; year?: number; preview?: boolean },
): Promise<PlanImportResult> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const format = detectFormat(input.fileName, bytes);
  if (!format) return failed(null, [{ where: '(tệp)', message: `Tệp «${input.fileName}» không phải kế hoạch: chỉ nhận tệp .json hoặc .xlsx.` }]);
  const raw = await readRaw(format, bytes);
  const parsed = checkPlanFile(raw);
  const errors = [...parsed.errors];
  if (parsed.year !== null && input.year !== undefined && parsed.year !== input.year) {
    errors.push({ where: 'year', message: `Tệp là kế hoạch năm ${parsed.year}, không phải năm ${input.year} đã chọn.` });
  }
  const year = parsed.year ?? input.year ?? null;
  if (year === null && !errors.some((e) => e.where === 'year')) {
    errors.push({ where: format === 'xlsx' ? 'Kế hoạch!B1' : 'year', message: 'Không rõ kế hoạch năm nào: ghi năm trong tệp hoặc chọn năm khi nhập.' });
  }
  if (parsed.tasks.length === 0 && errors.length === 0) errors.push({ where: '(tệp)', message: 'Tệp không có nhiệm vụ nào.' });
  if (errors.length || year === null) {
    return { ...failed(format, format === 'xlsx' ? planCellsInWords(errors) : planJsonPathsInWords(errors, raw), year), notes: parsed.notes };
  }

  const stored = new Map(listTasks(ctx.db, year).map((t) => [t.code, t]));
  const result: PlanImportResult = { ...failed(format, [], year), ok: true, notes: parsed.notes };
  const writes = parsed.tasks.map((task) => {
    const before = stored.get(task.code);
    // The file does not carry result documents: a re-import keeps those already linked.
    const next = { ...task, resultFileIds: before?.resultFileIds ?? [] };
    const fields = before ? changedFields(before, next) : null;
    if (!before) result.created.push(task.code);
    else if (fields!.length) result.updated.push({ code: task.code, fields: fields! });
    else result.unchanged.push(task.code);
    return { next, write: !before || fields!.length > 0 };
  });
  const inFile = new Set(parsed.tasks.map((t) => t.code));
  result.notInFile = [...stored.keys()].filter((code) => !inFile.has(code));

  const planBefore = getPlan(ctx.db, year);
  let planNext: PlanFields | null = null;
  if (parsed.plan) {
    planNext = { number: parsed.plan.number || planBefore?.number || '', date: parsed.plan.date ?? planBefore?.date ?? null, title: parsed.plan.title || planBefore?.title || '', documentFileId: planBefore?.documentFileId ?? null };
    result.planChanged = (['number', 'date', 'title'] as const).filter((k) => (planBefore?.[k] ?? (k === 'date' ? null : '')) !== planNext![k]);
  }
  if (input.preview) return result;

  const nowIso = ctx.now().toISOString();
  ctx.db.transaction(() => {
    recordPlanEdit(ctx, year, {
      action: 'plan.import',
      target: input.fileName,
      new: { created: result.created, updated: result.updated, planChanged: result.planChanged },
    });
    if (planNext && result.planChanged.length) upsertPlan(ctx.db, year, planNext, nowIso);
    for (const w of writes) if (w.write) upsertTask(ctx.db, year, w.next, nowIso);
  })();
  return { ...result, saved: true };
}

/** Excel cells as the officer finds them: "Trang «Nhiệm vụ», dòng 7, cột «Hạn hoàn thành»". */
function planCellsInWords(errors: PlanImportError[]): PlanImportError[] {
  return wordCellErrors(errors, (sheet, letter) =>
    sheet === PLAN_SHEETS.tasks ? TASK_COLUMNS.find((_, i) => columnLetter(i) === letter)?.header : undefined,
    [PLAN_SHEETS.plan],
  );
}
