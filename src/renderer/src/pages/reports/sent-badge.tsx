import type { ReportPeriodInfo } from '../../../../shared/contract/reports';
import { formatDateVi } from '../../../../shared/text/vi';
import { vi } from '../../i18n/vi';
import { DeadlineBadge } from './deadline-badge';

const t = vi.reportSending;

/**
 * Where a report stands against its deadline: once sent, "Đã gửi ngày … — đúng hạn / muộn n ngày"
 * instead of a countdown; before that, the countdown, flagged when the leader already approved it.
 */
export function SentBadge({ period }: { period: Pick<ReportPeriodInfo, 'sent' | 'approved' | 'daysLeft' | 'status'> }) {
  const sent = period.sent;
  if (sent) {
    return (
      <span className={`deadline-badge ${sent.onTime ? 'done' : 'soon'}`} data-testid="sent-badge">
        {t.sentOn(formatDateVi(sent.sentDate))} — {sent.onTime ? t.onTime : t.late(sent.daysLate)}
      </span>
    );
  }
  return (
    <span className="row">
      {period.approved && (
        <span className="tag" data-testid="approved-not-sent">
          {t.approvedNotSent}
        </span>
      )}
      <DeadlineBadge daysLeft={period.daysLeft} done={period.status === 'final'} />
    </span>
  );
}
