import { reportSubjectKey, type ReportPeriodCode } from '../../../shared/contract/reports';
import { subjectId } from '../../../shared/review-labels';
import type { CoreContext } from '../context';
import { appendAudit, beforeEdit } from '../review';

/**
 * Every write to a report goes through here, inside the write's transaction: the review domain
 * refuses it while the report is with the leader and opens a new draft version after approval;
 * then the change is appended to the audit log with its old and new values.
 */
export function recordReportEdit(
  ctx: CoreContext,
  year: number,
  period: ReportPeriodCode,
  change: { action: string; target?: string; old?: unknown; new?: unknown },
): void {
  const key = reportSubjectKey(year, period);
  const at = ctx.now();
  beforeEdit(ctx.db, { kind: 'report', key }, ctx.actor, at);
  appendAudit(ctx.db, { at, actor: ctx.actor, subject: subjectId('report', key), ...change });
}
