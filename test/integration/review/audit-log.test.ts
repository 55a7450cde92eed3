import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/main/core/auth/session';
import { openDatabase, type Db } from '../../../src/main/core/db/open';
import { exportAudit } from '../../../src/main/core/review/audit-export';
import { GENESIS_HASH, hashOfRow, listAudit, verifyAudit } from '../../../src/main/core/review/audit-log';
import { appendAudit } from '../../../src/main/core/review';
import { makeTempDir } from '../../helpers/temp-dir';

const officer: Actor = { kind: 'user', id: 2, username: 'canbo', displayName: 'Nguyễn Thị Ặnh' };
const leader: Actor = { kind: 'user', id: 3, username: 'lanhdao', displayName: 'Trần Văn Mỹ' };

let temp: ReturnType<typeof makeTempDir>;
let db: Db;

beforeEach(() => {
  temp = makeTempDir('cchc-audit-');
  db = openDatabase(join(temp.dir, 'a.sqlite'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

function fill(n: number): void {
  for (let i = 1; i <= n; i++) {
    appendAudit(db, {
      at: new Date(Date.UTC(2026, 10, 20, 2, i)),
      actor: i % 2 ? officer : leader,
      action: i % 2 ? 'assessment.entry' : 'review.submit',
      subject: 'assessment:2026',
      target: `1.${i}`,
      old: { points: i - 1, explanation: '' },
      new: { points: i, explanation: `Thuyết minh ${i}` },
    });
  }
}

/** Simulates someone editing the file with a SQLite tool: the triggers are gone. */
function dropGuards(): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

describe('the audit log', () => {
  it('chains each entry to the previous one by hash, and verifies a whole chain', () => {
    fill(4);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as { seq: number; prev_hash: string; hash: string }[];
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(hashOfRow(rows[2] as never)).toBe(rows[2]!.hash);
    expect(verifyAudit(db)).toEqual({ ok: true, checked: 4, head: { seq: 4, hash: rows[3]!.hash }, problem: null });
  });

  it('refuses to update or delete an entry through SQL (append-only triggers)', () => {
    fill(2);
    expect(() => db.prepare("UPDATE audit_log SET new_json = '{}' WHERE seq = 1").run()).toThrow(/chỉ được ghi thêm/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/chỉ được ghi thêm/);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('catches a row edited directly in SQLite', () => {
    fill(5);
    dropGuards();
    db.prepare(`UPDATE audit_log SET new_json = '{"explanation":"Đã sửa lén","points":9}' WHERE seq = 3`).run();
    const result = verifyAudit(db);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ seq: 3, kind: 'altered' });
    expect(result.problem!.message).toContain('Dòng số 3 đã bị sửa');
  });

  it('catches a row rewritten with a freshly computed hash, at the row that was rewritten', () => {
    fill(5);
    dropGuards();
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, unknown>;
    const forged = { ...row, actor_name: 'Người khác' } as never;
    db.prepare('UPDATE audit_log SET actor_name = ?, hash = ? WHERE seq = 2').run('Người khác', hashOfRow(forged));
    expect(verifyAudit(db).problem).toMatchObject({ seq: 2, kind: 'altered' });
  });

  it('catches a deleted row', () => {
    fill(5);
    dropGuards();
    db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    const result = verifyAudit(db);
    expect(result.problem).toMatchObject({ seq: 3, kind: 'deleted' });
    expect(result.problem!.message).toContain('Thiếu dòng số 3');
  });

  it('catches two rows swapped in order', () => {
    fill(5);
    dropGuards();
    db.exec('UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 100;');
    expect(verifyAudit(db).problem).toMatchObject({ seq: 2, kind: 'reordered' });
  });

  it('catches a cut-off tail through an anchor kept elsewhere', () => {
    fill(5);
    const anchor = { seq: 5, hash: (db.prepare('SELECT hash FROM audit_log WHERE seq = 5').get() as { hash: string }).hash, label: 'phiên bản 1' };
    dropGuards();
    db.prepare('DELETE FROM audit_log WHERE seq >= 4').run();
    // The chain's own end anchor (app_meta) already sees it; an approval's anchor names its row.
    expect(verifyAudit(db).problem).toMatchObject({ seq: 4, kind: 'deleted' });
    expect(verifyAudit(db, [anchor]).problem).toMatchObject({ seq: 5, kind: 'deleted' });
  });

  it('lists newest first with filters and paging', () => {
    fill(7);
    const page = listAudit(db, undefined, 0, 3);
    expect(page.total).toBe(7);
    expect(page.entries.map((e) => e.seq)).toEqual([7, 6, 5]);
    expect(listAudit(db, undefined, 6, 3).entries.map((e) => e.seq)).toEqual([1]);
    expect(listAudit(db, { action: 'review.submit' }).total).toBe(3);
    expect(listAudit(db, { actor: 'Ặnh' }).total).toBe(4);
    expect(listAudit(db, { from: '2026-11-21' }).total).toBe(0);
    expect(listAudit(db, { from: '2026-11-20', to: '2026-11-20' }).total).toBe(7);
    const first = listAudit(db, { subject: 'assessment:2026' }, 6, 1).entries[0]!;
    expect(first).toMatchObject({ seq: 1, actorId: 2, actorName: 'Nguyễn Thị Ặnh (canbo)', target: '1.1', old: { points: 0 }, new: { points: 1, explanation: 'Thuyết minh 1' } });
  });

  it('exports CSV for Excel (BOM, Vietnamese intact) and JSON that re-verifies', () => {
    fill(2);
    const csv = exportAudit(db, 'csv', undefined, new Date('2026-11-25T00:00:00Z'), 'test');
    const bytes = Buffer.from(csv.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('STT,Thời điểm,Người thực hiện,Hành động');
    expect(text).toContain('20/11/2026 09:01:00');
    expect(text).toContain('Nguyễn Thị Ặnh (canbo)');
    expect(text).toContain('Trình lãnh đạo duyệt');
    expect(text).toContain('"{""explanation"":""Thuyết minh 1"",""points"":1}"');
    expect(csv.fileName).toBe('nhat-ky-thay-doi-2026-11-25.csv');

    const json = JSON.parse(Buffer.from(exportAudit(db, 'json', undefined, new Date(), 'test').contentBase64, 'base64').toString('utf8'));
    expect(json.verify.ok).toBe(true);
    for (const e of json.entries) {
      const recomputed = hashOfRow({
        seq: e.seq,
        at: e.at,
        actor_id: e.actorId,
        actor_name: e.actorName,
        action: e.action,
        subject: e.subject,
        target: e.target,
        old_json: e.oldJson,
        new_json: e.newJson,
        prev_hash: e.prevHash,
      });
      expect(recomputed).toBe(e.hash);
    }
  });
});
