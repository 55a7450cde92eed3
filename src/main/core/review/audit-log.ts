import { createHash } from 'node:crypto';
import type { AuditFilter, AuditPage, AuditRecord, AuditVerifyResult } from '../../../shared/contract/review';
import { actorLabel, type Actor } from '../auth/session';
import { canonicalJson } from '../criteria/canonical';
import type { Db } from '../db/open';
import { getMeta, setMeta } from '../app-meta';
import { actorId } from './version-store';

/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE) and a hash chain, so an edit made
 * outside the app (with the triggers dropped) is still found. Each row's hash is the SHA-256 of
 * the canonical JSON (keys sorted) of
 *   { seq, at, actorId, actorName, action, subject, target, oldJson, newJson, prevHash }
 * where oldJson/newJson are the stored texts and prevHash is the previous row's hash (64 zeros
 * for the first row). Anyone holding a JSON export can recompute it.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  at: Date;
  actor: Actor;
  /** 'assessment.entry', 'review.approve', 'evidence.link', 'account.roles' … */
  action: string;
  /** 'assessment:2026', 'report:2026:q1', 'account:3' … */
  subject?: string;
  /** Item code, section, file … within the subject. */
  target?: string;
  old?: unknown;
  new?: unknown;
}

interface AuditRow {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  subject: string;
  target: string;
  old_json: string | null;
  new_json: string | null;
  prev_hash: string;
  hash: string;
}

/** The row's fields under their contract names: what the hash covers and what callers read. */
function fieldsOf(row: Omit<AuditRow, 'hash'>) {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    subject: row.subject,
    target: row.target,
    prevHash: row.prev_hash,
  };
}

export function hashOfRow(row: Omit<AuditRow, 'hash'>): string {
  // canonicalJson sorts the keys, so the payload (and every stored hash) does not depend on this order.
  const payload = canonicalJson({ ...fieldsOf(row), oldJson: row.old_json, newJson: row.new_json });
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}

const jsonOrNull = (value: unknown): string | null => (value === undefined ? null : canonicalJson(value));

/**
 * Appends one entry to the chain. Runs in the caller's transaction when there is one (a savepoint
 * otherwise), so the entry and the change it records are written together or not at all.
 */
export function appendAudit(db: Db, entry: AuditEntryInput): AuditRecord {
  return db.transaction(() => {
    const last = auditHead(db);
    const base = {
      seq: (last?.seq ?? 0) + 1,
      at: entry.at.toISOString(),
      actor_id: actorId(entry.actor),
      actor_name: actorLabel(entry.actor),
      action: entry.action,
      subject: entry.subject ?? '',
      target: entry.target ?? '',
      old_json: jsonOrNull(entry.old),
      new_json: jsonOrNull(entry.new),
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const row: AuditRow = { ...base, hash: hashOfRow(base) };
    db.prepare(
      `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, subject, target, old_json, new_json, prev_hash, hash)
       VALUES (@seq, @at, @actor_id, @actor_name, @action, @subject, @target, @old_json, @new_json, @prev_hash, @hash)`,
    ).run(row);
    // The end of the chain, kept apart from it: a log cut from some entry onward is still a valid
    // chain, and only this anchor shows that its last entries are gone (migration 008).
    setMeta(db, CHAIN_END_KEY, JSON.stringify({ seq: row.seq, hash: row.hash }));
    return toRecord(row);
  })();
}

/** app_meta key of the last entry's number and hash, written with every append. */
export const CHAIN_END_KEY = 'auditChainEnd';

function chainEnd(db: Db): { seq: number; hash: string } | null | 'unreadable' {
  const text = getMeta(db, CHAIN_END_KEY);
  if (text === null) return null;
  try {
    const end = JSON.parse(text) as { seq?: unknown; hash?: unknown };
    return typeof end.seq === 'number' && typeof end.hash === 'string' ? { seq: end.seq, hash: end.hash } : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    ...fieldsOf(row),
    old: row.old_json === null ? null : (JSON.parse(row.old_json) as unknown),
    new: row.new_json === null ? null : (JSON.parse(row.new_json) as unknown),
    hash: row.hash,
  };
}

export function auditHead(db: Db): { seq: number; hash: string } | null {
  return (db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
}

/**
 * Walks the chain from the first row and reports the first break:
 * - altered: a row's content no longer gives its hash, or a row was rewritten with a fresh hash
 *   (the next row's link to it breaks);
 * - deleted: a sequence number is missing, or a point recorded elsewhere (an approval) is gone;
 * - reordered: a row carries another position than the one it was hashed at.
 * `anchors` are (seq, hash) pairs recorded outside the log, which catch a cut-off tail.
 */
export function verifyAudit(db: Db, anchors: { seq: number; hash: string; label: string }[] = []): AuditVerifyResult {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  const head = rows.length ? { seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash } : null;
  const broken = (seq: number, kind: 'altered' | 'deleted' | 'reordered', message: string): AuditVerifyResult => ({
    ok: false,
    checked: rows.length,
    head,
    problem: { seq, kind, message },
  });
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const hashes = new Set(rows.map((r) => r.hash));

  let previous: AuditRow | null = null;
  for (const row of rows) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (hashOfRow(row) !== row.hash) {
      const original = rows.find((r) => r.seq !== row.seq && hashOfRow({ ...row, seq: r.seq }) === row.hash);
      if (original) return broken(row.seq, 'reordered', `Dòng số ${row.seq} đã bị đổi thứ tự: dòng này được ghi ở vị trí số ${original.seq}.`);
      return broken(row.seq, 'altered', `Dòng số ${row.seq} đã bị sửa ngoài ứng dụng: nội dung không còn khớp với mã băm đã ghi.`);
    }
    if (row.seq !== expectedSeq) {
      const range = row.seq - 1 > expectedSeq ? `từ số ${expectedSeq} đến số ${row.seq - 1}` : `số ${expectedSeq}`;
      return broken(expectedSeq, 'deleted', `Thiếu dòng ${range}: đã bị xóa khỏi nhật ký.`);
    }
    const expectedPrev = previous?.hash ?? GENESIS_HASH;
    if (row.prev_hash !== expectedPrev) {
      if (hashes.has(row.prev_hash)) return broken(row.seq, 'reordered', `Dòng số ${row.seq} không đứng sau dòng mà nó được nối vào: thứ tự đã bị đổi.`);
      const at = previous?.seq ?? row.seq;
      return broken(at, 'altered', `Dòng số ${at} đã bị ghi lại ngoài ứng dụng: dòng số ${row.seq} không còn nối đúng vào nó.`);
    }
    previous = row;
  }
  for (const anchor of anchors) {
    const row = bySeq.get(anchor.seq);
    if (!row) return broken(anchor.seq, 'deleted', `Dòng số ${anchor.seq} (mốc của ${anchor.label}) đã bị xóa khỏi nhật ký.`);
    if (row.hash !== anchor.hash) return broken(anchor.seq, 'altered', `Dòng số ${anchor.seq} không còn khớp với mốc của ${anchor.label}.`);
  }
  // The end of the chain against the anchor every append writes (CHAIN_END_KEY).
  const end = chainEnd(db);
  const last = head?.seq ?? 0;
  if (end === 'unreadable') return broken(last, 'altered', 'Mốc cuối nhật ký trong cơ sở dữ liệu đã bị sửa ngoài ứng dụng (không đọc được).');
  if (end === null) {
    if (head) return broken(last, 'altered', 'Mốc cuối nhật ký đã bị xóa khỏi cơ sở dữ liệu: không xác nhận được nhật ký còn đủ các dòng cuối.');
  } else if (last < end.seq) {
    const range = end.seq > last + 1 ? `từ số ${last + 1} đến số ${end.seq}` : `số ${end.seq}`;
    return broken(last + 1, 'deleted', `Thiếu dòng ${range} ở cuối nhật ký: nhật ký đã bị cắt ngắn ngoài ứng dụng.`);
  } else if (last > end.seq) {
    return broken(end.seq + 1, 'altered', `Dòng số ${end.seq + 1} trở đi được thêm vào nhật ký ngoài ứng dụng.`);
  } else if (head!.hash !== end.hash) {
    return broken(last, 'altered', `Dòng cuối (số ${last}) không khớp với mốc cuối nhật ký: nhật ký đã bị ghi lại ngoài ứng dụng.`);
  }
  return { ok: true, checked: rows.length, head, problem: null };
}

/**
 * The snapshot hash the audit log recorded when `subject`'s version `versionNo` was approved: a
 * second copy of it, beside dossier_version.snapshot_sha256, so a snapshot edited outside the app
 * together with its stored hash is still found. `intact` says the entry itself still matches its
 * own hash (the chain is checked by verifyAudit). Null when no approval entry names this version.
 */
export function approvalRecord(db: Db, subject: string, versionNo: number): { seq: number; snapshotSha256: string | null; intact: boolean } | null {
  const row = db
    .prepare(
      `SELECT * FROM audit_log
       WHERE action = 'review.approve' AND subject = ? AND json_extract(new_json, '$.versionNo') = ?
       ORDER BY seq DESC LIMIT 1`,
    )
    .get(subject, versionNo) as AuditRow | undefined;
  if (!row) return null;
  let recorded: unknown;
  try {
    recorded = (JSON.parse(row.new_json ?? 'null') as { snapshotSha256?: unknown } | null)?.snapshotSha256;
  } catch {
    recorded = undefined;
  }
  return { seq: row.seq, snapshotSha256: typeof recorded === 'string' ? recorded : null, intact: hashOfRow(row) === row.hash };
}

function whereOf(filter: AuditFilter | undefined): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter?.subject) {
    parts.push('subject = ?');
    params.push(filter.subject);
  }
  if (filter?.action) {
    parts.push('action = ?');
    params.push(filter.action);
  }
  if (filter?.actor) {
    parts.push("actor_name LIKE ? ESCAPE '\\'");
    params.push(`%${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  // Days are Vietnam calendar days (UTC+7); times are stored in UTC.
  if (filter?.from) {
    parts.push('at >= ?');
    params.push(new Date(Date.parse(`${filter.from}T00:00:00+07:00`)).toISOString());
  }
  if (filter?.to) {
    parts.push('at < ?');
    params.push(new Date(Date.parse(`${filter.to}T00:00:00+07:00`) + 86_400_000).toISOString());
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Newest first, with paging; `total` counts every entry matching the filter. */
export function listAudit(db: Db, filter: AuditFilter | undefined, offset = 0, limit = 50): AuditPage {
  const where = whereOf(filter);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${where.sql}`).get(...where.params) as { n: number }).n;
  const rows = db.prepare(`SELECT * FROM audit_log ${where.sql} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as AuditRow[];
  return { total, entries: rows.map(toRecord) };
}

/** Every matching entry, oldest first, with the stored JSON texts (what the hashes cover). */
export function exportRows(db: Db, filter: AuditFilter | undefined): (AuditRecord & { oldJson: string | null; newJson: string | null })[] {
  const where = whereOf(filter);
  const rows = db.prepare(`SELECT * FROM audit_log ${where.sql} ORDER BY seq`).all(...where.params) as AuditRow[];
  return rows.map((r) => ({ ...toRecord(r), oldJson: r.old_json, newJson: r.new_json }));
}
