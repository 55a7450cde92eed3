import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core/app';
import { runCli } from '../../../src/main/cli/run-cli';
import type { CriteriaSet } from '../../../src/shared/criteria/format';
import { captureIo } from '../../helpers/cli';
import { ok } from '../../helpers/registry';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';
import { smallSetV1, smallSetV2 } from '../../fixtures/criteria/small-set-v2';

/** The criteria set's newer version and last year's suggestions from the command line, as the assessment page offers them. */
describe('cchc assessment set-status, switch-set and suggestions', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());
  const cli = async (...args: string[]) => {
    const c = captureIo();
    const code = await runCli(args, { io: c.io, env: { CCHC_DATA_DIR: temp.dir } });
    return { code, out: c.out.join('\n'), err: c.err.join('\n') };
  };
  const importSet = (core: ReturnType<typeof openCore>, set: CriteriaSet) =>
    ok(core.registry.invoke('criteria/import', { fileName: `${set.id}.json`, contentBase64: Buffer.from(JSON.stringify(set)).toString('base64') }));

  it('shows what a newer version changes and what would not carry, then switches in one step', async () => {
    const core = openCore({ dataDir: temp.dir });
    await ok(core.registry.invoke('profile/save', { profile: sampleProfile() }));
    await importSet(core, smallSetV1());
    await ok(core.registry.invoke('assessment/open', { year: 2026 }));
    await ok(core.registry.invoke('assessment/save-entry', { year: 2026, code: '1.2', answer: { kind: 'choice', optionId: 'dat' }, explanation: 'Báo cáo quý II trễ 2 ngày.' }));
    await ok(core.registry.invoke('assessment/save-entry', { year: 2026, code: '2.1', answer: { kind: 'ratio', numerator: 240, denominator: 250 } }));
    core.close();

    const current = await cli('assessment', 'set-status', '2026');
    expect(current.code).toBe(0);
    expect(current.out).toContain('phiên bản 1.');
    expect(current.out).toContain('Đang dùng phiên bản mới nhất đã có trong máy.');

    const again = openCore({ dataDir: temp.dir });
    await importSet(again, smallSetV2());
    again.close();
    const status = await cli('assessment', 'set-status', '2026');
    expect(status.out).toContain('Đã có phiên bản 2. Những gì thay đổi:');
    expect(status.out).toMatch(/2\.1\s+Đổi điểm tối đa: .*: 4,00 → 3,00 điểm/);
    expect(status.out).toMatch(/2\.2\s+Bỏ: /);
    expect(status.out).toMatch(/1\.2\s+.* — câu trả lời cũ: Đầy đủ nhưng có báo cáo trễ hạn\. Phiên bản mới không còn mức lựa chọn này/);
    expect(status.out).toContain('Chuyển: cchc assessment switch-set 2026 --to 2');

    expect((await cli('assessment', 'switch-set', '2026')).code).toBe(2);
    const switched = await cli('assessment', 'switch-set', '2026', '--to', '2');
    expect(switched.code).toBe(0);
    expect(switched.out).toContain('Đã chuyển từ phiên bản 1 sang phiên bản 2; giữ câu trả lời của 1 tiêu chí.');
    expect(switched.out).toMatch(/1\.2\s+/);
    const after = await cli('assessment', 'set-status', '2026');
    expect(after.out).toMatch(/Đã chuyển phiên bản 1 → 2, .*; 1 câu trả lời không chuyển\./);
    // Refused the second time, with main's words.
    const twice = await cli('assessment', 'switch-set', '2026', '--to', '2');
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/^Lỗi \(INVALID_INPUT\): /);
  });

  it('lists last year’s suggestions, which count only once used; dismisses one', async () => {
    const core = openCore({ dataDir: temp.dir });
    await ok(core.registry.invoke('profile/save', { profile: sampleProfile() }));
    await ok(core.registry.invoke('assessment/open', { year: 2026 }));
    await ok(core.registry.invoke('assessment/save-entry', { year: 2026, code: '1.1.3', answer: { kind: 'yes-no', value: true }, explanation: 'Kế hoạch 12/KH-SNV.' }));
    await ok(core.registry.invoke('assessment/save-entry', { year: 2026, code: '4.2.1', answer: { kind: 'yes-no', value: true } }));
    await ok(core.registry.invoke('profile/save', { profile: sampleProfile({ year: 2027 }) }));
    await ok(core.registry.invoke('assessment/carry-over', { fromYear: 2026, toYear: 2027, setId: 'mau-so-2026' }));
    core.close();

    const listed = await cli('assessment', 'suggestions', '2027');
    expect(listed.out).toContain('2 gợi ý từ năm trước chờ xác nhận (chưa tính điểm):');
    expect(listed.out).toMatch(/1\.1\.3\s+năm 2026: Có — Kế hoạch 12\/KH-SNV\./);
    expect((await cli('assessment', 'score', '2027')).out).toMatch(/Tổng điểm tự chấm \(tạm tính\)\s+0,00/);

    const used = await cli('assessment', 'suggestions', '2027', '--use', '1.1.3');
    expect(used.out).toMatch(/^Đã dùng gợi ý cho tiêu chí 1\.1\.3: 0,50 điểm; tổng tự chấm 0,50\.$/);
    expect((await cli('assessment', 'suggestions', '2027', '--dismiss', '4.2.1')).out).toBe('Đã bỏ qua gợi ý cho tiêu chí 4.2.1.');
    expect((await cli('assessment', 'suggestions', '2027')).out).toBe('Không còn gợi ý nào chờ xác nhận cho năm 2027.');
    expect((await cli('assessment', 'score', '2027')).out).toMatch(/Tổng điểm tự chấm \(tạm tính\)\s+0,50/);
  });
});
