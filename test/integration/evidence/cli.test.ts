import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evidenceCommands } from '../../../src/main/cli/commands/evidence';
import { makeTempDir } from '../../helpers/temp-dir';
import { runCliCaptured } from '../../helpers/cli';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('cchc-evidence-cli-');
});
afterEach(() => temp.cleanup());

async function cli(...args: string[]) {
  return runCliCaptured(args, { dataDir: join(temp.dir, 'data'), commands: evidenceCommands });
}

describe('cchc evidence', () => {
  it('add stores each file once, prints suggestions, and reports what failed; list, search and verify read it back', async () => {
    const plan = join(temp.dir, 'Ke hoach 47-KH-UBND ngay 11-01-2022.txt');
    writeFileSync(plan, 'Kế hoạch cải cách hành chính năm 2022, đẩy mạnh chuyển đổi số\n');
    const folder = join(temp.dir, 'thu-muc');
    mkdirSync(folder);

    const first = await cli('evidence', 'add', plan, folder, join(temp.dir, 'khong-co.pdf'), '--item', '1.1', '--year', '2026');
    expect(first.code).toBe(1);
    expect(first.out).toContain('Đã lưu #1 «Ke hoach 47-KH-UBND ngay 11-01-2022.txt»');
    expect(first.out).toContain('Gợi ý thông tin văn bản: loại: Kế hoạch; số: 47/KH-UBND; ngày: 11/01/2022');
    expect(first.err).toContain('không phải là tệp');
    expect(first.err).toContain('không tìm thấy tệp');
    expect(first.err).toContain('2/3 tệp chưa được lưu');

    const again = await cli('evidence', 'add', plan, '--item', '1.2', '--year', '2026');
    expect(again.code).toBe(0);
    expect(again.out).toContain('Trùng nội dung với tài liệu #1');

    const list = await cli('evidence', 'list', '--item', '1.2', '--year', '2026');
    expect(list.out).toContain('Kiểm chứng cho: 2026:1.1, 2026:1.2');
    const search = await cli('evidence', 'search', 'chuyen', 'doi');
    expect(search.out).toContain('Tìm thấy 1 tài liệu');
    expect(search.out).toContain('[chuyển] [đổi]');
    const verify = await cli('evidence', 'verify');
    expect(verify).toMatchObject({ code: 0 });
    expect(verify.out).toContain('1 tệp nguyên vẹn');
  });

  it('add refuses an item the year’s criteria set does not have, storing nothing', async () => {
    const plan = join(temp.dir, 'ke-hoach.txt');
    writeFileSync(plan, 'Kế hoạch CCHC\n');
    const r = await cli('evidence', 'add', plan, '--item', '99.9', '--year', '2026');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không có tiêu chí «99.9» trong bộ chỉ số năm 2026');
    const verify = await cli('evidence', 'verify');
    expect(verify.out).not.toContain('1 tệp nguyên vẹn');
  });

  it('add refuses any item for a year that has no criteria set, naming the item and the year', async () => {
    const plan = join(temp.dir, 'ke-hoach.txt');
    writeFileSync(plan, 'Kế hoạch\n');
    const r = await cli('evidence', 'add', plan, '--item', '99.9', '--year', '2019');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Năm 2019 chưa có bộ chỉ số nào nên không có tiêu chí «99.9»');
    expect(r.out).toBe('');
    expect((await cli('evidence', 'verify')).out).not.toContain('1 tệp nguyên vẹn');
  });

  it('add without --item explains the usage', async () => {
    const r = await cli('evidence', 'add', join(temp.dir, 'a.txt'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('Thiếu mã tiêu chí (--item)');
  });
});
