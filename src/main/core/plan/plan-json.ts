import type { PlanImportError } from '../../../shared/contract/plan';
import { TASK_FIELDS, type RawPlanFile, type RawTask, type TaskFieldKey } from './plan-file';

/**
 * The JSON face of a plan:
 * {"formatVersion":1,"kind":"plan","year":2026,"plan":{"number","date","title"},"tasks":[{"code",…}]}
 * Read into the raw shape; unknown keys are errors (a misspelt "dueDate" must not vanish quietly).
 */

const TOP_KEYS = ['formatVersion', 'kind', 'year', 'plan', 'tasks'];
const PLAN_KEYS = ['number', 'date', 'title'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readPlanJson(textContent: string): RawPlanFile {
  const errors: PlanImportError[] = [];
  const empty: RawPlanFile = { year: null, plan: null, tasks: [], errors };
  let data: unknown;
  try {
    data = JSON.parse(textContent.replace(/^\uFEFF/, ''));
  } catch (error) {
    errors.push({ where: '(tệp)', message: `Tệp không phải JSON hợp lệ: ${(error as Error).message}` });
    return empty;
  }
  if (!isObject(data)) {
    errors.push({ where: '(tệp)', message: 'Tệp JSON phải là một đối tượng { "formatVersion": 1, "kind": "plan", … }.' });
    return empty;
  }
  if (data.formatVersion !== 1) errors.push({ where: 'formatVersion', message: 'formatVersion phải là 1.' });
  if (data.kind !== 'plan') errors.push({ where: 'kind', message: `kind phải là "plan" (tệp này: ${JSON.stringify(data.kind ?? null)}).` });
  for (const key of Object.keys(data)) {
    if (!TOP_KEYS.includes(key)) errors.push({ where: key, message: `Trường «${key}» không có trong mẫu kế hoạch.` });
  }
  let plan: RawPlanFile['plan'] = null;
  if (data.plan !== undefined) {
    if (!isObject(data.plan)) errors.push({ where: 'plan', message: 'plan phải là đối tượng { "number", "date", "title" }.' });
    else {
      for (const key of Object.keys(data.plan)) {
        if (!PLAN_KEYS.includes(key)) errors.push({ where: `plan.${key}`, message: `Trường «${key}» không có trong mẫu kế hoạch.` });
      }
      plan = { number: data.plan.number, date: data.plan.date, title: data.plan.title, where: (f) => `plan.${f}` };
    }
  }
  const tasks: RawTask[] = [];
  if (!Array.isArray(data.tasks)) {
    errors.push({ where: 'tasks', message: 'Thiếu danh sách nhiệm vụ "tasks" (một mảng).' });
  } else {
    data.tasks.forEach((t: unknown, i: number) => {
      const at = `tasks[${i}]`;
      if (!isObject(t)) {
        errors.push({ where: at, message: 'Mỗi nhiệm vụ phải là một đối tượng { "code", "title", … }.' });
        return;
      }
      for (const key of Object.keys(t)) {
        if (!TASK_FIELDS.includes(key as TaskFieldKey)) errors.push({ where: `${at}.${key}`, message: `Trường «${key}» không có trong mẫu nhiệm vụ (các trường: ${TASK_FIELDS.join(', ')}).` });
      }
      const values = Object.fromEntries(TASK_FIELDS.map((k) => [k, t[k]]));
      tasks.push({ values, where: (f) => (f ? `${at}.${f}` : at) });
    });
  }
  return { year: data.year === undefined ? null : { value: data.year, where: 'year' }, plan, tasks, errors };
}
