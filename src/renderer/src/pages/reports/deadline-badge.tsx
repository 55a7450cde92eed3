import { vi } from '../../i18n/vi';

const t = vi.reports.deadline;

/** Days left before the sending deadline, or how late it is, in words and colour. */
export function DeadlineBadge({ daysLeft, done = false }: { daysLeft: number; done?: boolean }) {
  if (done) return <span className="deadline-badge done">{t.done}</span>;
  const tone = daysLeft < 0 ? 'overdue' : daysLeft <= 7 ? 'soon' : 'later';
  return (
    <span className={`deadline-badge ${tone}`} data-testid="days-left">
      {daysLeft < 0 ? t.overdue(-daysLeft) : daysLeft === 0 ? t.today : t.daysLeft(daysLeft)}
    </span>
  );
}
