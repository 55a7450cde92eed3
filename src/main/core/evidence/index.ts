import { dirname } from 'node:path';
import type { EvidenceMeta } from '../../../shared/contract/evidence';
import type { Db } from '../db/open';
import { addLinks, copyLinksByKey, fileBySha, fileIdsByKey, fileViews, linkCountsByKey, storedPathsById } from './evidence-store';
import { resolveBlob, storePaths } from './file-store';
import { importEvidence } from './import-service';

/**
 * What other domains may ask of the evidence domain. They never read the evidence tables; these
 * functions are the whole interface. Target keys: assessment items "<year>:<code>" (2026:1.2.3),
 * report sections as the reporting domain names them.
 */

export { initEvidence, lastRecovery } from './recovery';

/** A linked file with the contract's document metadata (all of it but the period). */
export interface LinkedEvidence extends Omit<EvidenceMeta, 'period'> {
  fileId: number;
  sha256: string;
  size: number;
  originalName: string;
  mime: string;
  /** Absolute path of the stored file (read only; never write to it). */
  storedPath: string;
  /** False until the officer has confirmed (or typed) the document details (always set by this module). */
  metaConfirmed?: boolean;
}

/** Number of files linked to each key; 0 for a key without links. */
export function countLinks(db: Db, targetKeys: string[]): Record<string, number> {
  return linkCountsByKey(db, targetKeys);
}

/** Links every file of `fromKey` to `toKey` as well (carry-over to a new year); returns the new links. */
export function copyLinks(db: Db, fromKey: string, toKey: string): number {
  return copyLinksByKey(db, fromKey, toKey, new Date().toISOString());
}

/**
 * The files linked to each key, newest link first. The data folder is the database's folder
 * (the store always keeps its database there), so callers need not pass it.
 */
export function listLinkedEvidence(db: Db, targetKeys: string[]): Record<string, LinkedEvidence[]> {
  const dataDir = dirname(db.name);
  const idsByKey = fileIdsByKey(db, targetKeys);
  const byId = linkedByIds(db, dataDir, [...new Set(Object.values(idsByKey).flat())]);
  return Object.fromEntries(
    Object.entries(idsByKey).map(([key, ids]) => [key, ids.map((id) => byId.get(id)).filter((e): e is LinkedEvidence => !!e)]),
  );
}

export function evidenceFile(db: Db, dataDir: string, fileId: number): LinkedEvidence | null {
  return linkedByIds(db, dataDir, [fileId]).get(fileId) ?? null;
}

/**
 * Absolute path of the stored file with this content, if the store still has it (what an approved
 * snapshot names by hash). One query: the export needs only where the bytes are.
 */
export function storedPathBySha(db: Db, dataDir: string, sha256: string): string | null {
  const row = fileBySha(db, sha256);
  return row ? resolveBlob(storePaths(dataDir), row.stored_path) : null;
}

/**
 * The given files as LinkedEvidence, by id (unknown ids are absent). Batched: one pass of
 * fileViews and one stored-path lookup for all ids, whatever their number, instead of a few
 * queries per file.
 */
function linkedByIds(db: Db, dataDir: string, ids: readonly number[]): Map<number, LinkedEvidence> {
  const paths = storePaths(dataDir);
  const storedPaths = storedPathsById(db, ids);
  const out = new Map<number, LinkedEvidence>();
  for (const view of fileViews(db, ids)) {
    const rel = storedPaths.get(view.id);
    if (rel === undefined) continue;
    out.set(view.id, {
      fileId: view.id,
      sha256: view.sha256,
      size: view.size,
      originalName: view.originalName,
      mime: view.mime,
      storedPath: resolveBlob(paths, rel),
      docType: view.meta.docType,
      docNumber: view.meta.docNumber,
      docSymbol: view.meta.docSymbol,
      issueDate: view.meta.issueDate,
      issuer: view.meta.issuer,
      summary: view.meta.summary,
      metaConfirmed: view.metaConfirmed,
    });
  }
  return out;
}

/**
 * Stores generated content (e.g. the signed copy of an approved dossier) like an imported file:
 * durable before its row commits, once per content. Not linked to anything.
 */
export async function storeBufferAsEvidence(db: Db, dataDir: string, name: string, data: Buffer): Promise<{ fileId: number; sha256: string }> {
  const outcome = await importEvidence({ db, dataDir, now: () => new Date() }, { kind: 'buffer', data, name }, []);
  return { fileId: outcome.file.id, sha256: outcome.file.sha256 };
}

/**
 * Stores a file from a path (streamed into the store while hashed, once per content), linked to
 * nothing: the caller links it in its own transaction (see linkToItems). A stored file with no
 * link is harmless (the library lists it as unlinked), so a caller that fails later leaves no harm.
 */
export async function storeFileAsEvidence(
  db: Db,
  dataDir: string,
  path: string,
  name: string,
): Promise<{ fileId: number; sha256: string; size: number; duplicate: boolean }> {
  const outcome = await importEvidence({ db, dataDir, now: () => new Date() }, { kind: 'path', path, name }, []);
  return { fileId: outcome.file.id, sha256: outcome.file.sha256, size: outcome.file.size, duplicate: outcome.duplicate };
}

/**
 * Links a stored file to assessment items ("<year>:<code>"); call inside the caller's transaction,
 * which records the change in the audit log itself. Returns the links added (existing ones stay).
 */
export function linkToItems(db: Db, fileId: number, itemKeys: readonly string[], now: Date): number {
  return addLinks(db, fileId, itemKeys.map((key) => ({ type: 'item' as const, key })), now.toISOString());
}
