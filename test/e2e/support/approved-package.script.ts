import { join } from 'node:path';
import { openCore, type Core } from '../../../src/main/core/app';
import { waitForJob } from '../../../src/main/core/exchange/jobs';
import type { Result } from '../../../src/shared/contract';
import { sampleProfile } from '../../helpers/sample-profile';
import { makeTextPdf } from '../../fixtures/evidence/make-pdf';

async function value<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function attach(core: Core, name: string, data: Buffer, keys: string[]): Promise<void> {
  const targets = keys.map((key) => ({ type: 'item', key }));
  const { uploadId } = await value<{ uploadId: string }>(core.registry.invoke('evidence/upload-begin', { name, size: data.length, targets }));
  await value(core.registry.invoke('evidence/upload-chunk', { uploadId, index: 0, dataBase64: data.toString('base64') }));
  await value(core.registry.invoke('evidence/upload-finish', { uploadId }));
}

/**
 * Run as its own process (see approved-package.ts): Playwright's loader cannot load the core
 * (JSON imports with attributes), tsx can.
 *
 * "Another machine": a core opened directly on its own folder, where the sample department's
 * 2026 self-assessment (two items answered, evidence on both) is approved and packed, as the
 * officer's old PC would have done. Returns the package's path.
 */
async function approvedAssessmentPackage(dir: string): Promise<string> {
  const core = openCore({ dataDir: join(dir, 'may-cu'), log: () => undefined });
  try {
    const call = <T = unknown>(channel: string, input: unknown = {}) => value<T>(core.registry.invoke(channel, input));
    await call('profile/save', { profile: sampleProfile() });
    await call('assessment/open', { year: 2026 });
    await call('assessment/save-entry', { year: 2026, code: '1.1.3', answer: { kind: 'yes-no', value: true }, explanation: 'Kế hoạch số 47/KH-SNV ngày 15/01/2026.' });
    await call('assessment/save-entry', { year: 2026, code: '3.2.1', answer: { kind: 'ratio', numerator: 245, denominator: 250 }, explanation: 'Đạt 98% hồ sơ đúng hạn.' });
    await attach(core, 'Kế hoạch 47-KH-SNV.pdf', makeTextPdf(['Ke hoach CCHC 2026']), ['2026:1.1.3']);
    await attach(core, 'Thống kê hồ sơ.pdf', makeTextPdf(['Thong ke ho so 2026']), ['2026:3.2.1']);
    await call('review/submit', { kind: 'assessment', key: '2026' });
    await call('review/approve', { kind: 'assessment', key: '2026', comment: 'Đồng ý' });
    const outPath = join(dir, 'goi-nop-SNV-2026-v1.zip');
    const job = await call<{ id: string }>('package/export', { subject: { kind: 'assessment', year: 2026 }, outPath });
    const done = await waitForJob(job.id);
    if (done.state !== 'done') throw new Error(JSON.stringify(done.error));
    return outPath;
  } finally {
    core.close();
  }
}

approvedAssessmentPackage(process.argv[2]!).then(
  (path) => process.stdout.write(`${path}\n`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
