import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/session';
import type { ExchangeJob } from '../../../shared/contract/exchange';
import { AppError, isAppError } from '../errors';

/**
 * Long exports and backups run in main while the window polls their progress. Jobs live in this
 * process only: after a restart there is nothing to resume (the temp file of an interrupted
 * export is removed by writeZipAtomically, or left as a hidden .part if the process was killed).
 */

export type JobProgress = (p: { phase: ExchangeJob['phase']; done: number; total: number }) => void;

/** What a cancelled job reports (its temp files are gone by then: writeZipAtomically removes them). */
const CANCELLED_MESSAGE: Record<ExchangeJob['kind'], string> = {
  package: 'Đã huỷ xuất gói nộp; không để lại tệp dở dang.',
  backup: 'Đã huỷ sao lưu; không để lại tệp dở dang.',
  // Not cancellable (see cancelJob); kept for the record's completeness.
  restore: 'Đã huỷ phục hồi; thư mục dữ liệu đang dùng không thay đổi.',
};

const log = (message: string, detail?: unknown) => console.error(`[cchc] ${message}`, detail ?? '');

const jobs = new Map<string, ExchangeJob>();
/** The running jobs' cancel switches. */
const controllers = new Map<string, AbortController>();
/**
 * Who started each job ('system' for the CLI and tests, 'user:<id>' in a window): only that person
 * or an administrator may cancel it, so a submitter cannot stop the administrator's backup.
 */
const starters = new Map<string, string>();
const KEEP_FINISHED = 50;

export function startJob(
  kind: ExchangeJob['kind'],
  outPath: string,
  now: Date,
  run: (progress: JobProgress, signal: AbortSignal) => Promise<void>,
  startedBy = 'system',
): ExchangeJob {
  const job: ExchangeJob = { id: randomUUID(), kind, state: 'running', phase: 'prepare', done: 0, total: 0, startedAt: now.toISOString(), outPath, error: null };
  jobs.set(job.id, job);
  starters.set(job.id, startedBy);
  const controller = new AbortController();
  controllers.set(job.id, controller);
  prune();
  run((p) => Object.assign(job, p), controller.signal).then(
    () => {
      controllers.delete(job.id);
      Object.assign(job, { state: 'done', phase: 'done', done: job.total });
    },
    (error: unknown) => {
      controllers.delete(job.id);
      if (controller.signal.aborted) {
        Object.assign(job, { state: 'failed', error: { code: 'CONFLICT', message: CANCELLED_MESSAGE[kind] } });
        return;
      }
      const shown = isAppError(error)
        ? { code: error.code, message: error.message }
        : { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn; không để lại tệp dở dang. Chi tiết đã được ghi vào nhật ký.' };
      if (!isAppError(error) || error.detail !== undefined) log(`${kind} job failed`, isAppError(error) ? error.detail : error);
      Object.assign(job, { state: 'failed', error: shown });
    },
  );
  return { ...job };
}

/**
 * Asks a running job to stop; it ends as failed with CANCELLED_MESSAGE once its temp files are
 * removed. False when it has already ended (or never existed).
 */
export function cancelJob(id: string, by: { key: string; isAdmin: boolean } = { key: 'system', isAdmin: true }): boolean {
  // A restore verifies into its own temp folder and places it in one rename: it runs to its end.
  if (jobs.get(id)?.kind === 'restore') return false;
  const startedBy = starters.get(id);
  if (startedBy !== undefined && startedBy !== by.key && !by.isAdmin) {
    throw new AppError('FORBIDDEN', 'Chỉ người bắt đầu tác vụ này hoặc quản trị viên mới được huỷ nó.');
  }
  const controller = controllers.get(id);
  if (!controller || controller.signal.aborted) return false;
  controller.abort();
  return true;
}

export function getJob(id: string): ExchangeJob | null {
  const job = jobs.get(id);
  return job ? { ...job } : null;
}

/** Waits for a job to finish (the CLI and tests; the window polls instead). */
export async function waitForJob(id: string, onTick?: (job: ExchangeJob) => void, intervalMs = 100): Promise<ExchangeJob> {
  for (;;) {
    const job = getJob(id);
    if (!job) throw new Error(`unknown job ${id}`);
    onTick?.(job);
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function prune(): void {
  const finished = [...jobs.values()].filter((j) => j.state !== 'running');
  for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
    jobs.delete(j.id);
    starters.delete(j.id);
  }
}

/** The key startJob and cancelJob compare: the signed-in account, or the trusted local system. */
export function jobStarterKey(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.id}` : 'system';
}

/** The kinds of the jobs still running (switching the data folder waits for exports and backups). */
export function runningJobKinds(): ExchangeJob['kind'][] {
  return [...jobs.values()].filter((job) => job.state === 'running').map((job) => job.kind);
}
