import { z } from 'zod';
import { isIsoDate } from '../text/vi';
import { channel } from './define';
import { profileYearSchema } from './profile';
import type { ReportPeriodCode } from './reports';

/**
 * The year's Kế hoạch CCHC (số, ngày, trích yếu, its document) and its tasks (nhiệm vụ): rõ
 * người, rõ việc, rõ thời gian, sản phẩm, and where each comes from. Completion rates are always
 * computed from the tasks, never typed.
 */

export const TASK_STATUSES = ['chua-lam', 'dang-lam', 'xong', 'xong-qua-han', 'khong-thuc-hien'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** own = the unit's own plan; province = handed down by the province's plan (sourceRef = its number); remediation = khắc phục hạn chế of last year's Chỉ số (sourceRef = criterion code). */
export const TASK_SOURCES = ['own', 'province', 'remediation'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  'chua-lam': 'Chưa làm',
  'dang-lam': 'Đang làm',
  xong: 'Đã xong',
  'xong-qua-han': 'Xong quá hạn',
  'khong-thuc-hien': 'Không thực hiện',
};

export const TASK_SOURCE_LABELS: Record<TaskSource, string> = {
  own: 'Kế hoạch của đơn vị',
  province: 'Kế hoạch của tỉnh',
  remediation: 'Khắc phục hạn chế Chỉ số năm trước',
};

export const isDoneStatus = (s: TaskStatus): boolean => s === 'xong' || s === 'xong-qua-han';

export interface PlanInfo {
  year: number;
  /** "15/KH-STP"; empty until entered. */
  number: string;
  /** ISO date or null. */
  date: string | null;
  title: string;
  /** Evidence file holding the signed plan, or null. */
  documentFileId: number | null;
  updatedAt: string | null;
}

export interface PlanTask {
  code: string;
  title: string;
  lead: string;
  cooperating: string;
  /** ISO date or null (a task without a deadline counts only in the year's rate). */
  due: string | null;
  product: string;
  source: TaskSource;
  /** Province plan number ("47/KH-UBND") or, for remediation, the criterion code. */
  sourceRef: string;
  status: TaskStatus;
  /** Why a task is not carried out (required for khong-thuc-hien). */
  statusReason: string;
  /** ISO date the task was finished, for xong / xong-qua-han. */
  doneDate: string | null;
  /** Evidence files with the task's results. */
  resultFileIds: number[];
  updatedAt: string;
}

/** Done on time / late / due, over a set of tasks; rate null when nothing is due. */
export interface CompletionRate {
  /** Tasks counted (due in the window; không thực hiện excluded). */
  due: number;
  /** Finished by the end of the window. */
  done: number;
  /** Finished no later than their deadline. */
  doneOnTime: number;
  /** Past their deadline at the end of the window and not finished. */
  overdue: number;
  /** Tasks set aside as không thực hiện in the window. */
  notCarriedOut: number;
  /** done ÷ due × 100, or null when due = 0. */
  rate: number | null;
  /** doneOnTime ÷ due × 100, or null when due = 0. */
  onTimeRate: number | null;
}

export interface PeriodCompletion extends CompletionRate {
  period: ReportPeriodCode;
  /** "Quý I" … as the period list names it. */
  name: string;
  cutoffFrom: string;
  cutoffTo: string;
}

export interface PlanView {
  plan: PlanInfo;
  tasks: PlanTask[];
  /** The whole year as of today (Vietnam time). */
  year: CompletionRate;
  periods: PeriodCompletion[];
}

/** Tasks due within 7 days and overdue ones, for the home page. */
export interface PlanDueSummary {
  year: number;
  today: string;
  dueSoon: PlanTask[];
  overdue: PlanTask[];
}

export interface PlanImportError {
  /** "tasks[3].due" in JSON, "Nhiệm vụ!E7" in Excel, "(tệp)" for the file. */
  where: string;
  message: string;
  /** The exact cell ("Nhiệm vụ!E7") when `where` says it in words. */
  ref?: string;
}

export interface PlanTaskChange {
  code: string;
  /** Field names whose values changed, in contract names. */
  fields: string[];
}

export interface PlanImportResult {
  ok: boolean;
  format: 'json' | 'xlsx' | null;
  year: number | null;
  errors: PlanImportError[];
  /** True when the result was saved (ok and not a preview). */
  saved: boolean;
  created: string[];
  updated: PlanTaskChange[];
  unchanged: string[];
  /** Stored tasks the file does not list: kept as they are. */
  notInFile: string[];
  planChanged: string[];
  /** Non-blocking remarks ("xong" after its deadline stored as xong quá hạn). */
  notes: string[];
}

export interface PlanFile {
  fileName: string;
  contentBase64: string;
}

/** What a criterion can take from the plan (shown as such; the officer may override it with a reason). */
export interface PlanCriterionFacts {
  year: number;
  planNumber: string;
  planDate: string | null;
  /** Tasks of the year done on time ÷ tasks of the year × 100 (feeds "mức độ hoàn thành kế hoạch"). */
  onTimeRate: number | null;
  due: number;
  doneOnTime: number;
}

export const PLAN_TEXT_MAX = 2000;
/** About 7.5 MB once decoded: a plan workbook of a few hundred rows is far smaller. */
export const MAX_PLAN_FILE_BASE64 = 10_000_000;

const isoDate = z.string().refine(isIsoDate, 'Ngày phải là ngày có thật (yyyy-mm-dd).');
const shortText = (max: number) => z.string().trim().max(max);

export const planTaskInputSchema = z.strictObject({
  code: z.string().trim().min(1, 'Thiếu mã nhiệm vụ.').max(20).regex(/^[\p{L}\p{N}.\-_]+$/u, 'Mã nhiệm vụ chỉ gồm chữ, số và các dấu . - _'),
  title: z.string().trim().min(1, 'Thiếu nội dung nhiệm vụ.').max(PLAN_TEXT_MAX),
  lead: shortText(300).default(''),
  cooperating: shortText(500).default(''),
  due: isoDate.nullable().default(null),
  product: shortText(PLAN_TEXT_MAX).default(''),
  source: z.enum(TASK_SOURCES).default('own'),
  sourceRef: shortText(100).default(''),
  status: z.enum(TASK_STATUSES).default('chua-lam'),
  statusReason: shortText(PLAN_TEXT_MAX).default(''),
  doneDate: isoDate.nullable().default(null),
  resultFileIds: z.array(z.number().int().min(1)).max(50).default([]),
});
export type PlanTaskInput = z.input<typeof planTaskInputSchema>;

const fileInput = {
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.base64().max(MAX_PLAN_FILE_BASE64, 'Tệp quá lớn (tối đa khoảng 7 MB).'),
};

export const planChannels = {
  'plan/get': channel<PlanView>()(z.strictObject({ year: profileYearSchema })),
  'plan/save': channel<PlanInfo>()(
    z.strictObject({
      year: profileYearSchema,
      number: shortText(60),
      date: isoDate.nullable(),
      title: shortText(PLAN_TEXT_MAX),
      documentFileId: z.number().int().min(1).nullable(),
    }),
  ),
  /** Creates or updates one task by code. */
  'plan/save-task': channel<PlanTask>()(z.strictObject({ year: profileYearSchema, task: planTaskInputSchema })),
  /** Removes one task the officer chose to remove. */
  'plan/delete-task': channel<{ deleted: true }>()(z.strictObject({ year: profileYearSchema, code: z.string().trim().min(1).max(20) })),
  /**
   * Imports tasks (JSON or Excel). Every error is listed at once and nothing is saved on error;
   * tasks are matched by code (updated, reported field by field); stored tasks absent from the
   * file stay. preview: check and report only.
   */
  'plan/import': channel<PlanImportResult>()(
    z.strictObject({ ...fileInput, year: profileYearSchema.optional(), preview: z.boolean().optional() }),
  ),
  /** The Excel template, with examples. */
  'plan/template': channel<PlanFile>()(z.strictObject({})),
  'plan/due': channel<PlanDueSummary>()(z.strictObject({ year: profileYearSchema })),
  /** Creates remediation tasks (khắc phục hạn chế) from criteria that lost points in the year before. */
  'plan/add-remediation': channel<PlanTask[]>()(
    z.strictObject({
      year: profileYearSchema,
      items: z
        .array(z.strictObject({ criterionCode: z.string().trim().min(1).max(40), title: z.string().trim().min(1).max(PLAN_TEXT_MAX), due: isoDate.nullable().default(null) }))
        .min(1)
        .max(200),
    }),
  ),
  'plan/criterion-facts': channel<PlanCriterionFacts>()(z.strictObject({ year: profileYearSchema })),
};

