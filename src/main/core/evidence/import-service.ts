import type { Db } from '../db/open';
import { AppError } from '../errors';
import { addLinks, fileBySha, insertFile, type FileRow, type LinkTarget } from './evidence-store';
import { detectKind, type DetectedKind } from './file-kind';
import { ioProfile, type IoProfile } from '../io-profile';
import {
  blobRelativePath,
  discardStaged,
  ensureStore,
  finishStaged,
  promoteStaged,
  removeBlob,
  stageImport,
  type ImportSource,
  type StagedImport,
  type StorePaths,
} from './file-store';
import { SAFE_NAME_NOTICES, safeFileName } from './safe-name';
import { extractText, type ExtractedText } from './text-extract';
import { recordLinkChanges, type LinkRecorder } from './review-access';

/** What an import needs: the store and a clock (a handler's CoreContext fits). */
export interface EvidenceEnv extends LinkRecorder {
  readonly db: Db;
  readonly dataDir: string;
  readonly now: () => Date;
}

export interface ImportOutcome {
  file: FileRow;
  duplicate: boolean;
  linksAdded: number;
  nameNotices: string[];
  /** The first page's text (empty for a duplicate or a file without text), for recognition. */
  firstPage: string;
}

/** Hooks for progress (and for the tests that pull the file away mid-copy). */
export interface ImportHooks {
  onBytes?: (n: number) => void;
}

/**
 * Imports from a path or a buffer: streamed into the store's temp folder while hashed, then
 * committed by `commitStaged`. A failure at any step leaves no temp file, blob or row.
 */
export async function importEvidence(
  env: EvidenceEnv,
  source: ImportSource,
  targets: readonly LinkTarget[],
  hooks: ImportHooks = {},
): Promise<ImportOutcome> {
  const profile = source.kind === 'path' ? ioProfile(`import «${source.name}»`) : null;
  const paths = ensureStore(env.dataDir);
  const safe = safeFileName(source.name);
  const staged = await stageImport(env.db, paths, { ...source, name: safe.name }, hooks.onBytes ?? (() => undefined), profile);
  const outcome = await commitStaged(env, paths, staged, source.name, targets, profile);
  profile?.end(staged.size);
  return outcome;
}

/**
 * The second half of every import: dedup, check and read the file, move it into files/, then one
 * transaction writes the rows and closes the journal entry. Until that transaction commits, the
 * journal lets start-up recovery remove whatever a crash left; after it, the file is stored.
 */
export async function commitStaged(
  env: EvidenceEnv,
  paths: StorePaths,
  staged: StagedImport,
  rawName: string,
  targets: readonly LinkTarget[],
  profile: IoProfile | null = null,
): Promise<ImportOutcome> {
  const { db } = env;
  const safe = safeFileName(rawName);
  const nameNotices = safe.changes.map((c) => SAFE_NAME_NOTICES[c]);
  const now = env.now().toISOString();

  const existing = fileBySha(db, staged.sha256);
  profile?.lap('dedup lookup');
  if (existing) {
    // Same content already stored: keep the stored copy, only add the links.
    await discardStaged(db, staged);
    const linksAdded = db.transaction(() => {
      recordLinkChanges(env, 'evidence.link', { name: existing.original_name, sha256: existing.sha256 }, targets);
      return addLinks(db, existing.id, targets, now);
    })();
    return { file: existing, duplicate: true, linksAdded, nameNotices, firstPage: '' };
  }

  let extracted: ExtractedText;
  let kind: DetectedKind;
  try {
    kind = detectKind(staged.head, safe.name);
    extracted = await extractText(staged.tempPath, kind.kind, staged.size);
    profile?.lap(`recognise kind + text extraction (${kind.kind})`);
  } catch (error) {
    await discardStaged(db, staged);
    throw error instanceof AppError ? withName(error, safe.name) : new AppError('IO_ERROR', `Không đọc được «${safe.name}»; chưa lưu gì.`, error);
  }

  const rel = blobRelativePath(staged.sha256, kind.ext);
  try {
    await promoteStaged(db, paths, staged, rel);
    profile?.lap('rename + chmod + folder fsync');
  } catch (error) {
    await discardStaged(db, staged);
    throw new AppError('IO_ERROR', `Không lưu được «${safe.name}» vào kho tài liệu; chưa lưu gì.`, error);
  }

  let outcome: { file: FileRow; duplicate: boolean; linksAdded: number };
  try {
    outcome = db.transaction(() => {
      // Another import of the same content may have committed while this one was copying.
      const raced = fileBySha(db, staged.sha256);
      if (raced) {
        finishStaged(db, staged.token);
        recordLinkChanges(env, 'evidence.link', { name: raced.original_name, sha256: raced.sha256 }, targets);
        return { file: raced, duplicate: true, linksAdded: addLinks(db, raced.id, targets, now) };
      }
      const id = insertFile(db, {
        sha256: staged.sha256,
        size: staged.size,
        storedPath: rel,
        mime: kind.mime,
        originalName: safe.name,
        textStatus: extracted.status,
        text: extracted.text,
        createdAt: now,
      });
      recordLinkChanges(env, 'evidence.link', { name: safe.name, sha256: staged.sha256 }, targets);
      const linksAdded = addLinks(db, id, targets, now);
      finishStaged(db, staged.token);
      return { file: { ...fileBySha(db, staged.sha256)! }, duplicate: false, linksAdded };
    })();
  } catch (error) {
    removeUnreferencedBlob(db, paths, rel);
    // The blob is gone (or belongs to a row), so the journal entry has nothing left to guard.
    finishStaged(db, staged.token);
    // A refusal with its own reason (the dossier is with the leader) keeps it; anything else is I/O.
    if (error instanceof AppError) throw withName(error, safe.name);
    throw new AppError('IO_ERROR', `Không ghi được «${safe.name}» vào cơ sở dữ liệu; chưa lưu gì.`, error);
  }
  profile?.lap('database transaction (rows, links, audit)');
  if (outcome.duplicate && outcome.file.stored_path !== rel) removeUnreferencedBlob(db, paths, rel);
  return { ...outcome, nameNotices, firstPage: outcome.duplicate ? '' : extracted.firstPage };
}

/** Removes a blob only when no row points at it (the same content may be stored under that name). */
export function removeUnreferencedBlob(db: Db, paths: StorePaths, rel: string): void {
  const used = db.prepare('SELECT 1 FROM evidence_file WHERE stored_path = ?').get(rel);
  if (!used) removeBlob(paths, rel);
}

/** Messages from the readers do not name the file; with many files at once the officer needs it. */
function withName(error: AppError, name: string): AppError {
  if (error.message.includes(`«${name}»`)) return error;
  return new AppError(error.code, `«${name}»: ${error.message}`, error.detail);
}
