import { useEffect, useState } from 'react';
import type { EvidenceStatus } from '../../../../shared/contract/evidence';
import { formatBytesVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';

const t = vi.evidence.verify;

/** What the store holds, and what start-up cleaned or set aside in quarantine, if anything. */
export function StoreStatus() {
  const api = useApi();
  const [status, setStatus] = useState<EvidenceStatus | null>(null);
  useEffect(() => {
    void api.call('evidence/status', {}).then((r) => r.ok && setStatus(r.value));
  }, [api]);
  if (!status) return null;
  const recovery = status.lastRecovery;
  const cleaned = recovery ? recovery.removedTempFiles.length + recovery.removedOrphans.length : 0;
  return (
    <div className="store-status" data-testid="store-status">
      <p>{t.storeStatus(status.fileCount, formatBytesVi(status.totalBytes), status.linkCount)}</p>
      {recovery && cleaned > 0 && <p className="muted small">{t.recovered(formatDateTimeVi(recovery.ranAt), cleaned)}</p>}
      {recovery && recovery.quarantined.length > 0 && recovery.quarantineDir && (
        <p className="warn-text small" data-testid="store-quarantined">
          {t.quarantined(formatDateTimeVi(recovery.ranAt), recovery.quarantined.length, recovery.quarantineDir)}
        </p>
      )}
      {recovery && recovery.removedInterruptedWrites.length > 0 && (
        <p className="muted small">{t.interruptedWrites(formatDateTimeVi(recovery.ranAt), recovery.removedInterruptedWrites.length)}</p>
      )}
    </div>
  );
}

/** "20:15 25/11/2026" in Vietnam's time (Intl's short style would print a two-digit year). */
function formatDateTimeVi(iso: string): string {
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ${part('day')}/${part('month')}/${part('year')}`;
}

