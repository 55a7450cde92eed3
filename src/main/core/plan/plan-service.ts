import type {
  PeriodCompletion,
  PlanCriterionFacts,
  PlanDueSummary,
  PlanInfo,
  PlanTask,
  PlanTaskInput,
  PlanView,
} from '../../../shared/contract/plan';
import { planTaskInputSchema } from '../../../shared/contract/plan';
import { formatDateVi, todayInVietnam, toNfc } from '../../../shared/text/vi';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { periodCompletion, yearCompletion } from './completion';
import { evidenceAccess } from './evidence-access';
import { deleteTask as deleteTaskRow, emptyPlan, getPlan, listTasks, upsertPlan, upsertTask, type PlanFields } from './plan-store';
import { reportingAccess } from './reporting-access';
import { recordPlanEdit } from './review-access';
import { TASK_COLUMNS } from './plan-sheets';
import { checkTask } from './task-rules';

/** The year's plan: its facts, its tasks, and the completion rates computed from them. */

const DAY_MS = 86_400_000;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function periodCompletions(ctx: CoreContext, year: number, tasks: readonly PlanTask[]): PeriodCompletion[] {
  const today = todayInVietnam(ctx.now());
  return reportingAccess.listPeriods(ctx, year).map((p) => ({
    period: p.code,
    name: p.name,
    cutoffFrom: p.cutoffFrom,
    cutoffTo: p.cutoffTo,
    ...periodCompletion(tasks, { from: p.cutoffFrom, to: p.cutoffTo }, today),
  }));
}

export function getPlanView(ctx: CoreContext, year: number): PlanView {
  const tasks = listTasks(ctx.db, year);
  return {
    plan: getPlan(ctx.db, year) ?? emptyPlan(year),
    tasks,
    year: yearCompletion(tasks, todayInVietnam(ctx.now())),
    periods: periodCompletions(ctx, year, tasks),
  };
}

function requireFiles(ctx: CoreContext, ids: readonly number[]): void {
  for (const id of ids) {
    if (!evidenceAccess.evidenceFile(ctx.db, ctx.dataDir, id)) throw new AppError('NOT_FOUND', `Không có tài liệu mã ${id} trong kho tài liệu kiểm chứng.`);
  }
}

export function savePlan(ctx: CoreContext, year: number, fields: PlanFields): PlanInfo {
  const next: PlanFields = { number: toNfc(fields.number.trim()), date: fields.date, title: toNfc(fields.title.trim()), documentFileId: fields.documentFileId };
  if (next.documentFileId !== null) requireFiles(ctx, [next.documentFileId]);
  const before = getPlan(ctx.db, year);
  const nowIso = ctx.now().toISOString();
  ctx.db.transaction(() => {
    recordPlanEdit(ctx, year, { action: 'plan.save', old: before, new: next });
    upsertPlan(ctx.db, year, next, nowIso);
  })();
  return getPlan(ctx.db, year)!;
}

export function saveTask(ctx: CoreContext, year: number, input: PlanTaskInput): PlanTask {
  const parsed = planTaskInputSchema.parse(input);
  const { task, problems } = checkTask(parsed);
  if (problems.length) {
    // Per field too, so the task form shows each rule's message under its own field at once.
    const fields = problems.map((p) => ({ path: `task.${p.field}`, label: TASK_COLUMNS.find((c) => c.key === p.field)?.header ?? p.field, message: p.message }));
    throw new AppError('VALIDATION_FAILED', `Nhiệm vụ ${task.code} chưa được lưu. ${problems.map((p) => p.message).join(' ')}`, undefined, fields);
  }
  requireFiles(ctx, task.resultFileIds);
  const before = listTasks(ctx.db, year).find((t) => t.code === task.code) ?? null;
  ctx.db.transaction(() => {
    recordPlanEdit(ctx, year, { action: before ? 'plan.task-update' : 'plan.task-create', target: task.code, old: before, new: task });
    upsertTask(ctx.db, year, task, ctx.now().toISOString());
  })();
  return listTasks(ctx.db, year).find((t) => t.code === task.code)!;
}

export function deleteTask(ctx: CoreContext, year: number, code: string): { deleted: true } {
  const before = listTasks(ctx.db, year).find((t) => t.code === code);
  if (!before) throw new AppError('NOT_FOUND', `Kế hoạch năm ${year} không có nhiệm vụ mã «${code}».`);
  ctx.db.transaction(() => {
    recordPlanEdit(ctx, year, { action: 'plan.task-delete', target: code, old: before });
    deleteTaskRow(ctx.db, year, code);
  })();
  return { deleted: true };
}

/** Open tasks due within the next 7 days (today included), and those past their deadline. */
export function dueSummary(ctx: CoreContext, year: number): PlanDueSummary {
  const today = todayInVietnam(ctx.now());
  const horizon = addDays(today, 7);
  const open = listTasks(ctx.db, year).filter((t) => t.due !== null && (t.status === 'chua-lam' || t.status === 'dang-lam'));
  const byDue = (a: PlanTask, b: PlanTask) => a.due!.localeCompare(b.due!);
  return {
    year,
    today,
    dueSoon: open.filter((t) => t.due! >= today && t.due! <= horizon).sort(byDue),
    overdue: open.filter((t) => t.due! < today).sort(byDue),
  };
}

/**
 * Remediation tasks (khắc phục hạn chế từ kết quả Chỉ số năm trước), one per criterion that lost
 * points; codes "KP-<criterion>". A criterion that already has its task keeps it untouched.
 */
export function addRemediation(ctx: CoreContext, year: number, items: { criterionCode: string; title: string; due: string | null }[]): PlanTask[] {
  const existing = new Set(listTasks(ctx.db, year).map((t) => t.code));
  const nowIso = ctx.now().toISOString();
  const created: string[] = [];
  ctx.db.transaction(() => {
    for (const item of items) {
      const code = `KP-${item.criterionCode}`.slice(0, 20);
      if (existing.has(code)) continue;
      const { task } = checkTask(
        planTaskInputSchema.parse({
          code,
          title: `Khắc phục hạn chế tiêu chí ${item.criterionCode} (Chỉ số CCHC năm ${year - 1}): ${item.title}`.slice(0, 2000),
          source: 'remediation',
          sourceRef: item.criterionCode,
          due: item.due,
        }),
      );
      recordPlanEdit(ctx, year, { action: 'plan.task-create', target: code, new: task });
      upsertTask(ctx.db, year, task, nowIso);
      existing.add(code);
      created.push(code);
    }
  })();
  return listTasks(ctx.db, year).filter((t) => created.includes(t.code));
}

/** What a criterion may take from the plan (the officer sees it as such and may override it with a reason). */
export function criterionFacts(ctx: CoreContext, year: number): PlanCriterionFacts {
  const plan = getPlan(ctx.db, year);
  const rate = yearCompletion(listTasks(ctx.db, year), todayInVietnam(ctx.now()));
  return { year, planNumber: plan?.number ?? '', planDate: plan?.date ?? null, onTimeRate: rate.onTimeRate, due: rate.due, doneOnTime: rate.doneOnTime };
}

/** "Kế hoạch số 15/KH-STP ngày 12/01/2026" — or what is known of it. */
export function planReference(plan: Pick<PlanInfo, 'number' | 'date'>): string {
  const parts = [plan.number ? `Kế hoạch số ${plan.number}` : 'Kế hoạch CCHC', plan.date ? `ngày ${formatDateVi(plan.date)}` : ''];
  return parts.filter(Boolean).join(' ');
}
