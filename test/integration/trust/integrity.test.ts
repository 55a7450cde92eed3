import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import { getMeta } from '../../../src/main/core/app-meta';
import { openDatabase, schemaVersion } from '../../../src/main/core/db/open';
import { migrations } from '../../../src/main/core/db/migrations';
import { migration008 } from '../../../src/main/core/db/migrations/008-audit-chain-end';
import { CHAIN_END_KEY, GENESIS_HASH, hashOfRow } from '../../../src/main/core/review/audit-log';
import type { AuditVerifyResult, VersionVerifyResult } from '../../../src/shared/contract/review';
import { runCliCaptured } from '../../helpers/cli';
import { ok } from '../../helpers/registry';
import { sampleProfile } from '../../helpers/sample-profile';
import { makeTempDir } from '../../helpers/temp-dir';

/**
 * Issue 11, integrity checks that could be fooled: a snapshot edited together with its stored
 * hash, and the audit log cut from the approval entry onward.
 */

const A = { kind: 'assessment', key: '2026' } as const;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('integrity checks an editor of the database file cannot satisfy', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  const call = (channel: string, input: unknown = {}) => core.registry.invoke(channel, input);

  beforeEach(async () => {
    temp = makeTempDir('cchc-integrity-');
    core = openCore({ dataDir: temp.dir, log: () => {} });
    await ok(call('profile/save', { profile: sampleProfile() }));
    await ok(call('assessment/open', { year: 2026 }));
    await ok(call('assessment/save-entry', { year: 2026, code: '1.1.3', answer: { kind: 'yes-no', value: true }, explanation: 'Có kế hoạch CCHC năm.' }));
    await ok(call('review/submit', A));
    await ok(call('review/approve', { ...A, comment: 'Đồng ý.' }));
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('verify-version: a snapshot edited together with its stored hash no longer matches the approval’s audit entry', async () => {
    expect((await ok<VersionVerifyResult>(call('review/verify-version', { ...A, versionNo: 1 }))).ok).toBe(true);
    core.db.exec('DROP TRIGGER dossier_version_approved_frozen');
    const row = core.db.prepare('SELECT snapshot_json FROM dossier_version WHERE version_no = 1').get() as { snapshot_json: string };
    const forged = row.snapshot_json.replace('"points":0.5', '"points":1');
    expect(forged).not.toBe(row.snapshot_json);
    core.db.prepare('UPDATE dossier_version SET snapshot_json = ?, snapshot_sha256 = ? WHERE version_no = 1').run(forged, sha256(forged));

    const result = await ok<VersionVerifyResult>(call('review/verify-version', { ...A, versionNo: 1 }));
    expect(result.ok).toBe(false);
    expect(result.actualSha256).toBe(result.expectedSha256);
    expect(result.message).toMatch(/^Phiên bản 1 đã bị thay đổi sau khi duyệt: mã SHA-256 không khớp với mã ghi trong nhật ký lúc duyệt \(dòng số \d+\)\.$/);
  });

  it('verify-version: an approval whose audit entry is gone is not confirmed', async () => {
    core.db.exec('DROP TRIGGER audit_log_no_delete');
    core.db.exec("DELETE FROM audit_log WHERE action = 'review.approve'");
    const result = await ok<VersionVerifyResult>(call('review/verify-version', { ...A, versionNo: 1 }));
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Không tìm thấy dòng ghi việc duyệt phiên bản 1 trong nhật ký');
  });

  it('audit verify: the log cut from the approval entry onward is found (app and cchc audit verify)', async () => {
    await ok(call('review/open-version', { ...A, reason: 'Bổ sung thuyết minh' }));
    await ok(call('assessment/save-entry', { year: 2026, code: '1.1.3', explanation: 'Sửa sau khi duyệt.' }));
    expect((await ok<AuditVerifyResult>(call('audit/verify'))).ok).toBe(true);
    const approval = core.db.prepare("SELECT seq FROM audit_log WHERE action = 'review.approve'").pluck().get() as number;
    const last = core.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    core.db.exec('DROP TRIGGER audit_log_no_delete');
    core.db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(approval);

    const result = await ok<AuditVerifyResult>(call('audit/verify'));
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ seq: approval, kind: 'deleted' });
    expect(result.problem!.message).toBe(`Thiếu dòng từ số ${approval} đến số ${last} ở cuối nhật ký: nhật ký đã bị cắt ngắn ngoài ứng dụng.`);
    core.close();
    const cli = await runCliCaptured(['audit', 'verify'], { dataDir: temp.dir });
    expect(cli.code).toBe(1);
    expect(`${cli.out}\n${cli.err}`).toContain('cắt ngắn');
    core = openCore({ dataDir: temp.dir, log: () => {} });
  });

  it('audit verify: the end anchor removed, or rows added outside the app, are found too', async () => {
    const end = getMeta(core.db, CHAIN_END_KEY)!;
    core.db.prepare('DELETE FROM app_meta WHERE key = ?').run(CHAIN_END_KEY);
    expect((await ok<AuditVerifyResult>(call('audit/verify'))).problem?.message).toContain('Mốc cuối nhật ký đã bị xóa');

    core.db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)').run(CHAIN_END_KEY, end);
    const head = core.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    const extra = { seq: head.seq + 1, at: '2026-11-30T00:00:00.000Z', actor_id: null, actor_name: 'ai đó', action: 'review.approve', subject: 'assessment:2026', target: '', old_json: null, new_json: null, prev_hash: head.hash };
    core.db.prepare(
      `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, subject, target, old_json, new_json, prev_hash, hash)
       VALUES (@seq, @at, @actor_id, @actor_name, @action, @subject, @target, @old_json, @new_json, @prev_hash, @hash)`,
    ).run({ ...extra, hash: hashOfRow(extra) });
    expect((await ok<AuditVerifyResult>(call('audit/verify'))).problem).toMatchObject({ seq: head.seq + 1, kind: 'altered' });
  });
});

describe('migration 008: the audit log’s end anchor', () => {
  it('anchors the log an upgraded database already has, and none for an empty log', () => {
    const temp = makeTempDir('cchc-m008-');
    try {
      const file = join(temp.dir, 'a.sqlite');
      const before = openDatabase(file, { migrations: migrations.slice(0, 7) });
      const first = { seq: 1, at: '2026-11-01T00:00:00.000Z', actor_id: null, actor_name: 'A', action: 'x', subject: '', target: '', old_json: null, new_json: null, prev_hash: GENESIS_HASH };
      const second = { ...first, seq: 2, prev_hash: hashOfRow(first) };
      for (const row of [first, second]) {
        before
          .prepare(
            `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, subject, target, old_json, new_json, prev_hash, hash)
             VALUES (@seq, @at, @actor_id, @actor_name, @action, @subject, @target, @old_json, @new_json, @prev_hash, @hash)`,
          )
          .run({ ...row, hash: hashOfRow(row) });
      }
      before.close();
      const after = openDatabase(file);
      expect(schemaVersion(after)).toBeGreaterThanOrEqual(migration008.version);
      expect(JSON.parse(getMeta(after, CHAIN_END_KEY)!)).toEqual({ seq: 2, hash: hashOfRow(second) });
      after.close();

      const empty = openDatabase(join(temp.dir, 'b.sqlite'));
      expect(getMeta(empty, CHAIN_END_KEY)).toBeNull();
      empty.close();
    } finally {
      temp.cleanup();
    }
  });
});
