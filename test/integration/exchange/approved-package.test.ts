import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForJob } from '../../../src/main/core/exchange/jobs';
import type { ExchangeJob, PackageVerification } from '../../../src/shared/contract/exchange';
import type { EvidenceAttachResult } from '../../../src/shared/contract/evidence';
import { makeTextPdf } from '../../fixtures/evidence/make-pdf';
import { item, openEvidenceCoreWithAssessment, upload, value, type EvidenceFixture } from '../evidence/helpers';

/** No stand-ins: a real approved self-assessment, its evidence and signed copy, packed and verified. */
describe('the submission package of a real approved version', () => {
  let fx: EvidenceFixture;
  const A = { kind: 'assessment', key: '2026' } as const;
  const call = (channel: string, input: unknown = {}) => fx.core.registry.invoke(channel, input);

  beforeEach(async () => {
    fx = await openEvidenceCoreWithAssessment();
  });
  afterEach(() => fx.cleanup());

  it('refuses before approval, then packs the frozen documents, the signed copy and each item’s evidence', async () => {
    const plan = await value<EvidenceAttachResult>(
      upload(fx.core, 'Kế hoạch 47/KH-SNV: CCHC năm 2026.pdf', makeTextPdf(['Ke hoach CCHC nam 2026']), [item('2026:1.1.3')]),
    );
    const before = await call('package/export', { subject: { kind: 'assessment', year: 2026 } });
    expect(before).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await value(call('review/submit', A));
    await value(call('review/approve', { ...A, comment: 'Đồng ý' }));
    await value(call('review/attach-signed', { ...A, versionNo: 1, fileName: 'Tờ trình đã ký.pdf', contentBase64: makeTextPdf(['Da ky']).toString('base64') }));

    const outPath = join(fx.dir, 'goi-nop.zip');
    const started = await value<ExchangeJob>(call('package/export', { subject: { kind: 'assessment', year: 2026 }, outPath }));
    const job = await waitForJob(started.id);
    expect(job, JSON.stringify(job)).toMatchObject({ state: 'done', error: null });

    const verified = await value<PackageVerification>(call('package/verify', { path: outPath }));
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    const files = verified.manifest!.files;
    expect(files.filter((f) => f.role === 'document').map((f) => f.path.split('.').pop())).toEqual(['docx', 'xlsx']);
    const evidence = files.find((f) => f.role === 'evidence');
    expect(evidence).toMatchObject({ itemCode: '1.1.3', sha256: plan.file.sha256 });
    // Characters Windows forbids (/ and :) are replaced; the Vietnamese stays readable.
    expect(evidence!.path).toMatch(/^tai-lieu-kiem-chung\/1\.1\.3\/Kế hoạch 47.KH-SNV. CCHC năm 2026\.pdf$/);
    expect(files.some((f) => f.role === 'signed-copy')).toBe(true);
    // The approved snapshot itself, under the hash approval recorded.
    expect(files.find((f) => f.role === 'snapshot')).toMatchObject({ path: 'ho-so-da-duyet.json', sha256: verified.manifest!.snapshotSha256 });
    expect(verified.manifest).toMatchObject({ year: 2026, version: 1, approval: { comment: 'Đồng ý' } });
  });
});
