import { useEffect, useState } from 'react';
import type { ReportPeriodCode, ReportPeriodInfo } from '../../../../shared/contract/reports';
import { formatDateVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';
import { DeadlineBadge } from './deadline-badge';
import { pickNextPeriod } from './next-period';

const t = vi.reports.next;

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
