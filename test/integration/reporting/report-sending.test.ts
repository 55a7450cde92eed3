import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import type { ReportPeriodInfo, ReportSendingRecord } from '../../../src/shared/contract/reports';
import type { AuditPage } from '../../../src/shared/contract/review';
import { ok } from '../../helpers/registry';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

describe('sending a periodic report', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(async () => {
    temp = makeTempDir();
    // 10/07/2026: Quý I and 6 tháng are past their deadlines, Quý III is not.
    core = openCore({ dataDir: temp.dir, now: () => new Date('2026-07-10T03:00:00Z') });
    await ok(core.registry.invoke('profile/save', { profile: sampleProfile() }));
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });
  const periods = () => ok<ReportPeriodInfo[]>(core.registry.invoke('reports/periods', { year: 2026 }));
  const period = async (code: string) => (await periods()).find((p) => p.code === code)!;

  it('records the number, date and channel; on time up to the deadline day, late after it', async () => {
    const q1 = await period('q1');
    const onTime = await ok<ReportPeriodInfo>(core.registry.invoke('reports/mark-sent', { year: 2026, period: 'q1', number: '45/BC-SNV', sentDate: q1.deadline, channel: 'truc-lien-thong' }));
    expect(onTime.sent).toMatchObject({ number: '45/BC-SNV', sentDate: q1.deadline, onTime: true, daysLate: 0 });
    const h1 = await period('h1');
    const dayAfter = new Date(Date.parse(`${h1.deadline}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const late = await ok<ReportPeriodInfo>(core.registry.invoke('reports/mark-sent', { year: 2026, period: 'h1', number: '90/BC-SNV', sentDate: dayAfter, channel: 'phan-mem-bnv' }));
    expect(late.sent).toMatchObject({ onTime: false, daysLate: 1 });
    expect((await period('q3')).sent).toBeNull();
  });

  it('refuses a date in the future or before the data window, and a missing number', async () => {
    const future = await core.registry.invoke('reports/mark-sent', { year: 2026, period: 'q1', number: '1/BC-SNV', sentDate: '2026-07-11', channel: 'email' });
    expect(JSON.stringify(future)).toContain('còn ở tương lai');
    const early = await core.registry.invoke('reports/mark-sent', { year: 2026, period: 'q3', number: '1/BC-SNV', sentDate: '2026-06-01', channel: 'email' });
    expect(JSON.stringify(early)).toContain('trước cả ngày đầu kỳ số liệu');
    const noNumber = await core.registry.invoke('reports/mark-sent', { year: 2026, period: 'q1', number: ' ', sentDate: '2026-03-10', channel: 'email' });
    expect(noNumber.ok).toBe(false);
  });

  it('keeps the year\'s on-time record: due = sent or past deadline; optional periods only when written', async () => {
    const q1 = await period('q1');
    await ok(core.registry.invoke('reports/mark-sent', { year: 2026, period: 'q1', number: '45/BC-SNV', sentDate: q1.deadline, channel: 'truc-lien-thong' }));
    const record = await ok<ReportSendingRecord>(core.registry.invoke('reports/sending-record', { year: 2026 }));
    // Quý I sent on time; 6 tháng past its deadline and not sent; 9 tháng optional and unwritten.
    expect(record).toMatchObject({ due: 2, onTime: 1, rate: 50 });
    expect(record.periods.find((p) => p.code === '9m')?.required).toBe(false);
  });

  it('is audited, and a mistaken record can be removed', async () => {
    await ok(core.registry.invoke('reports/mark-sent', { year: 2026, period: 'q1', number: '45/BC-SNV', sentDate: '2026-03-12', channel: 'email' }));
    const cleared = await ok<ReportPeriodInfo>(core.registry.invoke('reports/unmark-sent', { year: 2026, period: 'q1' }));
    expect(cleared.sent).toBeNull();
    const audit = await ok<AuditPage>(core.registry.invoke('audit/list', {}));
    expect(audit.entries.filter((e) => e.subject === 'report:2026:q1').map((e) => e.action)).toEqual(expect.arrayContaining(['report.sent', 'report.unsent']));
  });
});
