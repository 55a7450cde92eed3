import {
  planTaskInputSchema,
  TASK_SOURCE_LABELS,
  TASK_SOURCES,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type PlanImportError,
  type TaskSource,
  type TaskStatus,
} from '../../../shared/contract/plan';
import { foldVietnamese, isIsoDate, parseDateVi, toNfc } from '../../../shared/text/vi';
import type { TaskFields } from './plan-store';
import { checkTask } from './task-rules';

/**
 * A plan file, JSON or Excel, read into one shape before anything is checked, so both formats
 * share the rules and report every error at once, each where the officer can find it (a JSON
 * path or an Excel cell).
 */

export const TASK_FIELDS = ['code', 'title', 'lead', 'cooperating', 'due', 'product', 'source', 'sourceRef', 'status', 'statusReason', 'doneDate'] as const;
export type TaskFieldKey = (typeof TASK_FIELDS)[number];

export interface RawTask {
  values: Partial<Record<TaskFieldKey, unknown>>;
  /** Where a field of this task sits in the file. */
  where(field: TaskFieldKey | null): string;
}

export interface RawPlanFile {
  year: { value: unknown; where: string } | null;
  plan: { number: unknown; date: unknown; title: unknown; where(field: 'number' | 'date' | 'title'): string } | null;
  tasks: RawTask[];
  /** Problems found while reading the file's shape. */
  errors: PlanImportError[];
}

export interface ParsedPlanFile {
  year: number | null;
  plan: { number: string; date: string | null; title: string } | null;
  tasks: TaskFields[];
  errors: PlanImportError[];
  notes: string[];
}

export const MAX_PLAN_TASKS = 1000;

/** Extra words officers write for a status, folded. */
const STATUS_WORDS: Record<string, TaskStatus> = {
  'chua thuc hien': 'chua-lam',
  'dang thuc hien': 'dang-lam',
  'hoan thanh': 'xong',
  'da hoan thanh': 'xong',
  'hoan thanh dung han': 'xong',
  'hoan thanh qua han': 'xong-qua-han',
  'hoan thanh cham': 'xong-qua-han',
  'khong thuc hien': 'khong-thuc-hien',
};

const SOURCE_WORDS: Record<string, TaskSource> = {
  'don vi': 'own',
  tinh: 'province',
  'ubnd tinh': 'province',
  'khac phuc': 'remediation',
};

function lookup<K extends string>(codes: readonly K[], labels: Record<K, string>, words: Record<string, K>, text: string): K | undefined {
  const folded = foldVietnamese(text).trim().replace(/\s+/g, ' ');
  const dashed = folded.replace(/ /g, '-');
  return (
    codes.find((c) => c === text.trim() || c === dashed) ??
    codes.find((c) => foldVietnamese(labels[c]) === folded) ??
    words[folded]
  );
}

export const statusOf = (text: string): TaskStatus | undefined => lookup(TASK_STATUSES, TASK_STATUS_LABELS, STATUS_WORDS, text);
export const sourceOf = (text: string): TaskSource | undefined => lookup(TASK_SOURCES, TASK_SOURCE_LABELS, SOURCE_WORDS, text);

const STATUS_CHOICES = TASK_STATUSES.map((s) => `«${TASK_STATUS_LABELS[s]}»`).join(', ');
const SOURCE_CHOICES = TASK_SOURCES.map((s) => `«${TASK_SOURCE_LABELS[s]}»`).join(', ');

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' ? toNfc(v).trim() : '';
}

/** A date as ISO from ISO text or dd/mm/yyyy; undefined when blank; null when not a date. */
function dateOf(v: unknown): string | null | undefined {
  const t = text(v);
  if (!t) return undefined;
  if (isIsoDate(t)) return t;
  return parseDateVi(t);
}

/** Checks one raw task; errors are pushed with their place in the file. */
function readTask(raw: RawTask, errors: PlanImportError[], notes: string[]): TaskFields | null {
  const v = raw.values;
  const before = errors.length;
  const fail = (field: TaskFieldKey, message: string) => errors.push({ where: raw.where(field), message });
  for (const key of TASK_FIELDS) {
    const value = v[key];
    if (value !== undefined && value !== null && typeof value !== 'string' && typeof value !== 'number') {
      fail(key, 'Giá trị phải là chữ hoặc số.');
    }
  }
  const dates: Partial<Record<'due' | 'doneDate', string | null>> = {};
  for (const key of ['due', 'doneDate'] as const) {
    const d = dateOf(v[key]);
    if (d === null) fail(key, `«${text(v[key])}» không phải ngày có thật; ghi dd/mm/yyyy (ví dụ 31/03/2026).`);
    else dates[key] = d ?? null;
  }
  const statusText = text(v.status);
  const status = statusText ? statusOf(statusText) : 'chua-lam';
  if (!status) fail('status', `Trạng thái «${statusText}» không có; chọn một trong: ${STATUS_CHOICES}.`);
  const sourceText = text(v.source);
  const source = sourceText ? sourceOf(sourceText) : 'own';
  if (!source) fail('source', `Nguồn «${sourceText}» không có; chọn một trong: ${SOURCE_CHOICES}.`);
  const parsed = planTaskInputSchema.safeParse({
    code: text(v.code),
    title: text(v.title),
    lead: text(v.lead),
    cooperating: text(v.cooperating),
    product: text(v.product),
    sourceRef: text(v.sourceRef),
    statusReason: text(v.statusReason),
    due: dates.due ?? null,
    doneDate: dates.doneDate ?? null,
    status: status ?? 'chua-lam',
    source: source ?? 'own',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      const key = TASK_FIELDS.includes(field as TaskFieldKey) ? (field as TaskFieldKey) : null;
      errors.push({ where: raw.where(key), message: issue.message });
    }
    return null;
  }
  if (errors.length > before) return null;
  const checked = checkTask(parsed.data);
  for (const p of checked.problems) {
    const field = TASK_FIELDS.includes(p.field as TaskFieldKey) ? (p.field as TaskFieldKey) : null;
    errors.push({ where: raw.where(field), message: p.message });
  }
  notes.push(...checked.notes);
  return checked.problems.length ? null : checked.task;
}

function readYear(raw: RawPlanFile['year'], errors: PlanImportError[]): number | null {
  if (!raw || raw.value === null || raw.value === undefined || raw.value === '') return null;
  const year = typeof raw.value === 'number' ? raw.value : Number(text(raw.value));
  if (!Number.isInteger(year) || year < 2015 || year > 2100) {
    errors.push({ where: raw.where, message: `Năm «${text(raw.value)}» không hợp lệ; ghi năm của kế hoạch, ví dụ 2026.` });
    return null;
  }
  return year;
}

function readPlan(raw: RawPlanFile['plan'], errors: PlanImportError[]): ParsedPlanFile['plan'] {
  if (!raw) return null;
  const number = text(raw.number);
  const title = text(raw.title);
  const date = dateOf(raw.date);
  if (date === null) errors.push({ where: raw.where('date'), message: `«${text(raw.date)}» không phải ngày có thật; ghi dd/mm/yyyy.` });
  if (number.length > 60) errors.push({ where: raw.where('number'), message: 'Số, ký hiệu kế hoạch quá dài (tối đa 60 ký tự).' });
  if (title.length > 2000) errors.push({ where: raw.where('title'), message: 'Trích yếu quá dài (tối đa 2000 ký tự).' });
  if (!number && !title && !date) return null;
  return { number, date: date ?? null, title };
}

/** Checks a raw file in full: every task, duplicate codes, the year and the plan's fields. */
export function checkPlanFile(raw: RawPlanFile): ParsedPlanFile {
  const errors = [...raw.errors];
  const notes: string[] = [];
  if (raw.tasks.length > MAX_PLAN_TASKS) {
    errors.push({ where: '(tệp)', message: `Tệp có ${raw.tasks.length} nhiệm vụ, quá giới hạn ${MAX_PLAN_TASKS} của một kế hoạch năm.` });
    return { year: null, plan: null, tasks: [], errors, notes };
  }
  const year = readYear(raw.year, errors);
  const plan = readPlan(raw.plan, errors);
  const tasks: TaskFields[] = [];
  // Where each code was first seen, by the task's place in the file (the same count in JSON and Excel).
  const seen = new Map<string, number>();
  for (const [index, r] of raw.tasks.entries()) {
    const task = readTask(r, errors, notes);
    const code = text(r.values.code);
    if (code) {
      const first = seen.get(code);
      if (first !== undefined) errors.push({ where: r.where('code'), message: `Mã nhiệm vụ «${code}» trùng với nhiệm vụ thứ ${first + 1} trong tệp.` });
      else seen.set(code, index);
    }
    if (task) tasks.push(task);
  }
  return { year, plan, tasks, errors, notes };
}
