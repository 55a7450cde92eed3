import { randomUUID } from 'node:crypto';
import type { ExchangeJob } from '../../../shared/contract/exchange';
import { isAppError } from '../errors';

/**
 * Long exports and backups run in main while the window polls their progress. Jobs live in this
 * process only: after a restart there is nothing to resume (the temp file of an interrupted
 * export is removed by writeZipAtomically, or left as a hidden .part if the process was killed).
 */

export type JobProgress = (p: { phase: ExchangeJob['phase']; done: number; total: number }) => void;

const log = (message: string, detail?: unknown) => console.error(`[cchc] ${message}`, detail ?? '');

const jobs = new Map<string, ExchangeJob>();
const KEEP_FINISHED = 50;

export function startJob(kind: ExchangeJob['kind'], outPath: string, now: Date, run: (progress: JobProgress) => Promise<void>): ExchangeJob {
  const job: ExchangeJob = { id: randomUUID(), kind, state: 'running', phase: 'prepare', done: 0, total: 0, startedAt: now.toISOString(), outPath, error: null };
  jobs.set(job.id, job);
  prune();
  run((p) => Object.assign(job, p)).then(
    () => Object.assign(job, { state: 'done', phase: 'done', done: job.total }),
    (error: unknown) => {
      const shown = isAppError(error)
        ? { code: error.code, message: error.message }
        : { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn; không để lại tệp dở dang. Chi tiết đã được ghi vào nhật ký.' };
      if (!isAppError(error) || error.detail !== undefined) log(`${kind} job failed`, isAppError(error) ? error.detail : error);
      Object.assign(job, { state: 'failed', error: shown });
    },
  );
  return { ...job };
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
  for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(j.id);
}
