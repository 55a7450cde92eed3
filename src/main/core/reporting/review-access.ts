import { reportSubjectKey, type ReportPeriodCode } from '../../../shared/contract/reports';
import { subjectId } from '../../../shared/review-labels';
import type { CoreContext } from '../context';
import { appendAudit, beforeEdit } from '../review';
import { checkBefore } from '../review/workflow';
import { CHECK_RULES } from '../../../shared/review/check-rules';
import type { ReportDocumentKind } from '../../../shared/contract/reports';
import { AppError } from '../errors';

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

/**
 * Main's side of the check before generating: when the rules make a finding blocking for
 * 'generate', the document is refused until it is fixed (the page holds its button too). With no
 * blocking rule for generating (the default) nothing is looked at.
 */
export function refuseGenerateIfBlocked(ctx: CoreContext, kind: ReportDocumentKind, year: number, period: ReportPeriodCode | undefined): void {
  if (!Object.values(CHECK_RULES).some((rule) => rule.generate === 'blocking')) return;
  const subject = period && (kind === 'periodic-docx' || kind === 'statistics-xlsx') ? { kind: 'report' as const, key: reportSubjectKey(year, period) } : { kind: 'assessment' as const, key: String(year) };
  const check = checkBefore(ctx, subject.kind, subject.key, 'generate');
  if (check.blocking > 0) {
    const first = check.findings.find((f) => f.severity === 'blocking')!;
    throw new AppError('CONFLICT', `Chưa tạo được văn bản: còn ${check.blocking} việc phải làm trước (${first.message}).`);
  }
}
