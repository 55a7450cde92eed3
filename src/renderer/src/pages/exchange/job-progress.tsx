import type { ExchangeJob } from '../../../../shared/contract/exchange';
import { formatBytesVi } from '../../../../shared/text/vi';
import { vi } from '../../i18n/vi';

const t = vi.exchange;

/** The progress bar of a running job, with the phase (or the caller's own words) and bytes. */
export function JobProgress({ job, label }: { job: ExchangeJob; label?: string }) {
  if (job.state !== 'running') return null;
  const percent = job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;
  return (
    <div className="job-progress">
      <progress max={100} value={percent} aria-label={t.progressLabel} />
      <span className="small muted">
        {label ?? t.phase[job.phase] ?? job.phase} {job.total > 0 && `${percent}% (${formatBytesVi(job.done)} / ${formatBytesVi(job.total)})`}
      </span>
    </div>
  );
}
