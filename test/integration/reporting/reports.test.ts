import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import type {
  PrefillResult,
  ReportPeriodInfo,
  ReportSection,
  ReportStatisticRow,
  ReportView,
  StartFromPreviousResult,
} from '../../../src/shared/contract/reports';
import { ok } from '../../helpers/registry';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

async function fails(promise: Promise<{ ok: boolean; error?: { code: string; message: string } }>): Promise<{ code: string; message: string }> {
  const result = await promise;
  if (result.ok || !result.error) throw new Error('expected a failure');
  return result.error;
}

describe('periodic report content through the registry', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let clock = new Date('2026-03-10T03:00:00Z');

  beforeEach(async () => {
    clock = new Date('2026-03-10T03:00:00Z');
    temp = makeTempDir();
    core = openCore({ dataDir: temp.dir, now: () => clock });
    await ok(core.registry.invoke('profile/save', { profile: sampleProfile() }));
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  const invoke = (channel: string, input: Record<string, unknown>) => core.registry.invoke(channel, input);
  const stats = (period: string, values: { code: string; value: number | null }[], year = 2026) =>
    invoke('reports/save-statistics', { year, period, values });

  it('lists the year’s periods with the regime’s cut-off windows, deadlines and days left', async () => {
    const periods = await ok<ReportPeriodInfo[]>(invoke('reports/periods', { year: 2026 }));
    expect(periods.map((p) => p.code)).toEqual(['q1', 'h1', 'q3', '9m', 'year']);
    const [q1, h1, q3, nine, year] = periods;
    expect([q1?.cutoffFrom, q1?.cutoffTo, q1?.deadline, q1?.daysLeft]).toEqual(['2025-12-15', '2026-03-14', '2026-03-20', 10]);
    expect([h1?.cutoffFrom, h1?.cutoffTo]).toEqual(['2025-12-15', '2026-06-14']);
    // Quý III is not cumulative: 15/6 → 14/9.
    expect([q3?.cutoffFrom, q3?.cutoffTo]).toEqual(['2026-06-15', '2026-09-14']);
    expect(nine?.optional).toBe(true);
    expect([year?.cutoffFrom, year?.cutoffTo, year?.deadline, year?.title]).toEqual(['2025-12-15', '2026-12-14', '2026-12-20', 'năm 2026']);
    expect(q1?.status).toBeNull();

    clock = new Date('2026-03-21T01:00:00Z');
    const late = await ok<ReportPeriodInfo[]>(invoke('reports/periods', { year: 2026 }));
    expect(late[0]?.daysLeft).toBe(-1);
  });

  it('uses a province’s own period file from the data folder, and names what is wrong in a bad one', async () => {
    mkdirSync(join(temp.dir, 'reporting'), { recursive: true });
    const file = join(temp.dir, 'reporting', 'periods.json');
    const own = {
      formatVersion: 1,
      name: 'Tỉnh thử',
      periods: [{ code: 'q1', name: 'Quý I', title: 'quý I năm {year}', cutoff: { from: { yearOffset: -1, month: 12, day: 15 }, to: { month: 3, day: 14 } }, deadline: { month: 3, day: 12 } }],
    };
    writeFileSync(file, JSON.stringify(own));
    const periods = await ok<ReportPeriodInfo[]>(invoke('reports/periods', { year: 2026 }));
    expect(periods.map((p) => [p.code, p.deadline, p.daysLeft])).toEqual([['q1', '2026-03-12', 2]]);

    writeFileSync(file, JSON.stringify({ ...own, periods: [{ ...own.periods[0], deadline: { month: 2, day: 30 } }] }));
    const error = await fails(invoke('reports/periods', { year: 2026 }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/Tệp kỳ báo cáo .*không hợp lệ/);
    expect(error.message).toContain('deadline');
  });

  it('lists the outline before anything is saved and autosaves a section in NFC', async () => {
    const empty = await ok<ReportView>(invoke('reports/get', { year: 2026, period: 'q1' }));
    expect(empty.started).toBe(false);
    // Section I has the outline's six sub-items: Kế hoạch, tổ chức, kiểm tra, tuyên truyền, khảo sát & sáng kiến, khắc phục.
    expect(empty.sections.map((s) => s.label)).toEqual(['I.1', 'I.2', 'I.3', 'I.4', 'I.5', 'I.6', 'II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'III.1', 'III.2', 'IV', 'V']);
    expect(empty.sections[0]?.title).toBe('Kế hoạch cải cách hành chính');
    expect(empty.sections[5]?.title).toBe('Khắc phục hạn chế từ kết quả Chỉ số CCHC năm trước');
    expect(empty.sections[6]?.parentTitle).toBe('Kết quả thực hiện các nhiệm vụ cải cách hành chính');
    expect(empty.sections[0]?.evidenceKey).toBe('report:2026:q1:chi-dao');

    const nfd = 'Đã ban hành Kế hoạch; ông Nguyễn Văn Ặ, bà Lê Thị Mỹ.'.normalize('NFD');
    const saved = await ok<ReportSection>(invoke('reports/save-section', { year: 2026, period: 'q1', code: 'chi-dao', text: nfd }));
    expect(saved.text).toBe(nfd.normalize('NFC'));
    expect(saved.draft).toBe(false);
    expect(saved.updatedAt).toBe(clock.toISOString());
    const view = await ok<ReportView>(invoke('reports/get', { year: 2026, period: 'q1' }));
    expect(view.started).toBe(true);
    expect(view.period.status).toBe('draft');

    const unknown = await fails(invoke('reports/save-section', { year: 2026, period: 'q1', code: 'khong-co', text: 'x' }));
    expect(unknown.message).toContain('khong-co');
  });

  it('computes sums and percentages and refuses bad numbers with the row named, saving nothing', async () => {
    const rows = await ok<ReportStatisticRow[]>(
      stats('q1', [
        { code: 'hs-tiep-nhan', value: 1200 },
        { code: 'hs-dung-han', value: 900 },
        { code: 'hs-qua-han', value: 100 },
      ]),
    );
    const get = (code: string) => rows.find((r) => r.code === code)!;
    expect(get('hs-giai-quyet')).toMatchObject({ value: 1000, computed: true });
    expect(get('tl-dung-han').value).toBeCloseTo(90, 10);
    expect(get('tl-dung-han').formulaText).toMatch(/^= \(\d+\) ÷ \(\d+\) × 100%$/);
    expect(get('tl-so-hoa').message).toBeNull();

    const over = await fails(stats('q1', [{ code: 'hs-truc-tuyen', value: 1500 }]));
    expect(over.code).toBe('VALIDATION_FAILED');
    expect(over.message).toContain('Tỷ lệ hồ sơ trực tuyến toàn trình');
    expect(over.message).toContain('lớn hơn mẫu số');
    const negative = await fails(stats('q1', [{ code: 'pakn-tiep-nhan', value: -3 }, { code: 'vb-di', value: 10 }]));
    expect(negative.message).toContain('Số phản ánh, kiến nghị đã tiếp nhận');
    expect(negative.message).toContain('không được âm');
    const computed = await fails(stats('q1', [{ code: 'hs-giai-quyet', value: 5 }]));
    expect(computed.message).toContain('tính tự động');
    const fraction = await fails(stats('q1', [{ code: 'vb-di', value: 2.5 }]));
    expect(fraction.message).toContain('số nguyên');

    const after = await ok<ReportView>(invoke('reports/get', { year: 2026, period: 'q1' }));
    expect(after.statistics.find((r) => r.code === 'vb-di')?.value).toBeNull();
    expect(after.statistics.find((r) => r.code === 'hs-truc-tuyen')?.value).toBeNull();

    // Clearing a value works, and a ratio without its denominator says so.
    await ok(stats('q1', [{ code: 'hs-thanh-toan-tt', value: 5 }]));
    const cleared = await ok<ReportStatisticRow[]>(stats('q1', [{ code: 'hs-tiep-nhan', value: null }]));
    expect(cleared.find((r) => r.code === 'hs-tiep-nhan')?.value).toBeNull();
    expect(cleared.find((r) => r.code === 'tl-thanh-toan-tt')?.message).toMatch(/chưa có số liệu/);
  });

  it('starts a period from the previous one: text as draft, numbers cleared or carried', async () => {
    await ok(invoke('reports/save-section', { year: 2026, period: 'q1', code: 'the-che', text: 'Ban hành 05 văn bản QPPL.\n- Rà soát 12 văn bản' }));
    await ok(stats('q1', [{ code: 'vb-di', value: 300 }, { code: 'vb-di-ky-so', value: 280 }]));

    const cleared = await ok<StartFromPreviousResult>(invoke('reports/start-from-previous', { year: 2026, period: 'h1', numbers: 'clear' }));
    expect(cleared.from).toEqual({ year: 2026, period: 'q1', title: 'quý I năm 2026' });
    expect(cleared.sectionsCarried).toBe(1);
    expect(cleared.statisticsCarried).toBe(0);
    const section = cleared.view.sections.find((s) => s.code === 'the-che');
    expect(section).toMatchObject({ text: 'Ban hành 05 văn bản QPPL.\n- Rà soát 12 văn bản', draft: true });
    expect(cleared.view.statistics.every((r) => r.value === null)).toBe(true);

    // A period with content is never overwritten.
    const again = await fails(invoke('reports/start-from-previous', { year: 2026, period: 'h1', numbers: 'carry' }));
    expect(again.code).toBe('CONFLICT');

    // Editing the carried text makes it the officer's own.
    const edited = await ok<ReportSection>(invoke('reports/save-section', { year: 2026, period: 'h1', code: 'the-che', text: 'Mới' }));
    expect(edited.draft).toBe(false);

    const carried = await ok<StartFromPreviousResult>(invoke('reports/start-from-previous', { year: 2026, period: 'q3', numbers: 'carry' }));
    expect(carried.from.period).toBe('h1');
    expect(carried.statisticsCarried).toBe(0);
    const fromQ1 = await ok<StartFromPreviousResult>(invoke('reports/start-from-previous', { year: 2027, period: 'q1', numbers: 'carry' }));
    // 2027 q1 reaches back to the latest report of 2026 (q3 here, which has text but no numbers).
    expect(fromQ1.from).toEqual({ year: 2026, period: 'q3', title: 'quý III năm 2026' });

    const none = await fails(invoke('reports/start-from-previous', { year: 2030, period: 'q1', numbers: 'clear' }));
    expect(none.code).toBe('NOT_FOUND');
  });

  it('carries the numbers when asked', async () => {
    await ok(stats('q1', [{ code: 'vb-di', value: 300 }, { code: 'vb-di-ky-so', value: 280 }]));
    const carried = await ok<StartFromPreviousResult>(invoke('reports/start-from-previous', { year: 2026, period: 'h1', numbers: 'carry' }));
    expect(carried.statisticsCarried).toBe(2);
    expect(carried.view.statistics.find((r) => r.code === 'tl-vb-dien-tu')?.value).toBeCloseTo((280 / 300) * 100, 10);
  });

  it('pre-fills empty sections from the plan and the period\'s figures, never from annual scores, and leaves written ones alone', async () => {
    await ok(invoke('assessment/open', { year: 2026 }));
    await ok(invoke('assessment/save-entry', { year: 2026, code: '2.1.2', answer: { kind: 'yes-no', value: true }, explanation: 'Đã ban hành kế hoạch rà soát văn bản.' }));
    await ok(invoke('plan/save', { year: 2026, number: '15/KH-SNV', date: '2026-01-12', title: 'Kế hoạch cải cách hành chính năm 2026', documentFileId: null }));
    await ok(invoke('plan/save-task', { year: 2026, task: { code: '1', title: 'Ban hành kế hoạch tuyên truyền', lead: 'Văn phòng', due: '2026-02-10', status: 'xong', doneDate: '2026-02-01' } }));
    await ok(invoke('plan/save-task', { year: 2026, task: { code: '2', title: 'Rà soát TTHC', due: '2026-03-01' } }));
    await ok(invoke('plan/save-task', { year: 2026, task: { code: '3', title: 'Số hóa hồ sơ', due: '2026-06-30' } }));
    await ok(invoke('plan/add-remediation', { year: 2026, items: [{ criterionCode: '5.3', title: 'Tỷ lệ hồ sơ trực tuyến', due: null }] }));
    await ok(stats('q1', [{ code: 'tthc-tong', value: 120 }, { code: 'dvc-toan-trinh', value: 60 }]));
    await ok(invoke('reports/save-section', { year: 2026, period: 'q1', code: 'the-che', text: 'Của cán bộ, giữ nguyên.' }));

    const result = await ok<PrefillResult>(invoke('reports/prefill-from-assessment', { year: 2026, period: 'q1' }));
    expect(result.filledSections).toEqual(expect.arrayContaining(['chi-dao', 'khac-phuc', 'tthc']));
    expect(result.filledSections).not.toContain('the-che');
    const text = (code: string) => result.view.sections.find((s) => s.code === code)!.text;
    expect(text('chi-dao')).toContain('Ban hành Kế hoạch số 15/KH-SNV ngày 12/01/2026 về cải cách hành chính năm 2026, gồm 4 nhiệm vụ.');
    expect(text('chi-dao')).toContain('có 2 nhiệm vụ đến hạn; đã hoàn thành 1/2 nhiệm vụ (50%)');
    expect(text('chi-dao')).toContain('- Ban hành kế hoạch tuyên truyền (Văn phòng): đã xong ngày 01/02/2026, hạn 10/02/2026;');
    expect(text('khac-phuc')).toContain('Khắc phục hạn chế tiêu chí 5.3');
    expect(text('tthc')).toContain('- Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình: 50,00%');
    expect(text('the-che')).toBe('Của cán bộ, giữ nguyên.');
    // No annual points in a quarterly report.
    for (const s of result.view.sections) expect(s.text).not.toMatch(/điểm/);
    expect(result.view.sections.find((s) => s.code === 'chi-dao')!.draft).toBe(true);
  });
});

describe('report roles (enforced in main)', () => {
  it('lets a leader read and generate but not write; the officer writes', async () => {
    const { Session } = await import('../../../src/main/core/auth/session');
    const temp = makeTempDir();
    const core = openCore({ dataDir: temp.dir, now: () => new Date('2026-03-10T03:00:00Z'), log: () => {} });
    try {
      await ok(core.registry.invoke('profile/save', { profile: sampleProfile() }));
      await ok(core.registry.invoke('auth/create-first-admin', { username: 'admin', displayName: 'Quản trị', password: 'mat-khau-dai-123', roles: ['admin', 'officer'] }));
      await ok(core.registry.invoke('accounts/create', { username: 'lanhdao', displayName: 'Trần Thị Ặng Đữ', password: 'mat-khau-dai-456', roles: ['leader'] }));
      const leader = new Session();
      await ok(core.registry.invoke('auth/login', { username: 'lanhdao', password: 'mat-khau-dai-456' }, leader));
      const write = await core.registry.invoke('reports/save-section', { year: 2026, period: 'q1', code: 'chi-dao', text: 'x' }, leader);
      expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await core.registry.invoke('reports/get', { year: 2026, period: 'q1' }, leader)).toMatchObject({ ok: true });
      expect(await core.registry.invoke('reports/generate', { kind: 'periodic-docx', year: 2026, period: 'q1' }, leader)).toMatchObject({ ok: true });

      const officer = new Session();
      await ok(core.registry.invoke('auth/login', { username: 'admin', password: 'mat-khau-dai-123' }, officer));
      expect(await core.registry.invoke('reports/save-section', { year: 2026, period: 'q1', code: 'chi-dao', text: 'x' }, officer)).toMatchObject({ ok: true });
    } finally {
      core.close();
      temp.cleanup();
    }
  });
});
