import type { ReportPeriodCode, ReportPeriodInfo } from '../../../../shared/contract/reports';
import type { ReviewStatus } from '../../../../shared/contract/review';
import { VERSION_STATUS_LABELS } from '../../../../shared/review-labels';
import { formatDateVi } from '../../../../shared/text/vi';
import { vi } from '../../i18n/vi';
import { DeadlineBadge } from '../reports/deadline-badge';

const t = vi.dashboard;

/**
 * The year at a glance: each reporting period's deadline and where its report is, and where the
 * self-assessment stands in the review chain. Plan tasks due and the appraisal deadline come from
 * their own domains, as separate cards beside this one (home-page.tsx).
 */
export function TimelineCard({ periods, review, onOpenReport }: { periods: ReportPeriodInfo[]; review: ReviewStatus | null; onOpenReport(period: ReportPeriodCode): void }) {
  const sorted = [...periods].sort((a, b) => a.deadline.localeCompare(b.deadline));
  return (
    <section className="panel dash-card dash-span2" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.timelineTitle}</h2>
      <ol className="timeline">
        {sorted.map((p) => (
          <li key={p.code} className={p.status === 'final' ? 'done' : p.daysLeft < 0 ? 'late' : ''}>
            <span className="timeline-date">{formatDateVi(p.deadline)}</span>
            <span className="grow">
              <button type="button" className="link" onClick={() => onOpenReport(p.code)}>
                {t.reportDue(p.title)}
              </button>{' '}
              <span className="small muted">{vi.reports.period.statusLabel(p.status)}</span>
            </span>
            <DeadlineBadge daysLeft={p.daysLeft} done={p.status === 'final'} />
          </li>
        ))}
        {review && (
          <li>
            <span className="timeline-date">—</span>
            <span className="grow">
              {t.selfAssessment}: {VERSION_STATUS_LABELS[review.current.status]} ({vi.review.version(review.current.versionNo).toLocaleLowerCase('vi')})
            </span>
          </li>
        )}
      </ol>
    </section>
  );
}
