/**
 * Submission package export vs `cp` of the same evidence files.
 *
 *   npx tsx bench/exchange.bench.ts            CCHC_BENCH_BIG_MB of evidence (default 2048)
 *   npx tsx bench/exchange.bench.ts --quick    64 MB
 *
 * Targets: export throughput ≥ 0.7 × the throughput of `cp` measured in the same run, and the
 * exporting process's peak RSS under 200 MB. The export runs in its own child process so its peak
 * memory is its own; the time is measured inside the child around writePackage (which includes
 * reading the written package back and checking it) and includes its final fsync; the baseline
 * `cp -r` is followed by an fsync of each copied file, so both are measured to durable storage
 * (the ratio to a plain `cp -r` is printed beside it), and the same export without its read-back
 * is shown for what that costs. Best of three interleaved rounds.
 * The machine's load matters: the export does CPU work (SHA-256, CRC-32) that cp does not.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePackage } from '../src/main/core/exchange/package-writer';
import type { ApprovedVersionForExport } from '../src/main/core/exchange/review-access';
import { settleDisk } from './disk-settle';
import { timeMs, verdict } from './support';

const MiB = 1024 * 1024;
const RATIO_TARGET = 0.7;
const RSS_TARGET_MB = 200;

interface ChildResult {
  seconds: number;
  peakRssMb: number;
  /** Peak RSS with every module loaded, before the export starts (Node + tsx + the app's code). */
  loadedRssMb: number;
  zipBytes: number;
}

async function child(out: string, readBack: boolean): Promise<void> {
  const evidence = JSON.parse(String(process.env.CCHC_BENCH_EVIDENCE)) as ApprovedVersionForExport['evidence'];
  const version: ApprovedVersionForExport = {
    subject: { kind: 'assessment', year: 2026 },
    unit: { name: 'Sở Nội vụ', shortName: 'SNV', unitType: 'so', parentBody: 'UBND tỉnh Lâm Đồng', province: 'Lâm Đồng' },
    year: 2026,
    period: null,
    version: 1,
    approval: { by: 'Trần Văn Mỹ', at: new Date().toISOString(), comment: '' },
    // The package carries the snapshot under the hash approval recorded: they must agree.
    snapshotSha256: createHash('sha256').update('{}').digest('hex'),
    snapshotJson: '{}',
    documents: [{ fileName: 'Báo cáo tự đánh giá.docx', source: { kind: 'data', data: Buffer.from('docx') } }],
    evidence,
  };
  const loadedRssMb = process.resourceUsage().maxRSS / 1024;
  const start = performance.now();
  await writePackage(version, out, { appVersion: 'bench', now: new Date(), readBack });
  const seconds = (performance.now() - start) / 1000;
  const result: ChildResult = { seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, loadedRssMb, zipBytes: statSync(out).size };
  process.stdout.write(JSON.stringify(result));
}

function makeEvidence(dir: string, totalMb: number): ApprovedVersionForExport['evidence'] {
  mkdirSync(dir, { recursive: true });
  const evidence: ApprovedVersionForExport['evidence'] = [];
  // Scanned PDFs are typically 1–20 MB; random bytes, because real evidence is already compressed.
  const sizes = [3, 7, 12, 5, 16, 9, 2, 10].map((m) => m * MiB);
  const block = randomBytes(16 * MiB);
  let left = totalMb * MiB;
  for (let i = 0; left > 0; i += 1) {
    const size = Math.min(left, sizes[i % sizes.length]!);
    const data = Buffer.concat([Buffer.from(`${i}:`), block.subarray(0, size - String(i).length - 1)]);
    const path = join(dir, `tep-${i}.pdf`);
    writeFileSync(path, data);
    evidence.push({ itemCode: `${1 + (i % 8)}.${1 + (i % 5)}`, fileName: `Quyết định số ${i}/QĐ-UBND về kiểm chứng.pdf`, path, sha256: createHash('sha256').update(data).digest('hex'), size });
    left -= size;
  }
  return evidence;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]!, args[2] !== 'no-read-back');
  const quick = args.includes('--quick');
  const totalMb = quick ? 64 : Number(process.env.CCHC_BENCH_BIG_MB ?? 2048);
  const root = mkdtempSync(join(tmpdir(), 'cchc-bench-exchange-'));
  try {
    const src = join(root, 'evidence');
    const evidence = makeEvidence(src, totalMb);
    const bytes = evidence.reduce((s, e) => s + e.size, 0);

    const copyDir = join(root, 'copy');
    const copy = () => {
      const r = spawnSync('cp', ['-r', src, copyDir]);
      if (r.status !== 0) throw new Error(`cp failed: ${String(r.stderr)}`);
    };
    // The export fsyncs what it writes, so the verdict's copy is made durable too: fsync of each
    // copied file (sync FILE…), not a system-wide sync that would also flush other processes'
    // writes. A plain cp (done when the data is in the page cache) is printed beside it.
    const syncCopy = () => {
      const s = spawnSync('sync', readdirSync(copyDir).map((n) => join(copyDir, n)));
      if (s.status !== 0) throw new Error(`sync failed: ${String(s.stderr)}`);
    };
    // Every contender reads the sources from the page cache: they were just written, and are read
    // once more here. (Dropping caches would also work here as root, but it is machine-wide and
    // would disturb the other benchmarks running on this shared machine.)
    spawnSync('cat', evidence.map((e) => e.path), { stdio: 'ignore' });
    settleDisk();
    const out = join(root, 'goi-nop.zip');
    // Rounds interleave the contenders so that a busy moment on the shared machine hits them alike;
    // the best of each is kept.
    let cpSeconds = Infinity;
    let cpSyncSeconds = Infinity;
    let result: ChildResult | null = null;
    let noReadBackSeconds = Infinity;
    for (let round = 0; round < 3; round += 1) {
      cpSeconds = Math.min(cpSeconds, timeMs(copy) / 1000);
      rmSync(copyDir, { recursive: true, force: true });
      settleDisk();
      cpSyncSeconds = Math.min(
        cpSyncSeconds,
        timeMs(() => {
          copy();
          syncCopy();
        }) / 1000,
      );
      rmSync(copyDir, { recursive: true, force: true });
      settleDisk();
      const exportOnce = (mode: 'read-back' | 'no-read-back'): ChildResult => {
        const run = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', out, mode], {
          env: { ...process.env, CCHC_BENCH_EVIDENCE: JSON.stringify(evidence) },
          encoding: 'utf8',
          maxBuffer: 16 * MiB,
        });
        if (run.status !== 0) throw new Error(`export child failed: ${run.stderr}`);
        rmSync(out, { force: true });
        settleDisk();
        return JSON.parse(run.stdout) as ChildResult;
      };
      const r = exportOnce('read-back');
      result = !result ? r : { ...(r.seconds < result.seconds ? r : result), peakRssMb: Math.max(r.peakRssMb, result.peakRssMb), loadedRssMb: Math.max(r.loadedRssMb, result.loadedRssMb) };
      noReadBackSeconds = Math.min(noReadBackSeconds, exportOnce('no-read-back').seconds);
    }

    const cpSyncRate = bytes / MiB / cpSyncSeconds;
    const cpRate = bytes / MiB / cpSeconds;
    const exportRate = bytes / MiB / result!.seconds;
    const ratio = exportRate / cpSyncRate;
    const fmt = (n: number, d = 2) => n.toFixed(d);
    console.log(
      `package export ${fmt(bytes / MiB, 0)} MB in ${evidence.length} files: ${fmt(exportRate, 0)} MB/s vs cp + sync ${fmt(cpSyncRate, 0)} MB/s, ratio ${fmt(ratio)}× (target ≥ ${RATIO_TARGET}×) ${verdict(ratio >= RATIO_TARGET)}; peak RSS ${fmt(result!.peakRssMb, 0)} MB, ${fmt(result!.loadedRssMb, 0)} MB before exporting (target < ${RSS_TARGET_MB} MB) ${verdict(result!.peakRssMb < RSS_TARGET_MB)}`,
    );
    console.log(`  verdict baseline: cp -r then fsync of each copy, as durable as the package (fsynced before it is renamed into place)`);
    console.log(`  context: plain cp -r ${fmt(cpRate, 0)} MB/s → export ${fmt(exportRate / cpRate)}× (cp returns while its data is still only in the page cache)`);
    const noReadBackRate = bytes / MiB / noReadBackSeconds;
    console.log(
      `  context: the export reads every byte of the package back from the disk to compare it (cp does not); the same export without that read-back ` +
        `${fmt(noReadBackRate, 0)} MB/s → ${fmt(noReadBackRate / cpSyncRate)}× of cp + sync (the read-back costs ${fmt(result!.seconds - noReadBackSeconds, 1)} s)`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
