import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus } from '../../../../shared/contract/exchange';
import { formatInstantVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import type { Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { RestorePanel } from './restore-panel';
import { useJob } from './use-job';
import { jobMessage, startDownload, WriteZipControls } from './write-zip-controls';

const t = vi.backup;

/** "Sao lưu": back up now (saved where the officer chooses), the last backup, and restoring one. */
export function BackupPage() {
  const api = useApi();
  const { can } = useAuth();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  const reload = useCallback(async () => {
    const r = await api.call('backup/status', {});
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setStatus(r.value);
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const { job, follow } = useJob((done) => {
    setMessage(jobMessage(done, t.done));
    if (done.state === 'done' && done.download) startDownload(done.download);
    void reload();
  });

  async function start() {
    setMessage(null);
    const r = await api.call('backup/create', {});
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    // Null: the officer closed the save dialog; nothing to say.
    if (r.value) follow(r.value);
  }

  return (
    <section>
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      {status && (
        <dl className="facts" aria-label="Tình trạng sao lưu">
          <dt>{t.last}</dt>
          <dd data-testid="backup-last">{status.lastBackupAt ? formatInstantVi(status.lastBackupAt) : t.never}</dd>
          {status.lastBackupPath && (
            <>
              <dt>{t.lastPath}</dt>
              <dd className="mono">{status.lastBackupPath}</dd>
            </>
          )}
        </dl>
      )}
      <div className="panel" role="group" aria-label={t.backupNow}>
        <WriteZipControls buttonLabel={t.backupNow} onStart={() => void start()} job={job} message={message} />
      </div>
      {can('backup/restore') && <RestorePanel />}
    </section>
  );
}
