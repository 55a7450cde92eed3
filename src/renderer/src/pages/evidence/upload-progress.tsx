import { formatBytesVi } from '../../../../shared/text/vi';
import { stripBidiControls } from '../../../../shared/text/xml-safe';
import { vi } from '../../i18n/vi';
import type { UploadTask } from './use-upload-queue';

const t = vi.evidence.attach;

/** Overall and per-file progress of a batch; failed files keep their message until the next batch. */
export function UploadProgress({ tasks, onCancel }: { tasks: UploadTask[]; onCancel(): void }) {
  if (tasks.length === 0) return null;
  const total = tasks.reduce((sum, task) => sum + task.size, 0);
  const sent = tasks.reduce((sum, task) => sum + (task.state === 'done' || task.state === 'failed' ? task.size : task.sent), 0);
  const finished = tasks.filter((task) => task.state === 'done' || task.state === 'failed').length;
  const running = finished < tasks.length;
  return (
    <div className="upload-progress" aria-label={t.progressTitle} role="group">
      {tasks.length > 1 && (
        <div className="progress-line">
          <span>{t.overall(finished, tasks.length)}</span>
          <progress aria-label={t.overallLabel} max={Math.max(total, 1)} value={sent} />
        </div>
      )}
      <ul className="upload-list">
        {tasks.map((task) => (
          <li key={task.id} className={`upload-task ${task.state}`}>
            {/* Shown without bidi controls, as it will be stored: "x\u202Efdp.exe" must not read as a PDF. */}
            <span className="upload-name">{stripBidiControls(task.name)}</span>
            <span className="muted small">{formatBytesVi(task.size)}</span>
            {task.state === 'failed' ? (
              <span className="field-error" role="alert">
                {failureText(task.name, task.message ?? '')}
              </span>
            ) : task.state === 'done' ? (
              <span className="ok-text">{task.message ?? t.done}</span>
            ) : (
              <progress aria-label={t.fileProgress(task.name)} max={Math.max(task.size, 1)} value={task.sent} />
            )}
          </li>
        ))}
      </ul>
      {running && (
        <div className="row">
          <p className="muted small" role="status">
            {t.uploading}
          </p>
          <button type="button" className="secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      )}
    </div>
  );
}

/** Names the file once: main's message often already does («tên tệp»: …), and the row shows it too. */
function failureText(name: string, message: string): string {
  return message.includes(`«${name}»`) ? message : t.failed(name, message);
}

