import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus } from '../../../../shared/contract/exchange';
import { formatInstantVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import type { Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { useJob } from './use-job';
import { jobMessage, WriteZipControls } from './write-zip-controls';

const t = vi.backup;

/** "Sao lưu": back up now to a path the user can see, the last backup, and how to restore (CLI). */
export function BackupPage() {
  const api = useApi();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [outPath, setOutPath] = useState('');
  const [message, setMessage] = useState<Message | null>(null);

  const reload = useCallback(async () => {
    const r = await api.call('backup/status', {});
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setStatus(r.value);
    setOutPath((current) => current || r.value.suggestedPath);
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const { job, follow } = useJob((done) => {
    setMessage(jobMessage(done, t.done));
    // A fresh suggested name for the next backup, and the new "last backup" line.
    setOutPath('');
    void reload();
  });

  async function start() {
    setMessage(null);
    const r = await api.call('backup/create', outPath.trim() ? { outPath: outPath.trim() } : {});
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    follow(r.value);
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
      <div className="panel">
        <WriteZipControls
          pathLabel={t.outPath}
          outPath={outPath}
          onOutPath={setOutPath}
          buttonLabel={t.backupNow}
          onStart={() => void start()}
          job={job}
          message={message}
        />
      </div>
      <h2>{t.restoreTitle}</h2>
      <p>{t.restoreIntro}</p>
      <pre className="mono command">cchc restore &lt;tệp-sao-lưu.zip&gt; --data-dir &lt;thư mục mới&gt;</pre>
      <p className="muted small">{t.restoreAfter}</p>
    </section>
  );
}
