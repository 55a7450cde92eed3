import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInAs } from '../../helpers/session';
import { openCore, type Core } from '../../../src/main/core/app';
import { Session } from '../../../src/main/core/auth/session';
import type { Role } from '../../../src/shared/contract/define';
import type {
  ApprovedVersionView,
  AuditPage,
  AuditVerifyResult,
  DossierVersionInfo,
  ReviewComment,
  ReviewStatus,
  VersionVerifyResult,
  AssessmentSnapshotContent,
} from '../../../src/shared/contract/review';
import type { ExportedFile } from '../../../src/shared/contract/criteria';
import { makeTextPdf } from '../../fixtures/evidence/make-pdf';
import { ok } from '../../helpers/registry';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

type R = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

describe('review and approval of the year’s assessment', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let clock = new Date('2026-11-22T03:00:00Z');
  const A = { kind: 'assessment', key: '2026' } as const;

  const call = (channel: string, input: unknown = {}, session?: Session) => core.registry.invoke(channel, input, session) as Promise<R>;
  const save = (input: Record<string, unknown>, session?: Session) => call('assessment/save-entry', { year: 2026, ...input }, session);
  const status = () => ok<ReviewStatus>(call('review/status', A));
  const auditCount = () => (core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const tick = () => {
    clock = new Date(clock.getTime() + 60_000);
  };

  const sessionFor = (username: string, roles: Role[]): Session =>
    signedInAs(core.db, { username, displayName: username === 'lanhdao' ? 'Trần Văn Mỹ' : 'Nguyễn Thị Ặnh', roles }, clock);

  beforeEach(async () => {
    temp = makeTempDir();
    clock = new Date('2026-11-22T03:00:00Z');
    core = openCore({ dataDir: temp.dir, now: () => clock });
    await ok(call('profile/save', { profile: sampleProfile() }));
    await ok(call('assessment/open', { year: 2026 }));
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('starts as an unwritten draft version 1 and refuses illegal moves with Vietnamese messages, changing nothing', async () => {
    const first = await status();
    expect(first.current).toMatchObject({ versionNo: 1, status: 'draft', persisted: false });
    expect(first.targets[0]).toEqual({ code: '*', title: 'Chung (toàn bộ hồ sơ)' });
    expect(first.targets.some((t) => t.code === '1.1.3')).toBe(true);

    const early = await call('review/approve', { ...A, comment: 'Đồng ý' });
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(early.error!.message).toContain('Hồ sơ chưa được trình');
    expect(await call('review/return', { ...A, comments: [{ target: '1.1.3', body: 'Bổ sung' }] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('review/status', { kind: 'assessment', key: '2025' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Chưa có bản tự đánh giá năm 2025.' } });
    expect(await call('review/status', { kind: 'assessment', key: 'năm nay' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('review/status', { kind: 'report', key: '2026:q1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(core.db.prepare('SELECT count(*) AS n FROM dossier_version').get()).toEqual({ n: 0 });
    expect(auditCount()).toBe(0);
  });

  it('runs the cycle: send, return with item comments, resolve, resend, approve — and locks edits while submitted', async () => {
    await ok(save({ code: '1.1.3', answer: { kind: 'yes-no', value: true } }));
    await ok(save({ code: '3.2.1', answer: { kind: 'ratio', numerator: 240, denominator: 250 }, explanation: 'Có 10 hồ sơ trễ hạn.' }));
    expect((await status()).current).toMatchObject({ versionNo: 1, status: 'draft', persisted: true });

    tick();
    const sent = await ok<ReviewStatus>(call('review/submit', { ...A, note: 'Kính trình' }));
    expect(sent.current.status).toBe('submitted');
    expect(await call('review/submit', A)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Phiên bản 1 đã được trình và đang chờ lãnh đạo duyệt.' } });

    // While the leader reviews, the content cannot change.
    const locked = await save({ code: '1.1.3', answer: { kind: 'yes-no', value: false } });
    expect(locked).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(locked.error!.message).toContain('đang trình lãnh đạo duyệt');
    const entry = core.db.prepare("SELECT answer_json FROM assessment_entry WHERE item_code = '1.1.3'").get() as { answer_json: string };
    expect(JSON.parse(entry.answer_json)).toEqual({ kind: 'yes-no', value: true });

    // A return needs at least one comment, on an item that exists, with text.
    const before = auditCount();
    expect(await call('review/return', { ...A, comments: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('review/return', { ...A, comments: [{ target: '9.9', body: 'x' }] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Hồ sơ không có mục «9.9» để ghi ý kiến.' },
    });
    expect(await call('review/return', { ...A, comments: [{ target: '3.2.1', body: '   ' }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await status()).current.status).toBe('submitted');
    expect(auditCount()).toBe(before);

    tick();
    const returned = await ok<ReviewStatus>(call('review/return', { ...A, comments: [{ target: '3.2.1', body: 'Thuyết minh rõ lý do trễ hạn, kèm danh sách hồ sơ.' }] }));
    expect(returned.current.status).toBe('returned');
    const open = await ok<ReviewComment[]>(call('review/comments', { ...A, unresolvedOnly: true }));
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ target: '3.2.1', body: 'Thuyết minh rõ lý do trễ hạn, kèm danh sách hồ sơ.', resolved: null, versionNo: 1 });
    expect(open[0]!.targetTitle.length).toBeGreaterThan(3);

    const early = await call('review/submit', A);
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(early.error!.message).toContain('Còn 1 ý kiến của lãnh đạo chưa xử lý (mục 3.2.1)');

    // The officer fixes the item (allowed while returned) and marks the comment resolved.
    await ok(save({ code: '3.2.1', explanation: 'Có 10 hồ sơ trễ hạn do hệ thống một cửa gián đoạn 3 ngày (danh sách kèm theo).' }));
    const resolved = await ok<ReviewComment>(call('review/resolve-comment', { id: open[0]!.id, note: 'Đã bổ sung thuyết minh.' }));
    expect(resolved.resolved).not.toBeNull();
    expect(await call('review/resolve-comment', { id: open[0]!.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await ok<ReviewComment[]>(call('review/comments', { ...A, unresolvedOnly: true }))).toEqual([]);

    tick();
    await ok(call('review/submit', A));
    tick();
    const approved = await ok<ReviewStatus>(call('review/approve', { ...A, comment: 'Đồng ý trình UBND tỉnh.' }));
    expect(approved.current).toMatchObject({ versionNo: 1, status: 'approved', decisionComment: 'Đồng ý trình UBND tỉnh.' });
    expect(approved.current.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    // The annual dossier from the reporting domain: the Decree-30 report and the self-score table.
    expect(approved.current.documents.map((d) => d.fileName.split('.').pop())).toEqual(['docx', 'xlsx']);
    expect(approved.current.decided?.name).toBe('hệ thống');

    const actions = (await ok<AuditPage>(call('audit/list', { limit: 100 }))).entries.map((e) => e.action).reverse();
    expect(actions).toEqual([
      'review.version-open',
      'assessment.entry',
      'assessment.entry',
      'review.submit',
      'review.return',
      'assessment.entry',
      'review.resolve-comment',
      'review.submit',
      'review.approve',
    ]);
    expect((await ok<AuditVerifyResult>(call('audit/verify'))).ok).toBe(true);
  });

  async function approveVersion1(): Promise<ApprovedVersionView> {
    await ok(save({ code: '1.1.3', answer: { kind: 'yes-no', value: true }, explanation: 'Có kế hoạch CCHC năm.' }));
    await ok(call('review/submit', A));
    await ok(call('review/approve', { ...A, comment: 'Đồng ý.' }));
    return ok<ApprovedVersionView>(call('review/version', { ...A, versionNo: 1 }));
  }

  it('keeps the approved snapshot unchanged (same JSON, same hash) after later edits in a version 2 opened on purpose', async () => {
    const v1 = await approveVersion1();
    const row = () => core.db.prepare('SELECT snapshot_json, snapshot_sha256 FROM dossier_version WHERE version_no = 1').get() as { snapshot_json: string; snapshot_sha256: string };
    const frozen = row();
    const content = v1.snapshot.content as AssessmentSnapshotContent;
    expect(content.items.find((i) => i.code === '1.1.3')).toMatchObject({ answer: { kind: 'yes-no', value: true }, points: 0.5, explanation: 'Có kế hoạch CCHC năm.' });
    expect(v1.snapshot).toMatchObject({ format: 'cchc-dossier-snapshot/1', versionNo: 1, comment: 'Đồng ý.', subject: { kind: 'assessment', key: '2026' } });
    expect(v1.snapshot.auditHead?.seq).toBeGreaterThan(0);
    expect(v1.snapshot.documents.map((d) => d.fileName.split('.').pop())).toEqual(['docx', 'xlsx']);
    // The JSON handed out is byte for byte what the hash covers, so anyone can check it.
    expect(createHash('sha256').update(v1.snapshotJson, 'utf8').digest('hex')).toBe(v1.info.snapshotSha256);

    tick();
    // Approved is a state: an edit is refused until the officer opens version 2, with a reason.
    const refused = await save({ code: '1.1.3', answer: { kind: 'yes-no', value: false } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(refused.error!.message).toContain('đã được duyệt nên chỉ xem');
    expect(refused.error!.message).toContain('Mở phiên bản mới để sửa');
    expect((await status()).current).toMatchObject({ versionNo: 1, status: 'approved' });
    expect(await call('review/open-version', { ...A, reason: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const opened = await ok<ReviewStatus>(call('review/open-version', { ...A, reason: 'Sở Nội vụ đề nghị bổ sung tài liệu tiêu chí 1.1.3.' }));
    expect(opened.current).toMatchObject({ versionNo: 2, status: 'draft' });
    const log = await ok<AuditPage>(call('audit/list', { filter: { action: 'review.version-open' } }));
    expect(log.entries[0]).toMatchObject({ new: { versionNo: 2, reason: 'Sở Nội vụ đề nghị bổ sung tài liệu tiêu chí 1.1.3.' } });
    expect(await call('review/open-version', { ...A, reason: 'Lần nữa' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const edited = await ok<{ entry: { answer: unknown } }>(save({ code: '1.1.3', answer: { kind: 'yes-no', value: false } }));
    expect(edited.entry.answer).toEqual({ kind: 'yes-no', value: false });
    const after = await status();
    expect(after.current).toMatchObject({ versionNo: 2, status: 'draft', persisted: true });
    expect(after.versions.map((v) => [v.versionNo, v.status])).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);

    expect(row()).toEqual(frozen);
    const again = await ok<ApprovedVersionView>(call('review/version', { ...A, versionNo: 1 }));
    expect(again.snapshot).toEqual(v1.snapshot);
    expect(await ok<VersionVerifyResult>(call('review/verify-version', { ...A, versionNo: 1 }))).toMatchObject({ ok: true, actualSha256: frozen.snapshot_sha256 });
    const doc = await ok<ExportedFile>(call('review/document', { ...A, versionNo: 1, position: 0 }));
    // The frozen .docx handed out is exactly the one the approved snapshot names by hash.
    expect(createHash('sha256').update(Buffer.from(doc.contentBase64, 'base64')).digest('hex')).toBe(v1.snapshot.documents[0]!.sha256);
    expect(await call('review/version', { ...A, versionNo: 2 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // A second edit stays in version 2.
    await ok(save({ code: '1.1.3', explanation: 'Sửa lại.' }));
    expect((await status()).versions).toHaveLength(2);
  });

  it('verify-version catches a snapshot changed outside the app', async () => {
    await approveVersion1();
    core.db.exec('DROP TRIGGER dossier_version_approved_frozen');
    const row = core.db.prepare('SELECT snapshot_json FROM dossier_version WHERE version_no = 1').get() as { snapshot_json: string };
    core.db.prepare('UPDATE dossier_version SET snapshot_json = ? WHERE version_no = 1').run(row.snapshot_json.replace('"points":0.5', '"points":1'));
    const result = await ok<VersionVerifyResult>(call('review/verify-version', { ...A, versionNo: 1 }));
    expect(result.ok).toBe(false);
    expect(result.message).toContain('đã bị thay đổi sau khi duyệt');
  });

  it('verify-version catches a frozen document changed outside the app', async () => {
    await approveVersion1();
    core.db.exec("DROP TRIGGER approved_document_no_update; UPDATE approved_document SET data = CAST('sửa lén' AS BLOB);");
    const result = await ok<VersionVerifyResult>(call('review/verify-version', { ...A, versionNo: 1 }));
    expect(result.ok).toBe(false);
    expect(result.documents.map((d) => d.ok)).toEqual([false, false]);
    expect(result.message).toBe(`Văn bản đã bị thay đổi sau khi duyệt: ${result.documents.map((d) => d.fileName).join(', ')}.`);
  });

  it('attaches a signed PDF to an approved version only, without touching the snapshot', async () => {
    const pdf = makeTextPdf(['Bao cao tu danh gia - ban da ky']).toString('base64');
    expect(await call('review/attach-signed', { ...A, versionNo: 1, fileName: 'ky.pdf', contentBase64: pdf })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const v1 = await approveVersion1();
    const notPdf = await call('review/attach-signed', { ...A, versionNo: 1, fileName: 'ky.docx', contentBase64: Buffer.from('PK\u0003\u0004').toString('base64') });
    expect(notPdf).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(notPdf.error!.message).toContain('không phải PDF hoặc ảnh quét');
    const info = await ok<DossierVersionInfo>(call('review/attach-signed', { ...A, versionNo: 1, fileName: 'Tờ trình đã ký.pdf', contentBase64: pdf }));
    expect(info.signedCopy).toMatchObject({ name: 'Tờ trình đã ký.pdf', size: Buffer.from(pdf, 'base64').length });
    expect(info.snapshotSha256).toBe(v1.info.snapshotSha256);
    expect((await ok<VersionVerifyResult>(call('review/verify-version', { ...A, versionNo: 1 }))).ok).toBe(true);
  });

  it('enforces roles in main: an officer cannot approve, a leader cannot send; nothing changes', async () => {
    const officer = sessionFor('canbo', ['officer']);
    const leader = sessionFor('lanhdao', ['leader']);
    await ok(save({ code: '1.1.3', answer: { kind: 'yes-no', value: true } }, officer));
    expect(await call('review/submit', A, leader)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('assessment/save-entry', { year: 2026, code: '1.1.3', explanation: 'x' }, leader)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok(call('review/submit', A, officer));

    const audits = auditCount();
    const refused = await call('review/approve', { ...A, comment: 'Tự duyệt' }, officer);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(refused.error!.message).toContain('lãnh đạo');
    expect(await call('review/return', { ...A, comments: [{ target: '1.1.3', body: 'x' }] }, officer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await status()).current.status).toBe('submitted');
    expect(auditCount()).toBe(audits);
    expect(await call('audit/export', { format: 'csv' }, officer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const approved = await ok<ReviewStatus>(call('review/approve', { ...A, comment: 'Đồng ý' }, leader));
    expect(approved.current.decided).toMatchObject({ name: 'Trần Văn Mỹ (lanhdao)' });
    const last = (await ok<AuditPage>(call('audit/list', { limit: 1 }))).entries[0]!;
    expect(last).toMatchObject({ action: 'review.approve', actorName: 'Trần Văn Mỹ (lanhdao)', subject: 'assessment:2026' });
    expect(last.actorId).toBe(leader.user!.id);
  });

  it('records a carry-over into a new year in the audit log', async () => {
    await ok(save({ code: '1.1.3', answer: { kind: 'yes-no', value: true } }));
    await ok(call('profile/save', { profile: sampleProfile({ year: 2027 }) }));
    await ok(call('assessment/carry-over', { fromYear: 2026, toYear: 2027, setId: 'mau-so-2026' }));
    const page = await ok<AuditPage>(call('audit/list', { filter: { subject: 'assessment:2027' } }));
    expect(page.entries[0]).toMatchObject({ action: 'assessment.carry-over', new: { fromYear: 2026, carried: ['1.1.3'] } });
  });

  it('records who changed what on each item, with old and new values', async () => {
    await ok(save({ code: '3.2.1', answer: { kind: 'ratio', numerator: 240, denominator: 250 } }));
    tick();
    await ok(save({ code: '3.2.1', answer: { kind: 'ratio', numerator: 250, denominator: 250 } }));
    await ok(save({ code: '3.2.1', answer: { kind: 'ratio', numerator: 250, denominator: 250 } })); // no change, no entry
    const page = await ok<AuditPage>(call('audit/list', { filter: { action: 'assessment.entry' } }));
    expect(page.total).toBe(2);
    expect(page.entries[0]).toMatchObject({
      target: '3.2.1',
      old: { answer: { kind: 'ratio', numerator: 240, denominator: 250 }, status: 'dang-lam' },
      new: { answer: { kind: 'ratio', numerator: 250, denominator: 250 }, points: 3, status: 'dang-lam' },
    });
    expect((page.entries[0]!.old as { points: number }).points).toBeLessThan(3);
  });
});
