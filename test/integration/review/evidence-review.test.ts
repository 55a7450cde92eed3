import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditPage, ApprovedVersionView, AssessmentSnapshotContent, ReviewStatus } from '../../../src/shared/contract/review';
import type { EvidenceAttachResult } from '../../../src/shared/contract/evidence';
import { item, openEvidenceCoreWithAssessment, storeState, upload, value, type EvidenceFixture } from '../evidence/helpers';

/** Evidence links belong to the dossier: audited, frozen by review, and hashed into the snapshot. */
describe('evidence links in the review chain', () => {
  let fx: EvidenceFixture;
  const A = { kind: 'assessment', key: '2026' } as const;
  const call = (channel: string, input: unknown = {}) => fx.core.registry.invoke(channel, input);

  beforeEach(async () => {
    fx = await openEvidenceCoreWithAssessment();
  });
  afterEach(() => fx.cleanup());

  it('audits attach and unlink per item, with the file name and hash', async () => {
    const attached = await value<EvidenceAttachResult>(upload(fx.core, 'Kế hoạch 47-KH-UBND.txt', Buffer.from('Kế hoạch CCHC năm 2026'), [item('2026:1.1.3')]));
    await value(call('evidence/unlink', { fileId: attached.file.id, target: item('2026:1.1.3') }));
    const entries = (await value<AuditPage>(call('audit/list', { limit: 50 }))).entries;
    const link = entries.find((e) => e.action === 'evidence.link');
    const unlink = entries.find((e) => e.action === 'evidence.unlink');
    expect(link).toMatchObject({ subject: 'assessment:2026', target: '1.1.3' });
    expect(JSON.stringify(link)).toContain(attached.file.sha256);
    expect(unlink).toMatchObject({ subject: 'assessment:2026', target: '1.1.3' });
  });

  it('refuses a new link while the dossier is with the leader, storing nothing; the approved snapshot carries the hashes', async () => {
    const first = await value<EvidenceAttachResult>(upload(fx.core, 'Quyết định 12-QĐ-SNV.txt', Buffer.from('Quyết định kiện toàn'), [item('2026:1.1.3')]));
    await value(call('review/submit', A));
    const before = storeState(fx);
    const refused = await upload(fx.core, 'Báo cáo 5-BC-SNV.txt', Buffer.from('Báo cáo quý I'), [item('2026:1.1.3')]);
    expect(refused, JSON.stringify(refused)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(storeState(fx)).toEqual(before);

    await value<ReviewStatus>(call('review/approve', { ...A, comment: 'Đồng ý' }));
    const v1 = await value<ApprovedVersionView>(call('review/version', { ...A, versionNo: 1 }));
    const content = v1.snapshot.content as AssessmentSnapshotContent;
    expect(content.items.find((i) => i.code === '1.1.3')!.evidence).toEqual([{ name: first.file.originalName, sha256: first.file.sha256, size: first.file.size }]);
  });
});
