import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeJob } from '../../../src/shared/contract/exchange';
import type { EvidenceAttachResult } from '../../../src/shared/contract/evidence';
import { waitForJob } from '../../../src/main/core/exchange/jobs';
import { verifyPackage } from '../../../src/main/core/exchange/package-verify';
import { craftZip } from '../../fixtures/exchange/craft-zip';
import { item, openEvidenceCoreWithAssessment, upload, value, type EvidenceFixture } from '../evidence/helpers';
import { sampleProfile } from '../../helpers/sample-profile';

const round1 = {
  formatVersion: 1,
  kind: 'appraisal',
  year: 2026,
  unit: 'STP',
  round: 1,
  items: [{ code: '1.1.3', points: 0, note: 'Kế hoạch không xác định sản phẩm, thời hạn.' }],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the giải trình dossier as a package', () => {
  let fx: EvidenceFixture;
  const call = (channel: string, input: unknown = {}) => fx.core.registry.invoke(channel, input);
  const key = '2026:giai-trinh-1';
  const subject = { kind: 'assessment', year: 2026, giaiTrinhRound: 1 };

  beforeEach(async () => {
    fx = await openEvidenceCoreWithAssessment();
    await value(call('profile/save', { profile: sampleProfile({ name: 'Sở Tư pháp', shortName: 'STP' }) }));
    await value(call('assessment/save-entry', { year: 2026, code: '1.1.3', answer: { kind: 'yes-no', value: true } }));
    await value(call('appraisal/import', { fileName: 'tham-dinh.json', contentBase64: Buffer.from(JSON.stringify(round1)).toString('base64') }));
    await value(call('appraisal/save-giai-trinh', { year: 2026, code: '1.1.3', text: 'Kế hoạch 47/KH-SNV đã nêu rõ sản phẩm, thời hạn tại Phụ lục (trang 5).' }));
  });
  afterEach(() => fx.cleanup());

  it('is refused until the giải trình is approved, then exports with the Văn bản and the tài liệu bổ sung; verify passes, a tampered copy fails', async () => {
    const extra = await value<EvidenceAttachResult>(upload(fx.core, 'Phụ lục KH 47.txt', Buffer.from('Phụ lục nhiệm vụ, sản phẩm, thời hạn'), [item(`${key}:1.1.3`)]));
    const out = join(fx.dir, 'ra', 'goi-giai-trinh.zip');

    const early = await call('package/export', { subject, outPath: out });
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('hồ sơ giải trình thẩm định lần 1 năm 2026') } });

    await value(call('review/submit', { kind: 'assessment', key }));
    await value(call('review/approve', { kind: 'assessment', key, comment: 'Đồng ý gửi Sở Nội vụ' }));
    const job = await value<ExchangeJob>(call('package/export', { subject, outPath: out }));
    const done = await waitForJob(job.id, () => {}, 50);
    expect(done.state, JSON.stringify(done.error)).toBe('done');

    const report = await verifyPackage(out);
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    const m = report.manifest!;
    expect(m.subject).toEqual(subject);
    expect(m.unit.shortName).toBe('STP');
    expect(m.files.filter((f) => f.role === 'document').map((f) => f.originalName)).toEqual(['Van-ban-giai-trinh-tham-dinh-lan-1-Chi-so-CCHC-nam-2026-STP.docx']);
    expect(m.files.filter((f) => f.role === 'evidence')).toEqual([expect.objectContaining({ itemCode: '1.1.3', originalName: 'Phụ lục KH 47.txt', sha256: extra.file.sha256 })]);
    // The self-assessment's own evidence is not in the giải trình's package.
    expect(m.files.every((f) => f.role !== 'evidence' || f.itemCode === '1.1.3')).toBe(true);

    // Tamper: the same entries, one tài liệu bổ sung changed after export.
    const unpacked = join(fx.dir, 'giai-nen');
    mkdirSync(unpacked);
    execFileSync('unzip', ['-q', out, '-d', unpacked]);
    const entries = filesUnder(unpacked).map((path) => ({ name: relative(unpacked, path).split('\\').join('/'), data: readFileSync(path) }));
    const evidence = entries.find((e) => e.name.startsWith('tai-lieu-kiem-chung/'))!;
    evidence.data = Buffer.from('Phụ lục đã bị sửa sau khi duyệt');
    const tampered = join(fx.dir, 'goi-da-sua.zip');
    writeFileSync(tampered, await craftZip(entries));
    const bad = await verifyPackage(tampered);
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => p.message).join('\n')).toContain(evidence.name.split('/').at(-1)!);
  });

  it('a giải trình package is for reading and checking only: «continue» refuses it', async () => {
    await value(call('review/submit', { kind: 'assessment', key }));
    await value(call('review/approve', { kind: 'assessment', key, comment: '' }));
    const out = join(fx.dir, 'goi.zip');
    const job = await value<ExchangeJob>(call('package/export', { subject, outPath: out }));
    expect((await waitForJob(job.id, () => {}, 50)).state).toBe('done');
    const opened = await value<{ ok: boolean; opened: { id: string } }>(call('package/open', { path: out }));
    expect(opened.ok).toBe(true);
    const refused = await call('package/continue', { id: opened.opened.id });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('Gói hồ sơ giải trình chỉ để xem và kiểm tra') } });
  });
});
