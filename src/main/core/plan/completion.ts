import { isDoneStatus, type CompletionRate, type PlanTask } from '../../../shared/contract/plan';

/**
 * Completion rates, computed from the tasks and never typed ("Hoàn thành 23/24 nhiệm vụ").
 *
 * A period counts the tasks whose deadline falls in its data window (inclusive at both ends, as
 * the windows of BNV 581 are); a task counts as done when it was finished by the window's last
 * day, on time when finished no later than its own deadline. Tasks set aside as không thực hiện
 * (with their reason) leave the count: they are reported apart, not as failures. The year counts
 * every task of the plan, as of the day asked.
 */

export interface Window {
  from: string;
  to: string;
}

const earlier = (a: string, b: string): string => (a < b ? a : b);

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

/** A finished task's done date no later than `by`. */
function doneBy(task: PlanTask, by: string): boolean {
  return isDoneStatus(task.status) && task.doneDate !== null && task.doneDate <= by;
}

function onTime(task: PlanTask): boolean {
  return task.due === null || (task.doneDate !== null && task.doneDate <= task.due);
}

/**
 * Counts over `tasks` as of `asOf` (ISO): done = finished by then; overdue = not finished by
 * then although its deadline is before today.
 */
function countOver(tasks: readonly PlanTask[], asOf: string, today: string): CompletionRate {
  const counted = tasks.filter((t) => t.status !== 'khong-thuc-hien');
  const done = counted.filter((t) => doneBy(t, asOf));
  const doneOnTime = done.filter(onTime).length;
  const overdue = counted.filter((t) => !doneBy(t, asOf) && t.due !== null && t.due < today).length;
  return {
    due: counted.length,
    done: done.length,
    doneOnTime,
    overdue,
    notCarriedOut: tasks.length - counted.length,
    rate: rate(done.length, counted.length),
    onTimeRate: rate(doneOnTime, counted.length),
  };
}

/** Tasks due in the window, done by its last day (or by today while the window is still open). */
export function periodCompletion(tasks: readonly PlanTask[], window: Window, today: string): CompletionRate {
  const inWindow = tasks.filter((t) => t.due !== null && t.due >= window.from && t.due <= window.to);
  return countOver(inWindow, earlier(window.to, today), today);
}

/** Every task of the year's plan, as of today. */
export function yearCompletion(tasks: readonly PlanTask[], today: string): CompletionRate {
  return countOver(tasks, today, today);
}

/** "23/24 nhiệm vụ (95,83%)" — the phrase officers used to type by hand. */
export function completionPhrase(c: CompletionRate, formatPercent: (value: number) => string): string {
  if (c.due === 0) return 'không có nhiệm vụ đến hạn';
  return `${c.done}/${c.due} nhiệm vụ (${formatPercent(c.rate ?? 0)})`;
}
