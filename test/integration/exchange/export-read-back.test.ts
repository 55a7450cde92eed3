import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePackage } from '../../../src/main/core/exchange/package-writer';
import { beginWrite, PENDING_WRITES_DIR } from '../../../src/main/core/exchange/interrupted-writes';
import type { ApprovedVersionForExport } from '../../../src/main/core/exchange/review-access';
import { sampleApprovedVersion, sha256 } from '../../fixtures/exchange/sample-version';
import { makeTempDir } from '../../helpers/temp-dir';

const MiB = 1024 * 1024;
const NOW = new Date('2026-11-25T07:00:00.000Z');
/** Several read-back blocks (8 MiB) and background flushes (64 MiB). */
const BIG = 72 * MiB;

/**
 * The finished package is read back from the disk once, before it is renamed into place: every
 * file's bytes must hash to the manifest's SHA-256, every other byte must be what was written.
 * These tests damage the temp file between the write and the read-back, as a failing disk would.
 */
describe('the export read-back', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let outDir: string;
  let dataDir: string;
  let version: ApprovedVersionForExport;
  let bigPath: string;
  beforeEach(() => {
    temp = makeTempDir();
    outDir = join(temp.dir, 'goi-nop');
    dataDir = join(temp.dir, 'du-lieu');
    mkdirSync(outDir);
    const sample = sampleApprovedVersion(join(temp.dir, 'src'));
    const data = randomBytes(BIG);
    bigPath = join(temp.dir, 'src', 'lon.pdf');
    writeFileSync(bigPath, data);
    version = { ...sample, evidence: [...sample.evidence, { itemCode: '3.1', fileName: 'Hồ sơ quét.pdf', path: bigPath, sha256: sha256(data), size: BIG }] };
  });
  afterEach(() => temp.cleanup());

  const partFile = () => {
    const name = readdirSync(outDir).find((n) => n.endsWith('.part'));
    if (!name) throw new Error('no temp file beside the target');
    return join(outDir, name);
  };
  const flipByte = (path: string, position: number) => {
    const fd = openSync(path, 'r+');
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, position);
    writeSync(fd, Buffer.from([byte[0]! ^ 0x5a]), 0, 1, position);
    closeSync(fd);
  };

  for (const [where, pick] of [
    ['in a zip header', (position: number, length: number) => position === 0 && length < 200],
    ['inside the large evidence file', (_position: number, length: number) => length === MiB],
  ] as const) {
    it(`a byte the disk returns changed ${where} fails the export as the disk's fault and leaves nothing behind`, async () => {
      const journal = beginWrite(dataDir, 'export');
      let damagedAt = -1;
      const failure = await writePackage(version, join(outDir, 'goi-nop-2026.zip'), {
        appVersion: '0.1.0',
        now: NOW,
        journal,
        testHooks: {
          onChunkWritten: (position, length) => {
            if (damagedAt < 0 && pick(position, length)) {
              damagedAt = position + Math.min(10, length - 1);
              flipByte(partFile(), damagedAt);
            }
          },
        },
      }).catch((e: unknown) => e);
      journal.finish();
      expect(damagedAt).toBeGreaterThanOrEqual(0);
      expect(failure).toMatchObject({ code: 'IO_ERROR' });
      expect((failure as Error).message).toMatch(/^Đọc lại «.*goi-nop-2026\.zip» ngay sau khi ghi thấy dữ liệu khác với dữ liệu đã ghi/);
      expect(readdirSync(outDir)).toEqual([]);
      expect(readdirSync(join(dataDir, PENDING_WRITES_DIR))).toEqual([]);
    });
  }

  it('evidence changed in the store since approval is refused as the store\'s fault, found by the read-back', async () => {
    // Same size, one byte different: only the SHA-256 can tell.
    flipByte(bigPath, 5 * MiB);
    const failure = await writePackage(version, join(outDir, 'goi-nop-2026.zip'), { appVersion: '0.1.0', now: NOW }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((failure as Error).message).toMatch(/«Hồ sơ quét\.pdf» trong kho không còn khớp với bản đã duyệt/);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('reports the read-back as its own phase, up to the whole zip', async () => {
    const phases: { phase: string; done: number; total: number }[] = [];
    await writePackage(version, join(outDir, 'goi-nop-2026.zip'), { appVersion: '0.1.0', now: NOW, onProgress: (p) => phases.push(p) });
    const verify = phases.filter((p) => p.phase === 'verify');
    expect(phases.findIndex((p) => p.phase === 'verify')).toBeGreaterThan(phases.findLastIndex((p) => p.phase === 'write'));
    expect(verify.length).toBeGreaterThan(2);
    expect(verify.at(-1)!.done).toBe(verify.at(-1)!.total);
    expect(verify.at(-1)!.total).toBeGreaterThan(BIG);
  });

  it('cancelled while the read-back is under way: nothing is left behind', async () => {
    const controller = new AbortController();
    let blocks = 0;
    const failure = await writePackage(version, join(outDir, 'goi-nop-2026.zip'), {
      appVersion: '0.1.0',
      now: NOW,
      signal: controller.signal,
      testHooks: {
        onBlockRead: () => {
          blocks += 1;
          if (blocks === 2) controller.abort();
        },
      },
    }).catch((e: unknown) => e);
    expect(blocks).toBe(2);
    expect(failure).toMatchObject({ code: 'CONFLICT', message: 'Đã huỷ; không để lại tệp dở dang.' });
    expect(readdirSync(outDir)).toEqual([]);
  });
});
