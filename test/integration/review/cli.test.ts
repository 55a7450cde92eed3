import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewCommands } from '../../../src/main/cli/commands/review';
import { DATABASE_FILE, openCore } from '../../../src/main/core/app';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';
import { runCliCaptured } from '../../helpers/cli';

let temp: ReturnType<typeof makeTempDir>;
const dataDir = () => join(temp.dir, 'data');

beforeEach(async () => {
  temp = makeTempDir('cchc-review-cli-');
  const core = openCore({ dataDir: dataDir() });
  const run = async (channel: string, input: unknown) => {
    const r = await core.registry.invoke(channel, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  await run('profile/save', { profile: sampleProfile() });
  await run('assessment/open', { year: 2026 });
  await run('assessment/save-entry', { year: 2026, code: '1.1.3', answer: { kind: 'yes-no', value: true } });
  await run('review/submit', { kind: 'assessment', key: '2026' });
  await run('review/approve', { kind: 'assessment', key: '2026', comment: 'Đồng ý.' });
  core.close();
});
afterEach(() => temp.cleanup());

async function cli(...args: string[]) {
  return runCliCaptured(args, { dataDir: dataDir(), commands: reviewCommands });
}

describe('cchc audit / cchc review', () => {
  it('review reopen opens version 2 with a reason, and only with one', async () => {
    expect((await cli('review', 'reopen', '2026')).code).toBe(2);
    const r = await cli('review', 'reopen', '2026', '--reason', 'Bổ sung tài liệu theo ý kiến Sở Nội vụ.');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã mở phiên bản 2 để sửa');
    const status = await cli('review', 'status', '2026');
    expect(status.out).toContain('phiên bản 2 — Đang soạn');
    const again = await cli('review', 'reopen', '2026', '--reason', 'Lần nữa');
    expect(again.code).toBe(1);
    expect(again.err).toContain('chỉ mở phiên bản mới sau khi phiên bản hiện tại đã được duyệt');
  });

  it('review status prints the versions with approver and hash', async () => {
    const r = await cli('review', 'status', '2026');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tự đánh giá năm 2026: phiên bản 1 — Đã duyệt');
    expect(r.out).toContain('Ý kiến: Đồng ý.');
    expect(r.out).toMatch(/SHA-256: [0-9a-f]{64}/);
    expect((await cli('review', 'status')).code).toBe(2);
    expect((await cli('review', 'status', '2024')).err).toContain('Chưa có bản tự đánh giá năm 2024.');
  });

  it('audit verify exits 0 on a whole chain and 1 naming the row after tampering', async () => {
    const good = await cli('audit', 'verify');
    expect(good.code).toBe(0);
    expect(good.out).toContain('Nhật ký toàn vẹn: đã kiểm tra 4 dòng');

    const raw = new Database(join(dataDir(), DATABASE_FILE));
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_name = 'Người lạ' WHERE seq = 2;");
    raw.close();
    const bad = await cli('audit', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Dòng số 2 đã bị sửa');
  });

  it('audit export writes CSV with a BOM, or JSON', async () => {
    const csv = join(temp.dir, 'nhat-ky.csv');
    expect((await cli('audit', 'export', '--format', 'csv', '--out', csv)).code).toBe(0);
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Duyệt hồ sơ');
    const json = join(temp.dir, 'nhat-ky.json');
    expect((await cli('audit', 'export', '--format', 'json', '--out', json)).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).entries).toHaveLength(4);
    expect((await cli('audit', 'export', '--format', 'xml', '--out', json)).code).toBe(2);
  });
});
