import type { PlanImportError } from '../../../shared/contract/plan';
import type { RawPlanFile } from './plan-file';
import { PLAN_ROWS, TASK_COLUMNS } from './plan-sheets';

/**
 * A JSON plan's error places in words, as the Excel route names its cells: "tasks[3].due" becomes
 * «Nhiệm vụ thứ 4 (mã «2.1») → Thời hạn», "plan.date" «Thông tin kế hoạch → Ngày ban hành». The
 * exact path stays in `ref`, for whoever edits the JSON by hand. Unknown keys keep their name.
 */
export function planJsonPathsInWords(errors: readonly PlanImportError[], raw: RawPlanFile): PlanImportError[] {
  return errors.map((error) => {
    const words = inWords(error.where, raw);
    return words === null ? error : { ...error, where: words, ref: error.where };
  });
}

function inWords(where: string, raw: RawPlanFile): string | null {
  const task = /^tasks\[(\d+)\](?:\.(.+))?$/.exec(where);
  if (task) {
    const index = Number(task[1]);
    const code = raw.tasks[index]?.values.code;
    const which = `Nhiệm vụ thứ ${index + 1}${typeof code === 'string' && code.trim() ? ` (mã «${code.trim()}»)` : ''}`;
    if (!task[2]) return which;
    return `${which} → ${TASK_COLUMNS.find((c) => c.key === task[2])?.header ?? `«${task[2]}»`}`;
  }
  if (where === 'tasks') return 'Danh sách nhiệm vụ';
  const line = /^(?:plan\.)?(year|number|date|title)$/.exec(where);
  if (line && (where === 'year' || where.startsWith('plan.'))) {
    const label = PLAN_ROWS.find((r) => r.key === line[1])!.label;
    return where === 'year' ? label : `Thông tin kế hoạch → ${label}`;
  }
  if (where === 'plan') return 'Thông tin kế hoạch';
  return null;
}
