import type { ExchangeJob } from '../../../../shared/contract/exchange';
import { MessageLine, type Message } from '../../components/message-line';
import { JobProgress } from './job-progress';

/** How a finished job reads to the person: the success line, or main's Vietnamese error. */
export function jobMessage(done: ExchangeJob, successText: (outPath: string) => string): Message {
  return done.state === 'done' ? { kind: 'success', text: successText(done.outPath) } : { kind: 'error', text: done.error?.message ?? '' };
}

/**
 * Where to write a zip (export or backup), the button that starts it, its progress and how it
 * ended: the same controls on «Nộp hồ sơ» and «Sao lưu».
 */
export function WriteZipControls(props: {
  pathLabel: string;
  outPath: string;
  onOutPath(path: string): void;
  buttonLabel: string;
  onStart(): void;
  job: ExchangeJob | null;
  message: Message | null;
}) {
  const running = props.job?.state === 'running';
  return (
    <>
      <label className="field wide-input">
        <span>{props.pathLabel}</span>
        <input className="mono" value={props.outPath} onChange={(e) => props.onOutPath(e.target.value)} />
      </label>
      <div className="row">
        <button type="button" className="primary" disabled={running} onClick={props.onStart}>
          {props.buttonLabel}
        </button>
      </div>
      {props.job && <JobProgress job={props.job} />}
      <MessageLine message={props.message} />
    </>
  );
}
