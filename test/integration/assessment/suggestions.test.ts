import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import type { AssessmentView, CarryOverReport, SavedEntry } from '../../../src/shared/contract/assessment';
import type { AuditPage, CheckResult } from '../../../src/shared/contract/review';
import type { AnswerSuggestion } from '../../../src/shared/contract/suggestions';
import { countLinks, linkToItems, storeBufferAsEvidence } from '../../../src/main/core/evidence';
import { ok } from '../../helpers/registry';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

type R = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** «Bắt đầu từ năm trước»: last year's answers are suggestions that count only once confirmed. */
describe('last year’s answers as suggestions', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let clock = new Date('2026-11-22T03:00:00Z');
  const call = (channel: string, input: unknown = {}) => core.registry.invoke(channel, input) as Promise<R>;
  const view = () => ok<AssessmentView>(call('assessment/get', { year: 2027 }));
  const suggestions = () => ok<AnswerSuggestion[]>(call('assessment/suggestions', { year: 2027 }));

  beforeEach(async () => {
    temp = makeTempDir();
    clock = new Date('2026-11-22T03:00:00Z');
    core = openCore({ dataDir: temp.dir, now: () => clock });
    await ok(call('profile/save', { profile: sampleProfile() }));
    await ok(call('assessment/open', { year: 2026 }));
    const save = (input: Record<string, unknown>) => ok(call('assessment/save-entry', { year: 2026, ...input }));
    await save({ code: '1.1.3', answer: { kind: 'yes-no', value: true }, explanation: 'Kế hoạch 12/KH-SNV ngày 10/01/2026.' });
    await save({ code: '3.2.1', answer: { kind: 'ratio', numerator: 240, denominator: 250 }, explanation: '10 hồ sơ trễ hạn.' });
    await save({ code: '4.2.1', answer: { kind: 'yes-no', value: true } });
    const plan = await storeBufferAsEvidence(core.db, temp.dir, 'ke-hoach-2026.txt', Buffer.from('Kế hoạch CCHC năm 2026'));
    linkToItems(core.db, plan.fileId, ['2026:1.1.3'], clock);
    await ok(call('profile/save', { profile: sampleProfile({ year: 2027 }) }));
    clock = new Date('2027-01-05T03:00:00Z');
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('does not count or score a suggestion until it is confirmed with «Dùng gợi ý»', async () => {
    const report = await ok<CarryOverReport>(call('assessment/carry-over', { fromYear: 2026, toYear: 2027, setId: 'mau-so-2026' }));
    expect(report.carried.sort()).toEqual(['1.1.3', '3.2.1', '4.2.1']);
    // Last year's evidence is offered, never linked to the new year.
    expect(report).toMatchObject({ evidenceLinksCarried: 0, evidenceOffered: 1 });
    expect(countLinks(core.db, ['2027:1.1.3'])['2027:1.1.3']).toBe(0);

    const before = await view();
    for (const code of report.carried) expect(before.score.items[code]).toMatchObject({ answered: false, points: 0 });
    const totalBefore = before.score.total;
    expect(before.entries['1.1.3']).toMatchObject({ answer: null, explanation: '', status: 'chua-lam' });
    const offered = await suggestions();
    expect(offered.find((s) => s.code === '3.2.1')).toMatchObject({ fromYear: 2026, answer: { kind: 'ratio', numerator: 240, denominator: 250 }, explanation: '10 hồ sơ trễ hạn.', answerText: expect.stringContaining('240/250') });
    // The check before sending still calls the suggested items unanswered.
    const check = await ok<CheckResult>(call('review/check', { kind: 'assessment', key: '2027', action: 'submit' }));
    expect(check.findings.some((f) => f.kind === 'unanswered' && f.target?.type === 'item' && f.target.code === '3.2.1')).toBe(true);

    const used = await ok<SavedEntry>(call('assessment/use-suggestion', { year: 2027, code: '3.2.1' }));
    expect(used.entry).toMatchObject({ answer: { kind: 'ratio', numerator: 240, denominator: 250 }, explanation: '10 hồ sơ trễ hạn.', status: 'dang-lam' });
    expect(used.score.items['3.2.1']).toMatchObject({ answered: true });
    expect(used.score.total).toBeGreaterThan(totalBefore);
    expect((await suggestions()).map((s) => s.code)).not.toContain('3.2.1');
    // Confirmed like any edit: on the record as the officer's change.
    const audit = await ok<AuditPage>(call('audit/list', { filter: { subject: 'assessment:2027' } }));
    expect(audit.entries.some((e) => e.action === 'assessment.entry' && e.target === '3.2.1')).toBe(true);
    // Used once: a second «Dùng gợi ý» is refused.
    expect(await call('assessment/use-suggestion', { year: 2027, code: '3.2.1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps this year’s own thuyết minh over last year’s, and drops a suggestion with «Bỏ qua»', async () => {
    await ok(call('assessment/carry-over', { fromYear: 2026, toYear: 2027, setId: 'mau-so-2026' }));
    await ok(call('assessment/save-entry', { year: 2027, code: '1.1.3', explanation: 'Kế hoạch 2027 đang trình ký.' }));
    const used = await ok<SavedEntry>(call('assessment/use-suggestion', { year: 2027, code: '1.1.3' }));
    expect(used.entry).toMatchObject({ answer: { kind: 'yes-no', value: true }, explanation: 'Kế hoạch 2027 đang trình ký.' });

    const left = await ok<AnswerSuggestion[]>(call('assessment/dismiss-suggestion', { year: 2027, code: '4.2.1' }));
    expect(left.map((s) => s.code)).toEqual(['3.2.1']);
    expect((await view()).entries['4.2.1']).toMatchObject({ answer: null });
    const audit = await ok<AuditPage>(call('audit/list', { filter: { action: 'assessment.suggestion-dismiss' } }));
    expect(audit.entries[0]).toMatchObject({ target: '4.2.1', old: { fromYear: 2026 } });

    // An item answered directly shows no suggestion any more.
    await ok(call('assessment/save-entry', { year: 2027, code: '3.2.1', answer: { kind: 'ratio', numerator: 250, denominator: 250 } }));
    expect(await suggestions()).toEqual([]);
  });
});
