import { isDoneStatus, type PlanTask, type TaskStatus } from '../../../shared/contract/plan';
import { formatDateVi, toNfc } from '../../../shared/text/vi';
import type { TaskFields } from './plan-store';

/**
 * The rules a task must keep whatever way it arrives (typed, JSON, Excel): a finished task has
 * its completion date, a task set aside has its reason, a province task names the province's
 * plan. "Xong" after the deadline is stored as "xong quá hạn" (and said so): lateness is a fact
 * of the dates, not a choice.
 */

export interface TaskProblem {
  /** Contract field name the problem sits in. */
  field: keyof TaskFields;
  message: string;
}

export interface CheckedTask {
  task: TaskFields;
  problems: TaskProblem[];
  notes: string[];
}

export function checkTask(input: TaskFields): CheckedTask {
  const task: TaskFields = {
    ...input,
    code: toNfc(input.code.trim()),
    title: toNfc(input.title.trim()),
    lead: toNfc(input.lead.trim()),
    cooperating: toNfc(input.cooperating.trim()),
    product: toNfc(input.product.trim()),
    sourceRef: toNfc(input.sourceRef.trim()),
    statusReason: toNfc(input.statusReason.trim()),
  };
  const problems: TaskProblem[] = [];
  const notes: string[] = [];
  const done = isDoneStatus(task.status);
  if (done && !task.doneDate) problems.push({ field: 'doneDate', message: 'Nhiệm vụ đã xong phải có ngày hoàn thành.' });
  if (!done && task.doneDate) problems.push({ field: 'doneDate', message: 'Chỉ nhiệm vụ đã xong mới có ngày hoàn thành; hãy sửa trạng thái hoặc xóa ngày.' });
  if (task.status === 'khong-thuc-hien' && !task.statusReason) {
    problems.push({ field: 'statusReason', message: 'Nhiệm vụ không thực hiện phải ghi lý do.' });
  }
  if (task.source === 'province' && !task.sourceRef) {
    problems.push({ field: 'sourceRef', message: 'Nhiệm vụ theo kế hoạch của tỉnh phải ghi số kế hoạch của tỉnh (ví dụ 47/KH-UBND).' });
  }
  if (task.source === 'remediation' && !task.sourceRef) {
    problems.push({ field: 'sourceRef', message: 'Nhiệm vụ khắc phục phải ghi mã tiêu chí bị trừ điểm năm trước.' });
  }
  if (done && task.doneDate && task.due) {
    const late = task.doneDate > task.due;
    if (task.status === 'xong' && late) {
      task.status = 'xong-qua-han' satisfies TaskStatus;
      notes.push(`Nhiệm vụ ${task.code} xong ngày ${formatDateVi(task.doneDate)}, sau thời hạn ${formatDateVi(task.due)}: ghi là «xong quá hạn».`);
    } else if (task.status === 'xong-qua-han' && !late) {
      problems.push({ field: 'status', message: `Ngày hoàn thành ${formatDateVi(task.doneDate)} không sau thời hạn ${formatDateVi(task.due)}: đây là «xong», không phải «xong quá hạn».` });
    }
  }
  return { task, problems, notes };
}

/** Field names whose values differ, in contract names (what a re-import reports). */
export function changedFields(before: PlanTask, after: TaskFields): string[] {
  const keys = Object.keys(after) as (keyof TaskFields)[];
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
