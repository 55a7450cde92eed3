import type { ReportPeriodCode, ReportPeriodInfo, ReportSendChannel, ReportSending, ReportSendingRecord } from '../../../shared/contract/reports';
import { reportSubjectKey } from '../../../shared/contract/reports';
import { subjectId } from '../../../shared/review-labels';
import { formatDateVi, todayInVietnam } from '../../../shared/text/vi';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { appendAudit, latestApproved } from '../review';
import { daysBetween, findPeriod, loadPeriods } from './periods';

/**
 * Whether and how a periodic report was sent (số ký hiệu, ngày gửi, kênh), and the year's on-time
 * record. Sending is a fact about the report, not part of its content: recording it neither opens
 * a new draft of an approved report nor is refused while the report is with the leader, but it
 * goes into the audit log like every change.
 */

interface SendingRow {
  number: string;
  sent_date: string;
  channel: ReportSendChannel;
}

function sendingOf(row: SendingRow, deadline: string): ReportSending {
  const late = Math.max(0, daysBetween(deadline, row.sent_date));
  return { number: row.number, sentDate: row.sent_date, channel: row.channel, onTime: late === 0, daysLate: late };
}

function rowsOf(db: Db, year: number): Map<string, SendingRow> {
  const rows = db.prepare('SELECT period_code, number, sent_date, channel FROM report_sending WHERE year = ?').all(year) as (SendingRow & { period_code: string })[];
  return new Map(rows.map((r) => [r.period_code, r]));
}

/** Adds `sent` and `approved` to resolved periods of one year. */
export function withSending<P extends Omit<ReportPeriodInfo, 'sent' | 'approved'>>(db: Db, year: number, periods: P[]): (P & Pick<ReportPeriodInfo, 'sent' | 'approved'>)[] {
  const rows = rowsOf(db, year);
  return periods.map((p) => {
    const row = rows.get(p.code);
    return { ...p, sent: row ? sendingOf(row, p.deadline) : null, approved: !!latestApproved(db, 'report', reportSubjectKey(year, p.code)) };
  });
}

export function markSent(
  ctx: CoreContext,
  year: number,
  period: ReportPeriodCode,
  input: { number: string; sentDate: string; channel: ReportSendChannel },
): void {
  const p = findPeriod(loadPeriods(ctx.dataDir), year, period, ctx.now());
  const today = todayInVietnam(ctx.now());
  if (input.sentDate > today) throw new AppError('VALIDATION_FAILED', `Ngày gửi ${formatDateVi(input.sentDate)} còn ở tương lai; hãy ghi ngày đã gửi thật.`);
  if (input.sentDate < p.cutoffFrom) {
    throw new AppError('VALIDATION_FAILED', `Ngày gửi ${formatDateVi(input.sentDate)} trước cả ngày đầu kỳ số liệu (${formatDateVi(p.cutoffFrom)}) của báo cáo ${p.title}.`);
  }
  const before = rowsOf(ctx.db, year).get(period) ?? null;
  ctx.db.transaction(() => {
    appendAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, subject: subjectId('report', reportSubjectKey(year, period)), action: 'report.sent', old: before, new: input });
    ctx.db
      .prepare(
        `INSERT INTO report_sending (year, period_code, number, sent_date, channel, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (year, period_code) DO UPDATE SET number = excluded.number, sent_date = excluded.sent_date,
           channel = excluded.channel, recorded_at = excluded.recorded_at`,
      )
      .run(year, period, input.number.trim(), input.sentDate, input.channel, ctx.now().toISOString());
  })();
}

export function unmarkSent(ctx: CoreContext, year: number, period: ReportPeriodCode): void {
  findPeriod(loadPeriods(ctx.dataDir), year, period, ctx.now());
  const before = rowsOf(ctx.db, year).get(period);
  if (!before) throw new AppError('NOT_FOUND', 'Báo cáo kỳ này chưa được ghi là đã gửi.');
  ctx.db.transaction(() => {
    appendAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, subject: subjectId('report', reportSubjectKey(year, period)), action: 'report.unsent', old: before });
    ctx.db.prepare('DELETE FROM report_sending WHERE year = ? AND period_code = ?').run(year, period);
  })();
}

/**
 * The year's record: a report counts once it was sent or its deadline has passed; optional periods
 * (9 tháng) count only when the unit wrote one.
 */
export function sendingRecord(periods: ReportPeriodInfo[], year: number): ReportSendingRecord {
  const rows = periods.map((p) => ({ code: p.code, name: p.name, deadline: p.deadline, sent: p.sent, approved: p.approved, required: !p.optional || p.status !== null || p.sent !== null }));
  const due = rows.filter((r) => r.required && (r.sent !== null || periods.find((p) => p.code === r.code)!.daysLeft < 0));
  const onTime = due.filter((r) => r.sent?.onTime).length;
  return { year, periods: rows, due: due.length, onTime, rate: due.length ? (onTime / due.length) * 100 : null };
}
