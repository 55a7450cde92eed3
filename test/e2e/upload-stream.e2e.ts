import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssessmentPage } from './pages/assessment.page';
import { EvidencePanelPage } from './pages/evidence.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';
import { startSmallSetAssessment } from './support/small-set';

const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function storedFiles(dataDir: string, folder: 'files' | 'tmp'): string[] {
  const root = join(dataDir, 'evidence', folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).map((p) => join(root, p)).filter((p) => statSync(p).isFile());
}

test('a file larger than one upload slice goes from the window as raw bytes, slice by slice, and is stored with its exact SHA-256', async ({ page, app }, testInfo) => {
  // 73 MB written, sent and hashed on a shared two-core machine: more than the default minute.
  test.setTimeout(120_000);
  const assessment = new AssessmentPage(page);
  const evidence = new EvidencePanelPage(page);
  // Two full 32 MiB slices and a short tail: three streamed requests, each ending on a part-filled buffer in main.
  const big = randomBytes(2 * 32 * MiB + 9 * MiB + 123);
  const bigPath = testInfo.outputPath('Ho so quet dinh kem 2026.zip');
  writeFileSync(bigPath, big);

  await app.launch();
  await completeFirstStart(page);
  await startSmallSetAssessment(page);
  await assessment.openItem('2.1');

  const sent: { channel: string; contentType: string | null }[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/evidence%2Fupload')) sent.push({ channel: decodeURIComponent(pathname.slice(5)), contentType: request.headers()['content-type'] ?? null });
  });
  await evidence.attach(bigPath);
  await expect(evidence.progress()).toContainText('Đã đính kèm', { timeout: 60_000 });
  await expect(evidence.file('Ho so quet dinh kem 2026.zip')).toBeVisible();

  const bytesCalls = sent.filter((s) => s.channel === 'evidence/upload-bytes');
  expect(bytesCalls).toHaveLength(3);
  expect(bytesCalls.every((s) => s.contentType === 'application/octet-stream')).toBe(true);
  // The base64-in-JSON channel is no longer what the window uses.
  expect(sent.some((s) => s.channel === 'evidence/upload-chunk')).toBe(false);

  const stored = storedFiles(app.dataDir, 'files').find((p) => statSync(p).size === big.length);
  expect(stored && sha256(readFileSync(stored))).toBe(sha256(big));
  expect(storedFiles(app.dataDir, 'tmp')).toEqual([]);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('upload-stream-done.png') });
});
