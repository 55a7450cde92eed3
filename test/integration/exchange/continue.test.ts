import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForJob } from '../../../src/main/core/exchange/jobs';
import { listLinkedEvidence } from '../../../src/main/core/evidence';
import type { AssessmentView } from '../../../src/shared/contract/assessment';
import type { AuditPage } from '../../../src/shared/contract/review';
import type { ContinueSummary, ExchangeJob, OpenPackageOutcome } from '../../../src/shared/contract/exchange';
import type { CriteriaSet } from '../../../src/shared/criteria/format';
import { exchangeCommands } from '../../../src/main/cli/commands/exchange';
import { makeTextPdf } from '../../fixtures/evidence/make-pdf';
import { runCliCaptured } from '../../helpers/cli';
import { sampleProfile } from '../../helpers/sample-profile';
import { item, openEvidenceCore, upload, value, type EvidenceFixture } from '../evidence/helpers';

const SAMPLE = JSON.parse(readFileSync(resolve(__dirname, '../../../resources/criteria/sample-so-2026.json'), 'utf8')) as CriteriaSet;
/** The province's own set: not bundled, so a fresh machine does not have it until it is imported. */
const PROVINCE_SET = { ...SAMPLE, id: 'lam-dong-so-2026', name: 'Bộ chỉ số CCHC các sở tỉnh Lâm Đồng năm 2026', isSample: false };
const A = { kind: 'assessment', key: '2026' } as const;

async function importSet(fx: EvidenceFixture): Promise<void> {
  const contentBase64 = Buffer.from(JSON.stringify(PROVINCE_SET)).toString('base64');
  await value(fx.core.registry.invoke('criteria/import', { fileName: 'lam-dong.json', contentBase64 }));
}

/** Machine A: a real approved 2026 assessment with evidence (one file on two items), exported. */
async function approvedPackage(fx: EvidenceFixture): Promise<string> {
  const call = (channel: string, input: unknown = {}) => fx.core.registry.invoke(channel, input);
  await value(call('profile/save', { profile: sampleProfile() }));
  await importSet(fx);
  await value(call('assessment/open', { year: 2026, setId: PROVINCE_SET.id }));
  await value(call('assessment/save-entry', { year: 2026, code: '1.1.3', answer: { kind: 'yes-no', value: true }, explanation: 'Kế hoạch số 47/KH-SNV ban hành ngày 15/01/2026.' }));
  await value(call('assessment/save-entry', { year: 2026, code: '3.2.1', answer: { kind: 'ratio', numerator: 245, denominator: 250 }, explanation: 'Đạt 98% hồ sơ đúng hạn; thiếu 5 hồ sơ.' }));
  await value(call('assessment/save-entry', { year: 2026, code: '1.1.3', status: 'xong' }));
  await value(upload(fx.core, 'Kế hoạch 47/KH-SNV.pdf', makeTextPdf(['Ke hoach CCHC 2026']), [item('2026:1.1.3'), item('2026:3.2.1')]));
  await value(upload(fx.core, 'Báo cáo thống kê hồ sơ.pdf', makeTextPdf(['Thong ke ho so']), [item('2026:3.2.1')]));
  await value(call('review/submit', A));
  await value(call('review/approve', { ...A, comment: 'Đồng ý' }));
  const outPath = join(fx.dir, 'goi-nop.zip');
  const started = await value<ExchangeJob>(call('package/export', { subject: { kind: 'assessment', year: 2026 }, outPath }));
  expect(await waitForJob(started.id)).toMatchObject({ state: 'done' });
  return outPath;
}

/** Machine B: a fresh data folder with the unit declared, the package opened. */
async function openOnB(fx: EvidenceFixture, zip: string): Promise<string> {
  await value(fx.core.registry.invoke('profile/save', { profile: sampleProfile({ focalOfficerName: 'Lê Văn Mới' }) }));
  const opened = await value<OpenPackageOutcome>(fx.core.registry.invoke('package/open', { path: zip }));
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  return opened.opened.id;
}

const linksOf = (fx: EvidenceFixture, codes: string[]) =>
  Object.fromEntries(
    Object.entries(listLinkedEvidence(fx.core.db, codes.map((c) => `2026:${c}`))).map(([k, files]) => [k, files.map((f) => `${f.originalName} ${f.sha256}`).sort()]),
  );

describe('continue from an opened package on another machine', () => {
  let a: EvidenceFixture;
  let b: EvidenceFixture;
  let zip: string;
  beforeEach(async () => {
    a = openEvidenceCore();
    b = openEvidenceCore();
    zip = await approvedPackage(a);
  });
  afterEach(() => {
    a.cleanup();
    b.cleanup();
  });

  it('refuses a missing set by name, then carries entries, scores and evidence links, and refuses a second run', async () => {
    const id = await openOnB(b, zip);
    const missing = await b.core.registry.invoke('package/continue', { id });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!missing.ok && missing.error.message).toContain('«Bộ chỉ số CCHC các sở tỉnh Lâm Đồng năm 2026» (mã lam-dong-so-2026, phiên bản 1)');
    // Nothing was written by the refusal.
    expect(await b.core.registry.invoke('assessment/list', {})).toMatchObject({ ok: true, value: [] });

    await importSet(b);
    const summary = await value<ContinueSummary>(b.core.registry.invoke('package/continue', { id }));
    const fromA = await value<AssessmentView>(a.core.registry.invoke('assessment/open', { year: 2026 }));
    const onB = await value<AssessmentView>(b.core.registry.invoke('assessment/open', { year: 2026 }));

    expect(summary).toMatchObject({
      year: 2026,
      set: { id: PROVINCE_SET.id, version: 1 },
      notCarried: [],
      missingFiles: [],
      evidence: { imported: 2, alreadyStored: 0, linked: 3 },
    });
    // Items with an answer, explanation or evidence; the ones left empty stay "chưa làm".
    expect(summary.itemsCarried).toBe(2);
    expect(onB.setId).toBe(PROVINCE_SET.id);
    for (const code of ['1.1.3', '3.2.1']) {
      expect(onB.entries[code]).toMatchObject({ answer: fromA.entries[code]!.answer, explanation: fromA.entries[code]!.explanation, status: 'dang-lam' });
    }
    expect(onB.entries['1.1.1']).toMatchObject({ answer: null, status: 'chua-lam' });
    expect(onB.score.total).toBe(fromA.score.total);
    expect(summary.total).toBe(summary.approvedTotal);
    expect(summary.total).toBe(fromA.score.total);
    expect(onB.evidenceCounts).toEqual(fromA.evidenceCounts);
    expect(linksOf(b, ['1.1.3', '3.2.1'])).toEqual(linksOf(a, ['1.1.3', '3.2.1']));

    // A draft version 1 on B, with one audit entry saying where it came from.
    expect(await b.core.registry.invoke('review/status', A)).toMatchObject({ ok: true, value: { current: { versionNo: 1, status: 'draft' } } });
    const audit = await value<AuditPage>(b.core.registry.invoke('audit/list', { filter: { action: 'package.continue' } }));
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ subject: 'assessment:2026', new: { package: id, version: 1, linksAdded: 3 } });

    const again = await b.core.registry.invoke('package/continue', { id });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!again.ok && again.error.message).toContain('đã có dữ liệu; không ghi đè');
    expect((await value<AssessmentView>(b.core.registry.invoke('assessment/open', { year: 2026 }))).entries['1.1.3']?.status).toBe('dang-lam');
  });

  it('cchc package continue opens the package and carries it from the command line', async () => {
    await value(b.core.registry.invoke('profile/save', { profile: sampleProfile({ focalOfficerName: 'Lê Văn Mới' }) }));
    await importSet(b);
    const r = await runCliCaptured(['package', 'continue', zip], { dataDir: b.dir, commands: exchangeCommands });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã tạo bản tự đánh giá năm 2026 từ gói (bộ chỉ số «Bộ chỉ số CCHC các sở tỉnh Lâm Đồng năm 2026»): 2 tiêu chí được chép sang');
    expect(r.out).toContain('Tài liệu kiểm chứng: 2 tệp mới lưu, 0 tệp đã có sẵn, 3 liên kết với tiêu chí.');
    expect(linksOf(b, ['1.1.3'])['2026:1.1.3']).toHaveLength(1);

    const again = await runCliCaptured(['package', 'continue', zip], { dataDir: b.dir, commands: exchangeCommands });
    expect(again.code).toBe(1);
    expect(again.err).toContain('Lỗi (CONFLICT)');

    writeFileSync(join(b.dir, 'hong.zip'), 'không phải zip');
    const broken = await runCliCaptured(['package', 'continue', join(b.dir, 'hong.zip')], { dataDir: b.dir, commands: exchangeCommands });
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('Gói KHÔNG hợp lệ, không mở');
  });

  it('refuses an opened folder changed after opening: a file altered, or a file added', async () => {
    await importSet(b);
    const id = await openOnB(b, zip);
    const folder = join(b.dir, 'packages', id, 'noi-dung');
    const evidence = join(folder, 'tai-lieu-kiem-chung', '3.2.1', 'Báo cáo thống kê hồ sơ.pdf');
    chmodSync(evidence, 0o644);
    appendFileSync(evidence, 'sửa');
    const altered = await b.core.registry.invoke('package/continue', { id });
    expect(altered).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!altered.ok && altered.error.message).toContain('«tai-lieu-kiem-chung/3.2.1/Báo cáo thống kê hồ sơ.pdf» đã bị thay đổi');
    expect(await b.core.registry.invoke('assessment/list', {})).toMatchObject({ ok: true, value: [] });

    writeFileSync(join(folder, 'them.pdf'), 'x');
    const extra = await b.core.registry.invoke('package/continue', { id });
    expect(!extra.ok && extra.error.message).toContain('«them.pdf» không có trong tệp kê khai');
  });

  it('refuses a year that already has entries, and a package of another unit', async () => {
    await importSet(b);
    const id = await openOnB(b, zip);
    await value(b.core.registry.invoke('assessment/open', { year: 2026, setId: PROVINCE_SET.id }));
    await value(b.core.registry.invoke('assessment/save-entry', { year: 2026, code: '1.1.1', explanation: 'Đã nhập trên máy này.' }));
    expect(await b.core.registry.invoke('package/continue', { id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await value(b.core.registry.invoke('profile/save', { profile: sampleProfile({ name: 'Sở Tư pháp', shortName: 'STP' }) }));
    const other = await b.core.registry.invoke('package/continue', { id });
    expect(!other.ok && other.error.message).toContain('Gói này là hồ sơ của «Sở Nội vụ», còn thông tin đơn vị năm 2026 trên máy này là «Sở Tư pháp»');
  });

  /** Rewrites the opened folder as if the package had been made that way: snapshot and manifest agree. */
  function rewriteOpened(id: string, edit: (snapshot: { content: { items: { code: string; answer: unknown; evidence: unknown[] }[] } }) => void, dropSnapshot = false) {
    const folder = join(b.dir, 'packages', id);
    const manifestPath = join(folder, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { snapshotSha256: string; files: { path: string; sha256: string; size: number }[] };
    const snapshotPath = join(folder, 'noi-dung', 'ho-so-da-duyet.json');
    chmodSync(snapshotPath, 0o644);
    if (dropSnapshot) {
      rmSync(snapshotPath);
      manifest.files = manifest.files.filter((f) => f.path !== 'ho-so-da-duyet.json');
    } else {
      const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Parameters<typeof edit>[0];
      edit(snapshot);
      const bytes = Buffer.from(JSON.stringify(snapshot));
      writeFileSync(snapshotPath, bytes);
      const sha = createHash('sha256').update(bytes).digest('hex');
      manifest.snapshotSha256 = sha;
      Object.assign(manifest.files.find((f) => f.path === 'ho-so-da-duyet.json')!, { sha256: sha, size: bytes.length });
    }
    chmodSync(manifestPath, 0o644);
    writeFileSync(manifestPath, JSON.stringify(manifest));
  }

  it('reports what it could not carry: an item code the set lacks, an answer its rule refuses, a file the package lacks', async () => {
    await importSet(b);
    const id = await openOnB(b, zip);
    rewriteOpened(id, (snapshot) => {
      const items = snapshot.content.items;
      items.find((i) => i.code === '1.1.3')!.code = '9.9.9';
      items.find((i) => i.code === '3.2.1')!.answer = { kind: 'yes-no', value: true };
      items.find((i) => i.code === '1.1.1')!.evidence.push({ name: 'Không có trong gói.pdf', sha256: 'f'.repeat(64), size: 10 });
    });
    const summary = await value<ContinueSummary>(b.core.registry.invoke('package/continue', { id }));
    expect(summary.notCarried.map((n) => n.code)).toEqual(['9.9.9', '3.2.1']);
    expect(summary.notCarried[0]!.reason).toContain('không có tiêu chí tự chấm với mã này');
    expect(summary.notCarried[1]!.reason).toContain('Câu trả lời không hợp với cách tính điểm');
    expect(summary.missingFiles).toEqual([{ itemCode: '1.1.1', name: 'Không có trong gói.pdf' }]);
    expect(summary.itemsCarried).toBe(0);
    // Files were stored before the transaction; only carried items got links.
    expect(summary.evidence).toEqual({ imported: 2, alreadyStored: 0, linked: 0 });
    expect(summary.total).toBe(0);
    expect(summary.approvedTotal).toBeGreaterThan(0);
  });

  it('refuses a package that carries no approved snapshot (made before packages did)', async () => {
    await importSet(b);
    const id = await openOnB(b, zip);
    rewriteOpened(id, () => undefined, true);
    const old = await b.core.registry.invoke('package/continue', { id });
    expect(old).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!old.ok && old.error.message).toContain('không kèm nội dung đã duyệt');
    expect(await b.core.registry.invoke('assessment/list', {})).toMatchObject({ ok: true, value: [] });
  });
});
