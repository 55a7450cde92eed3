import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import type { AuditPage, AuditVerifyResult, ApprovedVersionView, ReviewStatus } from '../../../src/shared/contract/review';
import type { ReportView } from '../../../src/shared/contract/reports';
import { ok } from '../../helpers/registry';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

type R = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** A periodic report goes through the same chain as the assessment: send, approve, freeze, new draft. */
describe('review of a periodic report (2026:q1)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let clock = new Date('2026-03-10T03:00:00Z');
  const S = { kind: 'report', key: '2026:q1' } as const;
  const call = (channel: string, input: unknown = {}) => core.registry.invoke(channel, input) as Promise<R>;
  const saveSection = (text: string) => call('reports/save-section', { year: 2026, period: 'q1', code: 'chi-dao', text });

  beforeEach(async () => {
    temp = makeTempDir();
    core = openCore({ dataDir: temp.dir, now: () => clock });
    await ok(call('profile/save', { profile: sampleProfile() }));
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('refuses review before anything is written, and a malformed key, in Vietnamese', async () => {
    const early = await call('review/submit', S);
    expect(early.ok).toBe(false);
    const bad = await call('review/status', { kind: 'report', key: '2026:q9' });
    expect(bad).toMatchObject({ ok: false });
    expect(bad.error!.message).toContain('2026:q1');
  });

  it('audits each section edit, locks edits while submitted, freezes text and documents at approval, then edits in a version 2 opened with a reason', async () => {
    await ok(saveSection('Ban hành Kế hoạch CCHC năm 2026.\n\n- Kiện toàn Tổ giúp việc.'));
    await ok(call('reports/save-statistics', { year: 2026, period: 'q1', values: [{ code: 'vb-chi-dao', value: 12 }] }));
    const audit = await ok<AuditPage>(call('audit/list', { limit: 50 }));
    expect(audit.entries.find((e) => e.action === 'report.section')).toMatchObject({ subject: 'report:2026:q1', target: 'chi-dao' });
    expect(audit.entries.find((e) => e.action === 'report.statistics')).toMatchObject({ subject: 'report:2026:q1' });

    await ok(call('reports/save-document-options', { year: 2026, period: 'q1', documentDate: '2026-03-09', recipients: ['Như trên', 'UBND tỉnh (b/c)'] }));
    await ok(call('review/submit', S));
    const refused = await saveSection('Sửa khi đang trình');
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(refused.error!.message).toContain('đang trình lãnh đạo duyệt');
    const kept = await ok<ReportView>(call('reports/get', { year: 2026, period: 'q1' }));
    expect(kept.sections.find((s) => s.code === 'chi-dao')!.text).toContain('Kiện toàn Tổ giúp việc');

    const approved = await ok<ReviewStatus>(call('review/approve', { ...S, comment: 'Đồng ý gửi Sở Nội vụ.' }));
    expect(approved.current.status).toBe('approved');
    expect(approved.current.documents.map((d) => d.fileName.split('.').pop())).toEqual(['docx', 'xlsx']);
    const v1 = await ok<ApprovedVersionView>(call('review/version', { ...S, versionNo: 1 }));
    // The snapshot names the date and Nơi nhận the approved .docx carries.
    expect(JSON.parse(v1.snapshotJson).content.document).toEqual({ date: '2026-03-09', recipients: ['Như trên', 'UBND tỉnh (b/c)'] });

    clock = new Date('2026-03-11T03:00:00Z');
    expect(await saveSection('Nội dung sửa sau khi duyệt.')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(call('review/open-version', { ...S, reason: 'Bổ sung số liệu tháng 3.' }));
    await ok(saveSection('Nội dung sửa sau khi duyệt.'));
    const after = await ok<ReviewStatus>(call('review/status', S));
    expect(after.current).toMatchObject({ versionNo: 2, status: 'draft' });
    const again = await ok<ApprovedVersionView>(call('review/version', { ...S, versionNo: 1 }));
    expect(again.snapshotJson).toBe(v1.snapshotJson);
    expect(again.snapshotJson).toContain('Kiện toàn Tổ giúp việc');
    expect(again.snapshotJson).not.toContain('Nội dung sửa sau khi duyệt');
    expect((await ok<AuditVerifyResult>(call('audit/verify'))).ok).toBe(true);
  });

  it('does not log an autosave that changes nothing', async () => {
    await ok(saveSection('Một đoạn.'));
    const count = () => (core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.section'").get() as { n: number }).n;
    const before = count();
    await ok(saveSection('Một đoạn.'));
    expect(count()).toBe(before);
  });
});
