import { useState } from 'react';
import type { ExchangeJob } from '../../../../shared/contract/exchange';
import { formatBytesVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';

const t = vi.exchange;

/**
 * The progress bar of a running job, with the phase (or the caller's own words) and bytes, and a
 * button that stops it when the job can stop (exports, backups): main removes what it had written,
 * and the job then ends with a message saying so. A restore verifies before it places anything,
 * so it runs to its end.
 */
export function JobProgress({ job, label }: { job: ExchangeJob; label?: string }) {
  const api = useApi();
  const [cancelling, setCancelling] = useState<string | null>(null);
  if (job.state !== 'running') return null;
  const percent = job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;
  const asked = cancelling === job.id;
  return (
    <div className="job-progress">
      <progress max={100} value={percent} aria-label={t.progressLabel} />
      <div className="row between">
        <span className="small muted">
          {asked ? t.cancellingJob : label ?? t.phase[job.phase] ?? job.phase} {!asked && job.total > 0 && `${percent}% (${formatBytesVi(job.done)} / ${formatBytesVi(job.total)})`}
        </span>
        {job.kind !== 'restore' && (
          <button
            type="button"
            className="secondary"
            disabled={asked}
            onClick={() => {
              setCancelling(job.id);
              void api.call('exchange/job-cancel', { id: job.id });
            }}
          >
            {t.cancelJob}
          </button>
        )}
      </div>
    </div>
  );
}
