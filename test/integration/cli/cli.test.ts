import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core/app';
import { runCli } from '../../../src/main/cli/run-cli';
import { captureIo } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

describe('cchc command line', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());
  const env = () => ({ CCHC_DATA_DIR: temp.dir });

  it('--help lists the commands in Vietnamese', async () => {
    const c = captureIo();
    expect(await runCli(['--help'], { io: c.io, env: env() })).toBe(0);
    expect(c.out.join('\n')).toContain('Các lệnh:');
    expect(c.out.join('\n')).toMatch(/info\s+Thư mục dữ liệu/);
  });

  it('info shows the data folder, schema version and the unit profile', async () => {
    const core = openCore({ dataDir: temp.dir });
    await core.registry.invoke('profile/save', { profile: sampleProfile() });
    core.close();
    const c = captureIo();
    expect(await runCli(['info'], { io: c.io, env: env() })).toBe(0);
    const text = c.out.join('\n');
    expect(text).toContain(`Thư mục dữ liệu: ${temp.dir}`);
    expect(text).toMatch(/Phiên bản lược đồ dữ liệu: \d+/);
    expect(text).toContain('Đơn vị (năm 2026): Sở Nội vụ (SNV)');
    expect(text).toContain('Lãnh đạo: Giám đốc Trần Văn Mỹ');
  });

  it('info --json is machine-readable', async () => {
    const c = captureIo();
    expect(await runCli(['info', '--json'], { io: c.io, env: env() })).toBe(0);
    expect(JSON.parse(c.out.join('\n'))).toMatchObject({ dataDir: temp.dir, latestProfile: null });
  });

  it('an unknown command exits 2 with a Vietnamese message', async () => {
    const c = captureIo();
    expect(await runCli(['xoa-het'], { io: c.io, env: env() })).toBe(2);
    expect(c.err.join('\n')).toContain('Không có lệnh «xoa-het»');
  });
});

describe('cchc assessment score', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('prints totals per domain and the band of a year', async () => {
    const core = openCore({ dataDir: temp.dir });
    await core.registry.invoke('profile/save', { profile: sampleProfile() });
    await core.registry.invoke('assessment/open', { year: 2026 });
    await core.registry.invoke('assessment/save-entry', { year: 2026, code: '1.1.3', answer: { kind: 'yes-no', value: true } });
    core.close();
    const c = captureIo();
    expect(await runCli(['assessment', 'score', '2026'], { io: c.io, env: { CCHC_DATA_DIR: temp.dir } })).toBe(0);
    const text = c.out.join('\n');
    expect(text).toMatch(/1\. Công tác chỉ đạo, điều hành cải cách hành chính\s+0,50 \/\s+10,00/);
    expect(text).toMatch(/Tổng điểm tự chấm \(tạm tính\)\s+0,50 \/\s+77,00/);
    // The self-scored part of the scale, and why the rest is not in it.
    expect(text).toContain('phần tự chấm 77,00/100,00 điểm; không tính 20,00 điểm đánh giá qua điều tra xã hội học (XHH); 3,00 điểm do cơ quan thẩm định chấm.');
    expect(text).toContain('Xếp loại tạm tính (chỉ phần tự chấm): Yếu');
    // Percentages in vi-VN with two decimals, as official tables print them.
    expect(text).toMatch(/Tổng điểm tự chấm.*\d+,\d\d%/);
  });

  it('says so when the year has no assessment', async () => {
    const c = captureIo();
    expect(await runCli(['assessment', 'score', '2031'], { io: c.io, env: { CCHC_DATA_DIR: temp.dir } })).toBe(1);
    expect(c.err.join('\n')).toContain('Chưa có bản tự đánh giá năm 2031');
  });
});
