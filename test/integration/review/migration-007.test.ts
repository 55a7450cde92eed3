import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, type Db } from '../../../src/main/core/db/open';
import { migrations } from '../../../src/main/core/db/migrations';
import { migration007 } from '../../../src/main/core/db/migrations/007-review';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: Db;
const upTo007 = migrations.slice(0, migrations.indexOf(migration007) + 1);

beforeEach(() => {
  temp = makeTempDir('cchc-migration-007-');
  db = openDatabase(join(temp.dir, 'm.sqlite'), { migrations: upTo007 });
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const H = (c: string) => c.repeat(64);

function insertVersion(status: string, extra: Record<string, unknown> = {}): number {
  const row = {
    subject_kind: 'assessment',
    subject_key: '2026',
    version_no: 1,
    status,
    opened_at: '2026-11-01T00:00:00Z',
    opened_by_name: 'A',
    decided_at: null,
    snapshot_json: null,
    snapshot_sha256: null,
    ...extra,
  };
  const cols = Object.keys(row);
  const info = db.prepare(`INSERT INTO dossier_version (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
  return Number(info.lastInsertRowid);
}

function insertAudit(seq: number): void {
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_name, action, prev_hash, hash) VALUES (?, '2026-11-01T00:00:00Z', 'A', 'x', ?, ?)`,
  ).run(seq, H('0'), H(String(seq)));
}

describe('migration 007: review and audit', () => {
  it('creates the review and audit tables and sets its version', () => {
    expect(schemaVersion(db)).toBe(migration007.version);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['dossier_version', 'review_comment', 'approved_document', 'audit_log']));
  });

  it('refuses an approved version without a snapshot, and unknown kinds or statuses', () => {
    expect(() => insertVersion('approved')).toThrow(/CHECK/);
    expect(() => insertVersion('published')).toThrow(/CHECK/);
    expect(() => insertVersion('draft', { subject_kind: 'plan' })).toThrow(/CHECK/);
    insertVersion('draft');
    expect(() => insertVersion('draft')).toThrow(/UNIQUE/);
  });

  it('keeps audit rows append-only', () => {
    insertAudit(1);
    insertAudit(2);
    expect(() => db.prepare("UPDATE audit_log SET actor_name = 'B' WHERE seq = 1").run()).toThrow(/chỉ được ghi thêm, không được sửa/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/chỉ được ghi thêm, không được xóa/);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 2 });
  });

  it('freezes an approved version except for the signed copy, and keeps its documents', () => {
    const id = insertVersion('approved', { decided_at: '2026-11-02T00:00:00Z', snapshot_json: '{}', snapshot_sha256: H('a') });
    expect(() => db.prepare("UPDATE dossier_version SET snapshot_json = '{\"x\":1}' WHERE id = ?").run(id)).toThrow(/đã duyệt không được sửa/);
    expect(() => db.prepare("UPDATE dossier_version SET status = 'draft' WHERE id = ?").run(id)).toThrow(/đã duyệt không được sửa/);
    expect(() => db.prepare('DELETE FROM dossier_version WHERE id = ?').run(id)).toThrow(/đã duyệt không được xóa/);
    db.prepare("UPDATE dossier_version SET signed_sha256 = ?, signed_name = 'ky.pdf' WHERE id = ?").run(H('b'), id);

    db.prepare("INSERT INTO approved_document (version_id, position, file_name, sha256, size, data) VALUES (?, 0, 'a.docx', ?, 1, x'00')").run(id, H('c'));
    expect(() => db.prepare("UPDATE approved_document SET data = x'01'").run()).toThrow(/không được sửa/);
    expect(() => db.prepare('DELETE FROM approved_document').run()).toThrow(/không được xóa/);
  });

  it('lets a draft version change freely', () => {
    const id = insertVersion('draft');
    db.prepare("UPDATE dossier_version SET status = 'submitted' WHERE id = ?").run(id);
    db.prepare('DELETE FROM dossier_version WHERE id = ?').run(id);
  });
});
