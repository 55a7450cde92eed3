import { useState } from 'react';
import type { RestorePreview } from '../../../../shared/contract/files';
import { formatBytesVi, formatInstantVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { zipFromFile } from '../../api/zip-input';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { ConfirmBox } from '../reports/confirm-box';
import { JobProgress } from './job-progress';
import { useJob } from './use-job';

const t = vi.files;

/**
 * Restore from the window: pick the backup → it is verified and restored into a new data folder
 * (the current one untouched) → see what it holds → switch to it after a confirmation. The
 * app then reopens on that folder (the page reloads; the desktop window restarts).
 */
export function RestorePanel() {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ jobId: string; value: RestorePreview } | null>(null);
  const [asking, setAsking] = useState(false);
  const [switching, setSwitching] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const { job, follow } = useJob((done) => {
    if (done.state !== 'done') return setError(done.error?.message ?? '');
    void api.call('backup/restore-preview', { jobId: done.id }).then((r) => (r.ok ? setPreview({ jobId: done.id, value: r.value }) : setError(r.error.message)));
  });
  const running = job?.state === 'running';

  async function choose(file: File | undefined) {
    if (!file) return;
    setError(null);
    setPreview(null);
    setNote(null);
    const r = await api.call('backup/restore', { zip: await zipFromFile(file) });
    if (!r.ok) return setError(r.error.message);
    follow(r.value);
  }

  async function switchOver() {
    if (!preview) return;
    setSwitching(true);
    const r = await api.call('app/switch-data-folder', { jobId: preview.jobId });
    if (!r.ok) {
      setSwitching(false);
      setAsking(false);
      return setError(r.error.message);
    }
    // The browser host now serves the restored folder: start the page over (sign-in). The
    // desktop window is restarted by main.
    window.location.reload();
  }

  return (
    <div className="panel" role="group" aria-label={t.restoreTitle}>
      <h2>{t.restoreTitle}</h2>
      <p className="muted small">{t.restoreIntro}</p>
      <div className="row">
        <label className="file-button secondary">
          {t.chooseBackup}
          <input
            type="file"
            accept=".zip"
            aria-label={t.chooseBackup}
            disabled={running || switching}
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {job && <JobProgress job={job} label={t.restoring} />}
      <ErrorLine text={error} />
      {preview && <PreviewFacts preview={preview.value} />}
      {preview && !asking && (
        <div className="row">
          <button type="button" className="primary" onClick={() => setAsking(true)}>
            {t.switchButton}
          </button>
        </div>
      )}
      {preview && asking && (
        <ConfirmBox
          title={t.switchTitle}
          confirmLabel={t.switchConfirm}
          busy={switching}
          onConfirm={() => void switchOver()}
          onCancel={() => {
            setAsking(false);
            setNote(t.later(preview.value.dataDir));
          }}
        >
          <p>{t.switchBody(preview.value.dataDir)}</p>
          {switching && <p className="muted">{t.switching}</p>}
        </ConfirmBox>
      )}
      {note && <p role="status">{note}</p>}
    </div>
  );
}

function PreviewFacts({ preview: p }: { preview: RestorePreview }) {
  const years = (list: number[]) => (list.length ? list.join(', ') : t.noYears);
  return (
    <>
      <h3>{t.previewTitle}</h3>
      <dl className="facts" aria-label={t.previewLabel}>
        <dt>{t.unit}</dt>
        <dd>{p.unitName ?? t.noUnit}</dd>
        <dt>{t.assessmentYears}</dt>
        <dd>{years(p.assessmentYears)}</dd>
        <dt>{t.profileYears}</dt>
        <dd>{years(p.profileYears)}</dd>
        <dt>{t.backupAt}</dt>
        <dd>{formatInstantVi(p.backupCreatedAt)}</dd>
        <dt>{t.lastChange}</dt>
        <dd>{p.lastChangeAt ? formatInstantVi(p.lastChangeAt) : t.noChange}</dd>
        <dt>{t.evidence}</dt>
        <dd>{t.evidenceCount(p.evidenceFiles)}</dd>
        <dt>{t.size}</dt>
        <dd>{t.sizeValue(formatBytesVi(p.zipBytes), p.files)}</dd>
        <dt>{t.accounts}</dt>
        <dd>{t.accountsValue(p.accounts)}</dd>
        <dt>{t.newFolder}</dt>
        <dd className="mono">{p.dataDir}</dd>
      </dl>
    </>
  );
}
