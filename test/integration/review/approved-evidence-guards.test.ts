import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storedPathBySha } from '../../../src/main/core/evidence';
import type { EvidenceAttachResult, EvidenceList, EvidenceUnlinkResult } from '../../../src/shared/contract/evidence';
import type { ReviewStatus, VersionVerifyResult } from '../../../src/shared/contract/review';
import { makeTextPdf } from '../../fixtures/evidence/make-pdf';
import { item, openEvidenceCoreWithAssessment, upload, value, type EvidenceFixture } from '../evidence/helpers';

/**
 * Whatever an approved version names never changes: the evidence files its snapshot lists and its
 * signed copy stay in the store, so the version can still be exported and checked.
 */
describe('evidence named by an approved version', () => {
  let fx: EvidenceFixture;
  const A = { kind: 'assessment', key: '2026' } as const;
  const call = (channel: string, input: unknown = {}) => fx.core.registry.invoke(channel, input);

  beforeEach(async () => {
    fx = await openEvidenceCoreWithAssessment();
  });
  afterEach(() => fx.cleanup());

  async function approveWithFile(): Promise<EvidenceAttachResult> {
    const attached = await value<EvidenceAttachResult>(upload(fx.core, 'Kế hoạch 47-KH-UBND.txt', Buffer.from('Kế hoạch CCHC năm 2026'), [item('2026:1.1.3')]));
    await value(call('review/submit', A));
    await value<ReviewStatus>(call('review/approve', { ...A, comment: 'Đồng ý' }));
    return attached;
  }

  it('refuses to delete a file unlinked in the next draft, naming the approved version; v1 keeps its file', async () => {
    const { file } = await approveWithFile();
    // Editing after approval starts on purpose: version 2 opens as a draft. The file then loses its only link.
    await value(call('review/open-version', { ...A, reason: 'Bỏ tài liệu không còn phù hợp' }));
    await value<EvidenceUnlinkResult>(call('evidence/unlink', { fileId: file.id, target: item('2026:1.1.3') }));
    expect((await value<ReviewStatus>(call('review/status', A))).current).toMatchObject({ versionNo: 2, status: 'draft' });

    const refused = await call('evidence/delete', { fileId: file.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (refused.ok) return;
    expect(refused.error.message).toContain('Kế hoạch 47-KH-UBND.txt');
    expect(refused.error.message).toContain('phiên bản 1 đã duyệt của hồ sơ tự đánh giá năm 2026');

    const path = storedPathBySha(fx.core.db, fx.dir, file.sha256);
    expect(path && existsSync(path)).toBe(true);
    expect((await value<VersionVerifyResult>(call('review/verify-version', { ...A, versionNo: 1 }))).ok).toBe(true);
  });

  it('keeps the file when "remove if unused" is asked on the last link, and says why', async () => {
    const { file } = await approveWithFile();
    await value(call('review/open-version', { ...A, reason: 'Bỏ tài liệu không còn phù hợp' }));
    const result = await value<EvidenceUnlinkResult>(call('evidence/unlink', { fileId: file.id, target: item('2026:1.1.3'), removeFileIfUnused: true }));
    expect(result).toMatchObject({ remainingLinks: 0, fileRemoved: false });
    expect(result.keptFor).toContain('phiên bản 1 đã duyệt của hồ sơ tự đánh giá năm 2026');
    const path = storedPathBySha(fx.core.db, fx.dir, file.sha256);
    expect(path && existsSync(path)).toBe(true);
  });

  it('still deletes an unlinked file that no approved version names', async () => {
    await approveWithFile();
    const loose = await value<EvidenceAttachResult>(upload(fx.core, 'Nháp.txt', Buffer.from('bản nháp không dùng'), []));
    await value(call('evidence/delete', { fileId: loose.file.id }));
    expect(storedPathBySha(fx.core.db, fx.dir, loose.file.sha256)).toBeNull();
  });

  it('refuses to delete the signed copy of an approved version (listed as unlinked)', async () => {
    await approveWithFile();
    const pdf = makeTextPdf(['Da ky']);
    await value(call('review/attach-signed', { ...A, versionNo: 1, fileName: 'Bản ký 2026.pdf', contentBase64: pdf.toString('base64') }));
    const unlinked = await value<EvidenceList>(call('evidence/list', { limit: 50, offset: 0, unlinkedOnly: true }));
    const signed = unlinked.files.find((f) => f.originalName === 'Bản ký 2026.pdf');
    expect(signed).toBeDefined();

    const refused = await call('evidence/delete', { fileId: signed!.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (refused.ok) return;
    expect(refused.error.message).toContain('phiên bản 1 đã duyệt của hồ sơ tự đánh giá năm 2026 (bản đã ký)');
    const path = storedPathBySha(fx.core.db, fx.dir, signed!.sha256);
    expect(path && existsSync(path)).toBe(true);
  });

  it('refuses to delete a file an approved periodic report names (sections list files by id)', async () => {
    const R = { kind: 'report', key: '2026:q1' } as const;
    const section = { type: 'report-section', key: 'report:2026:q1:chi-dao' } as const;
    await value(call('reports/save-section', { year: 2026, period: 'q1', code: 'chi-dao', text: 'Ban hành Kế hoạch CCHC năm 2026.' }));
    const { file } = await value<EvidenceAttachResult>(upload(fx.core, 'Kế hoạch 12-KH-SNV.txt', Buffer.from('Kế hoạch quý I'), [section]));
    await value(call('review/submit', R));
    await value(call('review/approve', R));
    await value(call('review/open-version', { ...R, reason: 'Bổ sung số liệu' }));
    await value(call('evidence/unlink', { fileId: file.id, target: section }));

    const refused = await call('evidence/delete', { fileId: file.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (refused.ok) return;
    expect(refused.error.message).toContain('phiên bản 1 đã duyệt của hồ sơ báo cáo');
  });
});
