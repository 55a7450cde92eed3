import { useEffect, useState } from 'react';
import type { BackupStatus } from '../../../../shared/contract/exchange';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';

const t = vi.backupReminder;

/** One line on the home page when there has never been a backup or the last one is old. */
export function BackupReminder({ onOpenBackup }: { onOpenBackup: () => void }) {
  const api = useApi();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    void api.call('backup/status', {}).then((r) => r.ok && setStatus(r.value));
  }, [api]);
  if (!status?.remind) return null;
  return (
    <p className="reminder" role="note" data-testid="backup-reminder">
      {status.ageDays === null ? t.never : t.old(status.ageDays)}{' '}
      <button type="button" className="link" onClick={onOpenBackup}>
        {t.action}
      </button>
    </p>
  );
}
