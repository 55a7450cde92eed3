import type { ReportPeriodInfo } from '../../../../shared/contract/reports';
import { formatDateVi } from '../../../../shared/text/vi';
import { vi } from '../../i18n/vi';
import { SentBadge } from './sent-badge';

const t = vi.reports.period;

/** One reporting period: its data window, its deadline, how much time is left, and the way in. */
export function PeriodCard({ period, onOpen }: { period: ReportPeriodInfo; onOpen(): void }) {
  const done = period.status === 'final';
  const overdue = !done && !period.sent && period.daysLeft < 0;
  const headingId = `period-${period.code}`;
  return (
    <article className={overdue ? 'period-card overdue' : 'period-card'} aria-labelledby={headingId}>
      <header>
        <h2 id={headingId}>{period.name}</h2>
        {period.optional && <span className="tag">{t.optional}</span>}
      </header>
      <dl>
        <dt>{t.cutoff}</dt>
        <dd>{t.window(formatDateVi(period.cutoffFrom), formatDateVi(period.cutoffTo))}</dd>
        <dt>{t.deadline}</dt>
        <dd data-testid="deadline">{formatDateVi(period.deadline)}</dd>
        <dt>{t.status}</dt>
        <dd>{t.statusLabel(period.status)}</dd>
      </dl>
      <footer className="row between">
        <SentBadge period={period} />
        {/* The name starts with the visible words (speech input) and says which period (screen readers). */}
        <button type="button" className="primary" onClick={onOpen} aria-label={`${period.status ? t.continue : t.open} ${period.title}`}>
          {period.status ? t.continue : t.open}
        </button>
      </footer>
    </article>
  );
}
