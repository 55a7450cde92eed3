import { useState } from 'react';
import type { ExchangeJob } from '../../../../shared/contract/exchange';
import { useApi } from '../../api/context';
import { ErrorLine, MessageLine, type Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { JobProgress } from './job-progress';

const t = vi.files;

const fileNameOf = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * How a finished job reads to the person: where the file was saved (or that the browser is
 * downloading it), or main's Vietnamese error.
 */
export function jobMessage(done: ExchangeJob, successText: (outPath: string) => string): Message {
  if (done.state !== 'done') return { kind: 'error', text: done.error?.message ?? '' };
  return { kind: 'success', text: done.download ? `${successText(fileNameOf(done.outPath))}. ${t.downloaded}` : successText(done.outPath) };
}

/**
 * A browser window has no save dialog: the finished file comes from the browser host as a
 * download, by the one-time token main gave this page (GET /download/<token>).
 */
export function startDownload(token: string): void {
  const a = document.createElement('a');
  a.href = `/download/${token}`;
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * The button that starts an export or backup (main then asks where, in the save dialog), its
 * progress, how it ended and «Mở thư mục»: the same controls on «Nộp hồ sơ» and «Sao lưu».
 */
export function WriteZipControls(props: { buttonLabel: string; onStart(): void; job: ExchangeJob | null; message: Message | null }) {
  const api = useApi();
  const [folderError, setFolderError] = useState<string | null>(null);
  const running = props.job?.state === 'running';
  const saved = props.job?.state === 'done' && !props.job.download ? props.job : null;

  async function showFolder(job: ExchangeJob) {
    setFolderError(null);
    const r = await api.call('output/show-in-folder', { jobId: job.id });
    if (!r.ok) setFolderError(r.error.message);
  }

  return (
    <>
      {/* window.api: the desktop window's preload; a browser tab has none. */}
      <p className="muted small">{window.api ? t.saveHintDesktop : t.saveHintBrowser}</p>
      <div className="row">
        <button type="button" className="primary" disabled={running} onClick={props.onStart}>
          {props.buttonLabel}
        </button>
      </div>
      {props.job && <JobProgress job={props.job} />}
      <MessageLine message={props.message} />
      {saved && (
        <div className="row">
          <button type="button" className="secondary" onClick={() => void showFolder(saved)}>
            {t.openFolder}
          </button>
        </div>
      )}
      <ErrorLine text={folderError} />
    </>
  );
}
