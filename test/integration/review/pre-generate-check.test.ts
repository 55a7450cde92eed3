import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/shared/contract/review';
import { CHECK_RULES } from '../../../src/shared/review/check-rules';
import { sampleProfile } from '../../helpers/sample-profile';
import { item, openEvidenceCoreWithAssessment, upload, value, type EvidenceFixture } from '../evidence/helpers';

/** The same one list before a document is generated: the dossier's gaps plus what the document would print as placeholders. */
describe('the check before generating a document', () => {
  let fx: EvidenceFixture;
  const call = (channel: string, input: unknown = {}) => fx.core.registry.invoke(channel, input);
  const check = (key: string, action: 'generate' | 'submit' | 'export', kind: 'assessment' | 'report' = 'assessment') =>
    value<CheckResult>(call('review/check', { kind, key, action }));
  const itemFindings = (r: CheckResult, kind: string) => r.findings.filter((f) => f.kind === kind).map((f) => (f.target?.type === 'item' ? f.target.code : null));

  beforeEach(async () => {
    fx = await openEvidenceCoreWithAssessment();
    await value(call('assessment/save-entry', { year: 2026, code: '1.1.3', answer: { kind: 'yes-no', value: true } }));
    await value(call('assessment/save-entry', { year: 2026, code: '3.2.1', answer: { kind: 'ratio', numerator: 245, denominator: 250 } }));
  });
  afterEach(() => fx.cleanup());

  it('names each item the self-assessment report would print «chưa có thuyết minh» for, with a link to it', async () => {
    const r = await check('2026', 'generate');
    expect(r.action).toBe('generate');
    expect(r.blocking).toBe(0);
    // 3.2.1 is below full points, 1.1.3 has no evidence: both need a thuyết minh the document lacks.
    expect(itemFindings(r, 'explanation-placeholder')).toEqual(expect.arrayContaining(['1.1.3', '3.2.1']));
    expect(r.findings.find((f) => f.kind === 'explanation-placeholder' && f.target?.type === 'item' && f.target.code === '3.2.1')).toMatchObject({
      severity: 'warning',
      message: 'Tiêu chí 3.2.1 cần giải trình nhưng chưa có thuyết minh; văn bản sẽ in «chưa có thuyết minh».',
    });
    expect(r.findings).toContainEqual(expect.objectContaining({ kind: 'empty-section', target: null, message: expect.stringContaining('Khó khăn, vướng mắc và kiến nghị') }));
    expect(itemFindings(r, 'unanswered').length).toBeGreaterThan(0);

    // Explained and the difficulties written: those findings go.
    await value(call('assessment/save-entry', { year: 2026, code: '3.2.1', explanation: '5 hồ sơ trễ hạn do mất kết nối.' }));
    await value(call('assessment/note-save', { year: 2026, key: 'kho-khan-kien-nghi', text: 'Phần mềm một cửa chưa kết nối.' }));
    const after = await check('2026', 'generate');
    expect(itemFindings(after, 'explanation-placeholder')).not.toContain('3.2.1');
    expect(after.findings.some((f) => f.kind === 'empty-section')).toBe(false);
  });

  it('warns that an unconfirmed document prints as a bare file name, before generating only', async () => {
    await value(upload(fx.core, 'Kế hoạch.txt', Buffer.from('Kế hoạch CCHC'), [item('2026:1.1.3')]));
    const r = await check('2026', 'generate');
    expect(itemFindings(r, 'evidence-bare-name')).toEqual(['1.1.3']);
    // Evidence linked now: 1.1.3 no longer prints «chưa có thuyết minh».
    expect(itemFindings(r, 'explanation-placeholder')).not.toContain('1.1.3');
    // Placeholder checks are the document's: not part of the list before sending.
    const submit = await check('2026', 'submit');
    expect(submit.findings.some((f) => f.kind === 'evidence-bare-name' || f.kind === 'explanation-placeholder')).toBe(false);
  });

  it('checks a periodic report’s empty sections before its document is generated', async () => {
    // Not started: generating still works (an empty frame), and the check says so with a link.
    const unstarted = await check('2026:q1', 'generate', 'report');
    expect(unstarted.findings).toEqual([
      { kind: 'empty-section', severity: 'warning', message: 'Báo cáo kỳ này chưa được soạn: mọi mục của văn bản sẽ để trống.', target: { type: 'section', code: expect.any(String) } },
    ]);
    // Before sending, an unstarted report is still refused as unknown.
    expect(await call('review/check', { kind: 'report', key: '2026:q1', action: 'submit' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const first = (unstarted.findings[0]!.target as { code: string }).code;
    await value(call('reports/save-section', { year: 2026, period: 'q1', code: first, text: 'Đã ban hành kế hoạch.' }));
    const started = await check('2026:q1', 'generate', 'report');
    const empty = started.findings.filter((f) => f.kind === 'empty-section');
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.every((f) => f.target?.type === 'section' && f.target.code !== first)).toBe(true);
    expect(empty[0]!.message).toMatch(/^Mục .+ chưa có nội dung\.$/);
  });

  it('says a year not yet started has nothing to put in the document, rather than refusing', async () => {
    await value(call('profile/save', { profile: sampleProfile({ year: 2027 }) }));
    const r = await check('2027', 'generate');
    expect(r.findings).toEqual([{ kind: 'unanswered', severity: 'warning', message: 'Chưa bắt đầu tự đánh giá năm 2027: chưa có câu trả lời nào để đưa vào văn bản.', target: null }]);
    expect(await call('review/check', { kind: 'assessment', key: '2027', action: 'submit' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps which findings block as data: a rule made blocking holds the check', async () => {
    const saved = CHECK_RULES['explanation-placeholder'];
    CHECK_RULES['explanation-placeholder'] = { generate: 'blocking' };
    try {
      const r = await check('2026', 'generate');
      expect(r.blocking).toBeGreaterThan(0);
      expect(r.findings[0]!.severity).toBe('blocking');
      // Main holds the document too, not only the page's button.
      const refused = await call('reports/generate', { kind: 'self-assessment-docx', year: 2026 });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Chưa tạo được văn bản') } });
    } finally {
      CHECK_RULES['explanation-placeholder'] = saved;
    }
    await value(call('reports/generate', { kind: 'self-assessment-docx', year: 2026 }));
  });
});
