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
/** More than one background flush (64 MiB), so the read-back of the first region runs while later ones are written. */
const BIG = 128 * MiB;
/** A block well past the first flushed region: its write waits there until the read-back has come to block 0. */
const HOLD_AT = 80 * MiB;

/**
 * The read-back of a package runs while the package is still being written (each flushed region
 * is read back from the disk before the next flush). These tests hold the writer at HOLD_AT until
 * the read-back has reached the first block (if it has not by then), so that what they check
 * happens mid-write on any machine, however fast or loaded.
 */
describe('the export read-back, overlapped with the write', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let outDir: string;
  let dataDir: string;
  let version: ApprovedVersionForExport;
  beforeEach(() => {
    temp = makeTempDir();
    outDir = join(temp.dir, 'goi-nop');
    dataDir = join(temp.dir, 'du-lieu');
    mkdirSync(outDir);
    const sample = sampleApprovedVersion(join(temp.dir, 'src'));
    const data = randomBytes(BIG);
    const path = join(temp.dir, 'src', 'lon.pdf');
    writeFileSync(path, data);
    version = { ...sample, evidence: [...sample.evidence, { itemCode: '3.1', fileName: 'Hồ sơ quét.pdf', path, sha256: sha256(data), size: BIG }] };
  });
  afterEach(() => temp.cleanup());

  /** Resolves when `ready` says so (the read-back reached a block), or fails the test after 60 s. */
  function waitFor(ready: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    return new Promise((resolve, reject) => {
      const poll = () => {
        if (ready()) resolve();
        else if (Date.now() > deadline) reject(new Error(`timed out waiting for ${what}`));
        else setTimeout(poll, 5);
      };
      poll();
    });
  }

  const partFile = () => {
    const name = readdirSync(outDir).find((n) => n.endsWith('.part'));
    if (!name) throw new Error('no temp file beside the target');
    return join(outDir, name);
  };

  it('a byte damaged on the disk is found while later blocks are still being written: the export fails and leaves nothing behind', async () => {
    const journal = beginWrite(dataDir, 'export');
    let firstBlockChecked: boolean | null = null;
    let held = false;
    let writtenMax = 0;
    let total = 0;
    const failure = await writePackage(version, join(outDir, 'goi-nop-2026.zip'), {
      appVersion: '0.1.0',
      now: NOW,
      journal,
      onProgress: (p) => {
        total = p.total;
        if (p.phase === 'write') writtenMax = Math.max(writtenMax, p.done);
      },
      testHooks: {
        onBlockWritten: async (position) => {
          if (position === 0) {
            // The disk returns another byte than the one written (a failing disk, a bad cable).
            const fd = openSync(partFile(), 'r+');
            const byte = Buffer.alloc(1);
            readSync(fd, byte, 0, 1, 100);
            writeSync(fd, Buffer.from([byte[0]! ^ 0x5a]), 0, 1, 100);
            closeSync(fd);
          }
          if (position >= HOLD_AT && !held) {
            held = true;
            await waitFor(() => firstBlockChecked !== null, 'the read-back of block 0');
          }
        },
        onBlockReadBack: (position, _length, matched) => {
          if (position === 0) firstBlockChecked = matched;
        },
      },
    }).catch((e: unknown) => e);
    journal.finish();

    // (Whether the writer had to be held at HOLD_AT depends on the machine's speed.)
    expect(firstBlockChecked).toBe(false);
    expect(failure).toMatchObject({ code: 'IO_ERROR' });
    expect((failure as Error).message).toMatch(/^Đọc lại «.*goi-nop-2026\.zip» ngay sau khi ghi thấy dữ liệu khác với dữ liệu đã ghi/);
    // Found mid-write: the export stopped before it had taken in all its sources.
    expect(writtenMax).toBeLessThan(total);
    expect(readdirSync(outDir)).toEqual([]);
    expect(readdirSync(join(dataDir, PENDING_WRITES_DIR))).toEqual([]);
  });

  it('cancelled while the read-back is under way, mid-write: nothing is left behind', async () => {
    const controller = new AbortController();
    let checkedBlocks = 0;
    let held = false;
    let writtenMax = 0;
    let total = 0;
    const failure = await writePackage(version, join(outDir, 'goi-nop-2026.zip'), {
      appVersion: '0.1.0',
      now: NOW,
      signal: controller.signal,
      onProgress: (p) => {
        total = p.total;
        if (p.phase === 'write') writtenMax = Math.max(writtenMax, p.done);
      },
      testHooks: {
        onBlockWritten: async (position) => {
          if (position >= HOLD_AT && !held) {
            held = true;
            await waitFor(() => checkedBlocks > 0, 'the first block read back');
          }
        },
        onBlockReadBack: (_position, _length, matched) => {
          expect(matched).toBe(true);
          checkedBlocks += 1;
          if (!controller.signal.aborted) controller.abort();
        },
      },
    }).catch((e: unknown) => e);

    // (Whether the writer had to be held at HOLD_AT depends on the machine's speed.)
    expect(checkedBlocks).toBeGreaterThan(0);
    expect(failure).toMatchObject({ code: 'CONFLICT', message: 'Đã huỷ; không để lại tệp dở dang.' });
    expect(writtenMax).toBeLessThan(total);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
