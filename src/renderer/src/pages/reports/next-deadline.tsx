import { useEffect, useState } from 'react';
import type { ReportPeriodCode, ReportPeriodInfo } from '../../../../shared/contract/reports';
import { formatDateVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';
import { DeadlineBadge } from './deadline-badge';

const t = vi.reports.next;

/**
 * The report the officer should be working on now, for the home page: the unfinished period whose
 * deadline comes first from today, or, when every remaining one is late, the latest overdue one.
 */
export function pickNextPeriod(periods: ReportPeriodInfo[]): ReportPeriodInfo | null {
  const open = periods.filter((p) => p.status !== 'final');
  const ahead = open.filter((p) => p.daysLeft >= 0).sort((a, b) => a.daysLeft - b.daysLeft);
  if (ahead[0]) return ahead[0];
  return open.sort((a, b) => b.daysLeft - a.daysLeft)[0] ?? null;
}

/** A small panel on the home page: the nearest reporting deadline and a way to open that report. */
export function NextDeadline({ year, onOpen }: { year: number; onOpen(period: ReportPeriodCode): void }) {
  const api = useApi();
  const [next, setNext] = useState<ReportPeriodInfo | null | undefined>(undefined);

  useEffect(() => {
    // Home works without reports: a failure here just leaves the panel out.
    void api.call('reports/periods', { year }).then((r) => setNext(r.ok ? pickNextPeriod(r.value) : null));
  }, [api, year]);

  if (!next) return null;
  return (
    <section className="panel next-deadline" aria-labelledby="next-deadline-title">
      <h2 id="next-deadline-title">{t.title}</h2>
      <p>
        {t.line(next.title, formatDateVi(next.deadline))} <DeadlineBadge daysLeft={next.daysLeft} />
      </p>
      <div>
        <button type="button" className="secondary" onClick={() => onOpen(next.code)}>
          {t.open}
        </button>
      </div>
    </section>
  );
}
