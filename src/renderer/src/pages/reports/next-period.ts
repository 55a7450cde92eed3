import type { ReportPeriodInfo } from '../../../../shared/contract/reports';

/**
 * The report the officer should be working on now: the unfinished period whose deadline comes
 * first from today, or, when every remaining one is late, the latest overdue one.
 */
export function pickNextPeriod(periods: ReportPeriodInfo[]): ReportPeriodInfo | null {
  const open = periods.filter((p) => p.status !== 'final' && !p.sent);
  const ahead = open.filter((p) => p.daysLeft >= 0).sort((a, b) => a.daysLeft - b.daysLeft);
  if (ahead[0]) return ahead[0];
  return open.sort((a, b) => b.daysLeft - a.daysLeft)[0] ?? null;
}
