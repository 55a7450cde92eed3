import type {
  EvidenceFileView,
  EvidenceLinkView,
  EvidenceMeta,
  EvidenceTarget,
  EvidenceTextStatus,
} from '../../../shared/contract/evidence';
import type { Db } from '../db/open';
import { foldAligned } from './fold';
import { planUsesById } from './plan-access';

/**
 * The evidence tables: files, their metadata, links, extracted text and the full-text index.
 * Row access only; the import order and the blob files are the service's business.
 */

export interface FileRow {
  id: number;
  sha256: string;
  size: number;
  stored_path: string;
  mime: string;
  original_name: string;
  text_status: EvidenceTextStatus;
  created_at: string;
}

interface MetaRow {
  file_id: number;
  doc_type: string;
  doc_number: string;
  doc_symbol: string;
  issue_date: string | null;
  issuer: string;
  summary: string;
  period: string;
  confirmed: 0 | 1;
}

interface LinkRow {
  file_id: number;
  target_type: EvidenceTarget['type'];
  target_key: string;
  location: string;
  created_at: string;
}

export interface LinkTarget extends EvidenceTarget {
  location?: string | undefined;
}

export const EMPTY_META: EvidenceMeta = {
  docType: '',
  docNumber: '',
  docSymbol: '',
  issueDate: null,
  issuer: '',
  summary: '',
  period: '',
};

export function fileById(db: Db, id: number): FileRow | null {
  return (db.prepare('SELECT * FROM evidence_file WHERE id = ?').get(id) as FileRow | undefined) ?? null;
}

export function fileBySha(db: Db, sha256: string): FileRow | null {
  return (db.prepare('SELECT * FROM evidence_file WHERE sha256 = ?').get(sha256) as FileRow | undefined) ?? null;
}

/** Each file's stored_path (relative to the store), by id; unknown ids are absent. */
export function storedPathsById(db: Db, ids: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const chunk of chunks(ids, 500)) {
    const rows = db
      .prepare(`SELECT id, stored_path FROM evidence_file WHERE id IN (${chunk.map(() => '?').join(',')})`)
      .all(...chunk) as { id: number; stored_path: string }[];
    for (const r of rows) out.set(r.id, r.stored_path);
  }
  return out;
}

export function allFiles(db: Db): FileRow[] {
  return db.prepare('SELECT * FROM evidence_file ORDER BY id').all() as FileRow[];
}

export interface NewFile {
  sha256: string;
  size: number;
  storedPath: string;
  mime: string;
  originalName: string;
  textStatus: EvidenceTextStatus;
  text: string;
  createdAt: string;
}

/** Inserts the file, empty metadata, its text and its index entry. Call inside a transaction. */
export function insertFile(db: Db, file: NewFile): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO evidence_file (sha256, size, stored_path, mime, original_name, text_status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(file.sha256, file.size, file.storedPath, file.mime, file.originalName, file.textStatus, file.createdAt).lastInsertRowid,
  );
  db.prepare('INSERT INTO evidence_meta (file_id, updated_at) VALUES (?, ?)').run(id, file.createdAt);
  db.prepare('INSERT INTO evidence_text (file_id, body) VALUES (?, ?)').run(id, file.text);
  db.prepare('INSERT INTO evidence_fts (rowid, name, meta, body) VALUES (?, ?, ?, ?)').run(
    id,
    foldAligned(file.originalName),
    '',
    foldAligned(file.text),
  );
  return id;
}

/** Removes every row of a file (links, metadata and text go with it). Call inside a transaction. */
export function deleteFileRows(db: Db, id: number): void {
  db.prepare('DELETE FROM evidence_fts WHERE rowid = ?').run(id);
  db.prepare('DELETE FROM evidence_file WHERE id = ?').run(id);
}

/** Metadata as one line of text: what the index holds (folded) and what a snippet shows. */
export function metaText(meta: EvidenceMeta): string {
  const reference = meta.docNumber || meta.docSymbol ? `${meta.docNumber}/${meta.docSymbol}` : '';
  return [meta.docType, reference, meta.issuer, meta.summary, meta.period].filter((p) => p.trim()).join(' · ');
}

function metaOf(row: MetaRow): EvidenceMeta {
  return {
    docType: row.doc_type,
    docNumber: row.doc_number,
    docSymbol: row.doc_symbol,
    issueDate: row.issue_date,
    issuer: row.issuer,
    summary: row.summary,
    period: row.period,
  };
}

/** Saves confirmed metadata and re-indexes it. Call inside a transaction. */
export function saveMeta(db: Db, fileId: number, meta: EvidenceMeta, now: string): void {
  db.prepare(
    `INSERT INTO evidence_meta (file_id, doc_type, doc_number, doc_symbol, issue_date, issuer, summary, period, confirmed, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
     ON CONFLICT (file_id) DO UPDATE SET doc_type = excluded.doc_type, doc_number = excluded.doc_number,
       doc_symbol = excluded.doc_symbol, issue_date = excluded.issue_date, issuer = excluded.issuer,
       summary = excluded.summary, period = excluded.period, confirmed = 1, updated_at = excluded.updated_at`,
  ).run(fileId, meta.docType, meta.docNumber, meta.docSymbol, meta.issueDate, meta.issuer, meta.summary, meta.period, now);
  db.prepare('UPDATE evidence_fts SET meta = ? WHERE rowid = ?').run(foldAligned(metaText(meta)), fileId);
}

/** The opening of the stored text, for recognising metadata again. */
export function textHead(db: Db, fileId: number, chars: number): string {
  return (db.prepare('SELECT substr(body, 1, ?) FROM evidence_text WHERE file_id = ?').pluck().get(chars, fileId) as string | undefined) ?? '';
}

/**
 * Adds links; an existing link keeps its date and takes the new location when one is given.
 * Returns how many links are new. Call inside a transaction.
 */
export function addLinks(db: Db, fileId: number, targets: readonly LinkTarget[], now: string): number {
  const insert = db.prepare(
    `INSERT INTO evidence_link (file_id, target_type, target_key, location, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (file_id, target_type, target_key) DO NOTHING`,
  );
  const relocate = db.prepare('UPDATE evidence_link SET location = ? WHERE file_id = ? AND target_type = ? AND target_key = ?');
  let added = 0;
  for (const t of targets) {
    const location = t.location?.normalize('NFC').trim() ?? '';
    const changes = insert.run(fileId, t.type, t.key, location, now).changes;
    added += changes;
    if (changes === 0 && t.location !== undefined) relocate.run(location, fileId, t.type, t.key);
  }
  return added;
}

export function removeLink(db: Db, fileId: number, target: EvidenceTarget): boolean {
  return (
    db.prepare('DELETE FROM evidence_link WHERE file_id = ? AND target_type = ? AND target_key = ?').run(fileId, target.type, target.key)
      .changes > 0
  );
}

export function linkCountOfFile(db: Db, fileId: number): number {
  return db.prepare('SELECT count(*) FROM evidence_link WHERE file_id = ?').pluck().get(fileId) as number;
}

/** Link counts per target key (any target type), 0 for keys without links. */
export function linkCountsByKey(db: Db, keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const chunk of chunks(keys, 500)) {
    const rows = db
      .prepare(`SELECT target_key AS key, count(*) AS n FROM evidence_link WHERE target_key IN (${chunk.map(() => '?').join(',')}) GROUP BY target_key`)
      .all(...chunk) as { key: string; n: number }[];
    for (const r of rows) counts[r.key] = r.n;
  }
  return counts;
}

/** Links the files of one key to another key too (same type and location); returns the new links. */
export function copyLinksByKey(db: Db, fromKey: string, toKey: string, now: string): number {
  return db
    .prepare(
      `INSERT INTO evidence_link (file_id, target_type, target_key, location, created_at)
       SELECT file_id, target_type, ?, location, ? FROM evidence_link WHERE target_key = ?
       ON CONFLICT (file_id, target_type, target_key) DO NOTHING`,
    )
    .run(toKey, now, fromKey).changes;
}

/** File ids linked to each key (any type), newest link first. */
export function fileIdsByKey(db: Db, keys: readonly string[]): Record<string, number[]> {
  const out: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, []]));
  for (const chunk of chunks(keys, 500)) {
    const rows = db
      .prepare(
        `SELECT target_key AS key, file_id AS id FROM evidence_link WHERE target_key IN (${chunk.map(() => '?').join(',')})
         ORDER BY created_at DESC, evidence_link.id DESC`,
      )
      .all(...chunk) as { key: string; id: number }[];
    for (const r of rows) out[r.key]!.push(r.id);
  }
  return out;
}

export function fileIdsOfTarget(db: Db, target: EvidenceTarget): number[] {
  return db
    .prepare('SELECT file_id FROM evidence_link WHERE target_type = ? AND target_key = ? ORDER BY created_at DESC, id DESC')
    .pluck()
    .all(target.type, target.key) as number[];
}

/** Full views of the given files, in the order of `ids` (unknown ids are skipped). */
export function fileViews(db: Db, ids: readonly number[]): EvidenceFileView[] {
  if (!ids.length) return [];
  const files = new Map<number, FileRow>();
  const metas = new Map<number, MetaRow>();
  const links = new Map<number, EvidenceLinkView[]>();
  for (const chunk of chunks(ids, 500)) {
    const marks = chunk.map(() => '?').join(',');
    for (const f of db.prepare(`SELECT * FROM evidence_file WHERE id IN (${marks})`).all(...chunk) as FileRow[]) files.set(f.id, f);
    for (const m of db.prepare(`SELECT * FROM evidence_meta WHERE file_id IN (${marks})`).all(...chunk) as MetaRow[]) metas.set(m.file_id, m);
    const linkRows = db
      .prepare(`SELECT * FROM evidence_link WHERE file_id IN (${marks}) ORDER BY target_type, target_key`)
      .all(...chunk) as LinkRow[];
    for (const l of linkRows) {
      const list = links.get(l.file_id) ?? [];
      list.push({ type: l.target_type, key: l.target_key, location: l.location, createdAt: l.created_at });
      links.set(l.file_id, list);
    }
  }
  const planUses = planUsesById(db, ids);
  const views: EvidenceFileView[] = [];
  for (const id of ids) {
    const f = files.get(id);
    if (!f) continue;
    const m = metas.get(id);
    views.push({
      id: f.id,
      sha256: f.sha256,
      size: f.size,
      originalName: f.original_name,
      mime: f.mime,
      textStatus: f.text_status,
      createdAt: f.created_at,
      meta: m ? metaOf(m) : { ...EMPTY_META },
      metaConfirmed: m?.confirmed === 1,
      links: links.get(id) ?? [],
      ...(planUses.has(id) ? { planUses: planUses.get(id) } : {}),
    });
  }
  return views;
}

export function listFileIds(db: Db, limit: number, offset: number, unlinkedOnly: boolean): { total: number; ids: number[] } {
  // A file the CCHC plan names is in use, not "unlinked".
  const planIds = unlinkedOnly ? [...planUsesById(db).keys()] : [];
  const where = unlinkedOnly
    ? `WHERE NOT EXISTS (SELECT 1 FROM evidence_link l WHERE l.file_id = f.id)${planIds.length ? ` AND f.id NOT IN (${planIds.map(() => '?').join(',')})` : ''}`
    : '';
  const total = db.prepare(`SELECT count(*) FROM evidence_file f ${where}`).pluck().get(...planIds) as number;
  const ids = db.prepare(`SELECT id FROM evidence_file f ${where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).pluck().all(...planIds, limit, offset) as number[];
  return { total, ids };
}

export function storeTotals(db: Db): { fileCount: number; totalBytes: number; linkCount: number } {
  const files = db.prepare('SELECT count(*) AS n, coalesce(sum(size), 0) AS bytes FROM evidence_file').get() as { n: number; bytes: number };
  const links = db.prepare('SELECT count(*) FROM evidence_link').pluck().get() as number;
  return { fileCount: files.n, totalBytes: files.bytes, linkCount: links };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
