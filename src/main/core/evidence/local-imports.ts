import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import type { LocalImportStarted, LocalImportStatus } from '../../../shared/contract/evidence';
import type { Db } from '../db/open';
import { AppError, isAppError } from '../errors';
import { attachResult } from './evidence-service';
import type { LinkTarget } from './evidence-store';
import { importEvidence, type EvidenceEnv } from './import-service';

/**
 * Importing a file from where it lies on this computer, at disk speed, instead of through the
 * window's chunked upload (base64 over the transport, about a tenth of the speed).
 *
 * The page never names a path. The desktop shell grants a path only for a File the officer picked
 * or dropped (the preload asks Electron for that File's path; a File made up by script has none)
 * and hands the page an unguessable one-time token. The browser host and the page have no way to
 * create a grant, so there they keep the chunked upload; the CLI, trusted, grants its own files.
 *
 * The import runs in main while the page polls its progress; the result is kept until reported.
 */

const GRANT_TTL_MS = 10 * 60_000;
const MAX_GRANTS = 1000;
const MAX_RUNNING = 16;

interface Grant {
  path: string;
  expires: number;
}

interface LocalImport {
  id: string;
  name: string;
  size: number;
  doneBytes: number;
  cancelled: boolean;
  outcome: LocalImportStatus | null;
}

interface LocalState {
  grants: Map<string, Grant>;
  imports: Map<string, LocalImport>;
}

/** Per open database, like the uploads: the app, each test and the CLI have their own. */
const stateByDb = new WeakMap<Db, LocalState>();

function stateOf(db: Db): LocalState {
  let state = stateByDb.get(db);
  if (!state) {
    state = { grants: new Map(), imports: new Map() };
    stateByDb.set(db, state);
  }
  return state;
}

/** For the desktop shell (and the CLI): one token per path, valid once, for GRANT_TTL_MS. */
export function grantLocalFiles(db: Db, paths: readonly string[], nowMs = Date.now()): string[] {
  const { grants } = stateOf(db);
  for (const [token, grant] of grants) if (grant.expires < nowMs) grants.delete(token);
  if (grants.size + paths.length > MAX_GRANTS) throw new AppError('CONFLICT', 'Quá nhiều tệp đang chờ nhập; hãy nhập bớt rồi chọn tiếp.');
  return paths.map((path) => {
    if (!isAbsolute(path)) throw new AppError('INVALID_INPUT', `Đường dẫn tệp phải là đường dẫn đầy đủ: «${path}».`);
    const token = randomUUID();
    grants.set(token, { path, expires: nowMs + GRANT_TTL_MS });
    return token;
  });
}

export async function beginLocalImport(env: EvidenceEnv, grantToken: string, targets: LinkTarget[]): Promise<LocalImportStarted> {
  const state = stateOf(env.db);
  const grant = state.grants.get(grantToken);
  state.grants.delete(grantToken);
  if (!grant || grant.expires < Date.now()) {
    throw new AppError('FORBIDDEN', 'Tệp này chưa được chọn trong cửa sổ ứng dụng (hoặc đã nhập rồi, hoặc chọn đã quá 10 phút); hãy chọn hoặc kéo thả lại tệp.');
  }
  if ([...state.imports.values()].filter((i) => !i.outcome).length >= MAX_RUNNING) {
    throw new AppError('CONFLICT', `Đang nhập ${MAX_RUNNING} tệp; hãy chờ chúng xong rồi đính kèm tiếp.`);
  }
  // A missing or unreadable file fails the import itself, with the message that names it.
  const size = await stat(grant.path).then((s) => s.size, () => 0);
  const job: LocalImport = { id: randomUUID(), name: basename(grant.path), size, doneBytes: 0, cancelled: false, outcome: null };
  state.imports.set(job.id, job);
  // Started here, awaited by nobody: the outcome is kept for local-import-status.
  void runImport(env, job, grant.path, targets);
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
}

export function localImportStatus(db: Db, importId: string): LocalImportStatus {
  const { imports } = stateOf(db);
  const job = imports.get(importId);
  if (!job) throw new AppError('NOT_FOUND', 'Không còn lượt nhập tệp này (đã báo kết quả hoặc đã huỷ).');
  if (!job.outcome) return { state: 'copying', doneBytes: job.doneBytes, size: job.size };
  imports.delete(importId);
  return job.outcome;
}

/** Stops a running import (it removes what it copied); false when it had already ended. */
export function cancelLocalImport(db: Db, importId: string): boolean {
  const job = stateOf(db).imports.get(importId);
  if (!job || job.outcome) return false;
  job.cancelled = true;
  return true;
}

/** Resolves once every running import of this database has ended (for closing and for tests). */
export async function settleLocalImports(db: Db): Promise<void> {
  while ([...stateOf(db).imports.values()].some((i) => !i.outcome)) await new Promise((r) => setTimeout(r, 10));
}
