import type { PlanTask, PlanView } from '../../../shared/contract/plan';
import { TASK_STATUS_LABELS } from '../../../shared/contract/plan';
import type { ReportPeriodInfo, ReportStatisticRow } from '../../../shared/contract/reports';
import { formatDateVi, formatPercentVi } from '../../../shared/text/vi';
import { statisticsValueText } from './periodic-report';

/**
 * Draft text for a period's report from what belongs to that period: the CCHC plan (Kế hoạch,
 * tasks due in the data window and their completion) and the period's biểu số liệu. Never the
 * year's self-assessed scores: a quarterly report must not carry annual points.
 */

const rate = (r: number | null) => (r === null ? '—' : formatPercentVi(r));

function taskLine(t: PlanTask): string {
  const who = t.lead ? ` (${t.lead})` : '';
  const state = t.doneDate ? `${TASK_STATUS_LABELS[t.status].toLocaleLowerCase('vi')} ngày ${formatDateVi(t.doneDate)}` : TASK_STATUS_LABELS[t.status].toLocaleLowerCase('vi');
  const due = t.due ? `, hạn ${formatDateVi(t.due)}` : '';
  return `- ${t.title}${who}: ${state}${due};`;
}

/** "Kế hoạch CCHC" (Section I.1): the plan, the period's tasks and rates. */
export function planSectionText(plan: PlanView, period: Pick<ReportPeriodInfo, 'code' | 'cutoffFrom' | 'cutoffTo'>): string {
  const p = plan.plan;
  const c = plan.periods.find((x) => x.period === period.code);
  if (!p.number && plan.tasks.length === 0) return '';
  const parts: string[] = [];
  if (p.number || p.title) {
    parts.push(`Ban hành Kế hoạch${p.number ? ` số ${p.number}` : ''}${p.date ? ` ngày ${formatDateVi(p.date)}` : ''}${p.title ? ` về ${p.title.replace(/^kế hoạch\s+/iu, '').replace(/\.$/, '')}` : ''}, gồm ${plan.tasks.length} nhiệm vụ.`);
  }
  if (c) {
    const inWindow = plan.tasks.filter((t) => t.due !== null && t.due >= period.cutoffFrom && t.due <= period.cutoffTo);
    if (c.due === 0) parts.push(`Trong kỳ báo cáo (từ ngày ${formatDateVi(period.cutoffFrom)} đến ngày ${formatDateVi(period.cutoffTo)}) không có nhiệm vụ đến hạn.`);
    else {
      parts.push(
        `Trong kỳ báo cáo (từ ngày ${formatDateVi(period.cutoffFrom)} đến ngày ${formatDateVi(period.cutoffTo)}) có ${c.due} nhiệm vụ đến hạn; đã hoàn thành ${c.done}/${c.due} nhiệm vụ (${rate(c.rate)}), trong đó đúng hạn ${c.doneOnTime} nhiệm vụ${c.overdue ? `; ${c.overdue} nhiệm vụ chưa hoàn thành, quá hạn` : ''}${c.notCarriedOut ? `; ${c.notCarriedOut} nhiệm vụ không thực hiện (có lý do)` : ''}:`,
      );
      parts.push(inWindow.map(taskLine).join('\n').replace(/;$/, '.'));
    }
  }
  // Year to date as of the period's last day (not as of today): tasks due since the year's first
  // cut-off, finished by the period's end. Said only where it differs from the period (Quý III).
  const yearStart = plan.periods.reduce((min, x) => (x.cutoffFrom < min ? x.cutoffFrom : min), period.cutoffFrom);
  if (yearStart < period.cutoffFrom) {
    const ytd = plan.tasks.filter((t) => t.status !== 'khong-thuc-hien' && t.due !== null && t.due >= yearStart && t.due <= period.cutoffTo);
    const done = ytd.filter((t) => t.doneDate !== null && t.doneDate <= period.cutoffTo).length;
    if (ytd.length) parts.push(`Lũy kế từ đầu năm đến ngày ${formatDateVi(period.cutoffTo)}: hoàn thành ${done}/${ytd.length} nhiệm vụ đến hạn của Kế hoạch (${rate((done / ytd.length) * 100)}).`);
  }
  return parts.join('\n\n');
}

/** "Khắc phục hạn chế từ kết quả Chỉ số năm trước": the remediation tasks and where they stand. */
export function remediationSectionText(plan: PlanView): string {
  const tasks = plan.tasks.filter((t) => t.source === 'remediation');
  if (tasks.length === 0) return '';
  return [`Thực hiện ${tasks.length} nhiệm vụ khắc phục hạn chế từ kết quả Chỉ số CCHC năm ${plan.plan.year - 1}:`, tasks.map(taskLine).join('\n').replace(/;$/, '.')].join('\n\n');
}

/** The period's figures of one reform area, as a list: "- Số hồ sơ TTHC đã tiếp nhận: 1.250 hồ sơ;". */
export function statisticsSectionText(rows: ReportStatisticRow[], group: string): string {
  const lines = rows
    .filter((r) => r.group === group && r.value !== null)
    .map((r) => `- ${r.label}: ${statisticsValueText(r)}${r.unit === 'percent' ? '%' : ` ${r.unitLabel}`};`);
  if (lines.length === 0) return '';
  return ['Số liệu trong kỳ:', lines.join('\n').replace(/;$/, '.')].join('\n');
}

/** Which biểu số liệu group describes which outline section. */
export const SECTION_STATISTICS_GROUP: Record<string, string> = {
  'kiem-tra': 'Công tác chỉ đạo, điều hành',
  'the-che': 'Cải cách thể chế',
  tthc: 'Cải cách thủ tục hành chính',
  'bo-may': 'Cải cách tổ chức bộ máy',
  'cong-vu': 'Cải cách chế độ công vụ',
  'tai-chinh-cong': 'Cải cách tài chính công',
  'chinh-phu-so': 'Chính quyền điện tử, chính quyền số',
};
