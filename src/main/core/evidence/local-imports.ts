import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { LocalImportStarted, LocalImportStatus } from '../../../shared/contract/evidence';
import type { Db } from '../db/open';
import { perDatabase } from '../db/per-database';
import { AppError, isAppError } from '../errors';
import { takeLocalFileGrant } from '../local-file-grants';
import { attachResult } from './evidence-service';
import type { LinkTarget } from './evidence-store';
import { importEvidence, type EvidenceEnv } from './import-service';

/**
 * Importing a file from where it lies on this computer, at disk speed, instead of through the
 * window's chunked upload (base64 over the transport, about a tenth of the speed). The path comes
 * from a one-time grant (local-file-grants.ts): the page never names one. The import runs in main
 * while the page polls its progress; the result is kept until reported.
 */

const MAX_RUNNING = 16;
/** An outcome nobody asked for (the window was closed mid-import) is dropped after this. */
const UNCLAIMED_MS = 30 * 60_000;

interface LocalImport {
  id: string;
  name: string;
  size: number;
  doneBytes: number;
  cancelled: boolean;
  outcome: LocalImportStatus | null;
  endedAt: number;
  /** The import itself (it never rejects: a failure becomes the outcome), for settleLocalImports. */
  running: Promise<void>;
}

/** How an import ended, as local-import-status reports it once it is no longer copying. */
export type LocalImportOutcome = Exclude<LocalImportStatus, { state: 'copying' }>;

/** Per open database, like the uploads: the app, each test and the CLI have their own. */
const importsOf = perDatabase(() => new Map<string, LocalImport>());

export async function beginLocalImport(env: EvidenceEnv, grantToken: string, targets: LinkTarget[]): Promise<LocalImportStarted> {
  const imports = importsOf(env.db);
  for (const [id, old] of imports) if (old.outcome && Date.now() - old.endedAt > UNCLAIMED_MS) imports.delete(id);
  if ([...imports.values()].filter((i) => !i.outcome).length >= MAX_RUNNING) {
    throw new AppError('CONFLICT', `Đang nhập ${MAX_RUNNING} tệp; hãy chờ chúng xong rồi đính kèm tiếp.`);
  }
  const path = takeLocalFileGrant(env.db, grantToken);
  // A missing or unreadable file fails the import itself, with the message that names it.
  const size = await stat(path).then((s) => s.size, () => 0);
  const job: LocalImport = {
    id: randomUUID(),
    name: basename(path),
    size,
    doneBytes: 0,
    cancelled: false,
    outcome: null,
    endedAt: 0,
    running: Promise.resolve(),
  };
  imports.set(job.id, job);
  // Started here and not awaited by the caller: the outcome is kept for local-import-status.
  job.running = runImport(env, job, path, targets);
  return { importId: job.id, name: job.name, size };
}

async function runImport(env: EvidenceEnv, job: LocalImport, path: string, targets: LinkTarget[]): Promise<void> {
  try {
    const outcome = await importEvidence(env, { kind: 'path', path, name: job.name }, targets, {
      onBytes: (n) => {
        // Thrown inside the copy loop: the import stops and removes what it had copied.
        if (job.cancelled) throw new AppError('CONFLICT', `Đã huỷ nhập «${job.name}»; chưa lưu gì.`);
        job.doneBytes += n;
      },
    });
    job.outcome = { state: 'done', result: attachResult(env.db, outcome) };
  } catch (error) {
    job.outcome = { state: 'failed', message: isAppError(error) ? error.message : `Không nhập được «${job.name}»; chưa lưu gì.` };
  }
  job.endedAt = Date.now();
}

export function localImportStatus(db: Db, importId: string): LocalImportStatus {
  const imports = importsOf(db);
  const job = imports.get(importId);
  if (!job) throw new AppError('NOT_FOUND', 'Không còn lượt nhập tệp này (đã báo kết quả hoặc đã huỷ).');
  if (!job.outcome) return { state: 'copying', doneBytes: job.doneBytes, size: job.size };
  imports.delete(importId);
  return job.outcome;
}

/** Stops a running import (it removes what it copied); false when it had already ended. */
export function cancelLocalImport(db: Db, importId: string): boolean {
  const job = importsOf(db).get(importId);
  if (!job || job.outcome) return false;
  job.cancelled = true;
  return true;
}

/**
 * Polls local-import-status until the import has ended, for callers in this process that have no
 * window to show progress in (the CLI, the benchmark); the window polls the channel itself.
 */
export async function waitForLocalImport(db: Db, importId: string, intervalMs: number): Promise<LocalImportOutcome> {
  for (;;) {
    const status = localImportStatus(db, importId);
    if (status.state !== 'copying') return status;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resolves once every running import of this database has ended (for closing and for tests). */
export async function settleLocalImports(db: Db): Promise<void> {
  // Again after each round: an import may have begun while the earlier ones ran.
  for (;;) {
    const running = [...importsOf(db).values()].filter((i) => !i.outcome).map((i) => i.running);
    if (!running.length) return;
    await Promise.all(running);
  }
}
