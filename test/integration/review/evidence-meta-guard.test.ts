import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../src/shared/contract/criteria';
import type { EvidenceAttachResult, EvidenceFileDetail, EvidenceMeta } from '../../../src/shared/contract/evidence';
import type { ApprovedVersionView, AuditPage, ReviewStatus, VersionVerifyResult } from '../../../src/shared/contract/review';
import { item, openEvidenceCoreWithAssessment, upload, value, type EvidenceFixture } from '../evidence/helpers';

/**
 * A file's document metadata is printed in the documents of every dossier that links it, so
 * changing it is an edit of those dossiers: guarded like any edit and audited.
 */
describe('evidence metadata as part of the dossiers that link the file', () => {
  let fx: EvidenceFixture;
  const A = { kind: 'assessment', key: '2026' } as const;
  const call = (channel: string, input: unknown = {}) => fx.core.registry.invoke(channel, input);
  const meta = (summary: string): EvidenceMeta => ({
    docType: 'Kế hoạch',
    docNumber: '47',
    docSymbol: 'KH-UBND',
    issueDate: '2026-01-05',
    issuer: 'UBND tỉnh',
    summary,
    period: '',
  });
  const metaEntries = async () => (await value<AuditPage>(call('audit/list', { limit: 100 }))).entries.filter((e) => e.action === 'evidence.meta');

  beforeEach(async () => {
    fx = await openEvidenceCoreWithAssessment();
  });
  afterEach(() => fx.cleanup());

  const attach = async () =>
    (await value<EvidenceAttachResult>(upload(fx.core, 'Kế hoạch 47-KH-UBND.txt', Buffer.from('Kế hoạch CCHC năm 2026'), [item('2026:1.1.3')]))).file;

  it('audits a change with the dossier, the file and the changed fields, old and new', async () => {
    const file = await attach();
    await value(call('evidence/update-meta', { fileId: file.id, meta: meta('Kế hoạch CCHC năm 2026') }));
    await value(call('evidence/update-meta', { fileId: file.id, meta: meta('Kế hoạch cải cách hành chính năm 2026') }));
    const entries = await metaEntries();
    expect(entries).toHaveLength(2);
    const last = entries.find((e) => JSON.stringify(e.new).includes('cải cách'))!;
    expect(last).toMatchObject({ subject: 'assessment:2026', target: 'Kế hoạch 47-KH-UBND.txt' });
    expect(last.old).toEqual({ sha256: file.sha256, summary: 'Kế hoạch CCHC năm 2026' });
    expect(last.new).toEqual({ summary: 'Kế hoạch cải cách hành chính năm 2026' });

    // Saving the same values again changes nothing, so nothing is recorded.
    await value(call('evidence/update-meta', { fileId: file.id, meta: meta('Kế hoạch cải cách hành chính năm 2026') }));
    expect(await metaEntries()).toHaveLength(2);
  });

  it('refuses a change while a dossier linking the file is with the leader, keeping the stored metadata', async () => {
    const file = await attach();
    await value(call('evidence/update-meta', { fileId: file.id, meta: meta('Trích yếu đã trình') }));
    await value(call('review/submit', A));
    const refused = await call('evidence/update-meta', { fileId: file.id, meta: meta('Sửa khi đang trình') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) expect(refused.error.message).toContain('đang trình lãnh đạo duyệt');
    const kept = await value<EvidenceFileDetail>(call('evidence/get', { fileId: file.id }));
    expect(kept.meta.summary).toBe('Trích yếu đã trình');
    expect(await metaEntries()).toHaveLength(1);
  });

  it('after approval opens the next draft; the approved version keeps what it froze', async () => {
    const file = await attach();
    await value(call('evidence/update-meta', { fileId: file.id, meta: meta('Trích yếu đã duyệt') }));
    await value(call('review/submit', A));
    await value(call('review/approve', A));
    const v1 = await value<ApprovedVersionView>(call('review/version', { ...A, versionNo: 1 }));
    const docs = await Promise.all(v1.info.documents.map((d) => value<ExportedFile>(call('review/document', { ...A, versionNo: 1, position: d.position }))));

    // An approved dossier is read-only until a new version is opened on purpose.
    const refused = await call('evidence/update-meta', { fileId: file.id, meta: meta('Sửa khi đã duyệt') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await value(call('review/open-version', { ...A, reason: 'Sửa trích yếu tài liệu' }));
    await value(call('evidence/update-meta', { fileId: file.id, meta: meta('Trích yếu sửa cho phiên bản sau') }));

    const status = await value<ReviewStatus>(call('review/status', A));
    expect(status.current).toMatchObject({ versionNo: 2, status: 'draft' });
    const v1After = await value<ApprovedVersionView>(call('review/version', { ...A, versionNo: 1 }));
    expect(v1After.snapshotJson).toBe(v1.snapshotJson);
    const docsAfter = await Promise.all(v1.info.documents.map((d) => value<ExportedFile>(call('review/document', { ...A, versionNo: 1, position: d.position }))));
    expect(docsAfter).toEqual(docs);
    expect((await value<VersionVerifyResult>(call('review/verify-version', { ...A, versionNo: 1 }))).ok).toBe(true);
    expect((await metaEntries()).at(0)).toMatchObject({ subject: 'assessment:2026' });
  });

  it('audits a change to a file no dossier links under the store', async () => {
    const loose = (await value<EvidenceAttachResult>(upload(fx.core, 'Công văn 5.txt', Buffer.from('công văn'), []))).file;
    await value(call('evidence/update-meta', { fileId: loose.id, meta: meta('Công văn rời') }));
    expect(await metaEntries()).toMatchObject([{ subject: 'evidence', target: 'Công văn 5.txt' }]);
  });
});
