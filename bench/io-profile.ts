/**
 * Where the time of a large import goes on this disk: read, hash, write, write + fsync, cp, cp + sync
 * and copyFile, each on the same file with the page cache in the same state (the source was just
 * written, fsynced and read once, so every contender reads it from memory).
 *
 *   npx tsx bench/io-profile.ts [MB]     (default 1024; works in $TMPDIR)
 *
 * Not a *.bench.ts: it has no target, it explains the ones in evidence.bench.ts and exchange.bench.ts.
 */
import { createHash, randomFillSync } from 'node:crypto';
import { closeSync, fsyncSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, writeRandomFile } from './support';
import { crc32 } from 'node:zlib';

const mb = Number(process.argv[2] ?? 1024);
const MiB = 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'cchc-io-profile-'));
const source = join(work, 'source.bin');
const copy = join(work, 'copy.bin');

const sh = (cmd: string, args: string[]) => run(cmd, args, true);

async function timed(label: string, fn: () => Promise<void> | void, after?: () => void): Promise<void> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
    after?.();
  }
  const rates = runs.map((ms) => mb / (ms / 1000)).sort((a, b) => a - b);
  console.log(`${label.padEnd(46)} ${rates.map((r) => r.toFixed(0).padStart(5)).join(' ')} MB/s`);
}

const drop = () => rmSync(copy, { force: true });

try {
  writeRandomFile(source, mb);
  sh('cat', [source]);

  for (const size of [1 * MiB, 4 * MiB]) {
    await timed(`read only, ${size / MiB} MiB reads (node)`, () => {
      const b = Buffer.allocUnsafe(size);
      const f = openSync(source, 'r');
      while (readSync(f, b, 0, size, null) > 0);
      closeSync(f);
    });
  }
  await timed('read only (cat > /dev/null)', () => sh('cat', [source]));
  const inMemory = Buffer.allocUnsafe(64 * MiB);
  randomFillSync(inMemory);
  await timed('sha256 only, in memory (node createHash)', () => {
    const h = createHash('sha256');
    for (let i = 0; i < mb / 64; i++) h.update(inMemory);
    h.digest();
  });
  await timed('crc32 only, in memory (zlib.crc32)', () => {
    let c = 0;
    for (let i = 0; i < mb / 64; i++) c = crc32(inMemory, c);
  });
  await timed('read + sha256 (sha256sum)', () => sh('sha256sum', [source]));
  const writeOnly = (sync: boolean) => () => {
    const f = openSync(copy, 'w');
    for (let i = 0; i < mb / 4; i++) writeSync(f, inMemory, 0, 4 * MiB);
    if (sync) fsyncSync(f);
    closeSync(f);
  };
  await timed('write only, 4 MiB writes (node)', writeOnly(false), drop);
  await timed('write + fsync (node)', writeOnly(true), drop);
  await timed('cp', () => sh('cp', [source, copy]), drop);
  await timed('cp + sync of the copy', () => {
    sh('cp', [source, copy]);
    sh('sync', [copy]);
  }, drop);
  await timed('fs.copyFile (copy_file_range)', () => copyFile(source, copy), drop);
  await timed('fs.copyFile + fsync', async () => {
    await copyFile(source, copy);
    const h = await open(copy, 'r+');
    await h.sync();
    await h.close();
  }, drop);
  await timed('read + sha256 + write (node, sequential)', () => {
    const b = Buffer.allocUnsafe(4 * MiB);
    const f = openSync(source, 'r');
    const o = openSync(copy, 'w');
    const h = createHash('sha256');
    for (let n; (n = readSync(f, b, 0, b.length, null)) > 0; ) {
      h.update(b.subarray(0, n));
      writeSync(o, b, 0, n);
    }
    closeSync(f);
    closeSync(o);
  }, drop);
} finally {
  rmSync(work, { recursive: true, force: true });
}
