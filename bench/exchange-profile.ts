/**
 * Where the time of one package export and one backup goes on this machine, stage by stage
 * (CCHC_IO_PROFILE=1, see src/main/core/io-profile.ts): reading sources, CRC-32, SHA-256, writes,
 * background flushes, final fsync, read-back, check, rename. Not a *.bench.ts: no target; it
 * explains the figures of exchange.bench.ts.
 *
 *   npx tsx bench/exchange-profile.ts [MB]      (default 2048, in 256-ish files like the bench)
 */
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StageTime } from '../src/main/core/io-profile';
import { benchApprovedVersion, makeEvidence } from './export-fixture';
import { settleDisk } from './disk-settle';

const MiB = 1024 * 1024;

interface Profile {
  wallMs: number;
  cpu: { user: number; system: number };
  /** Share of the wall time the main thread's event loop was busy. */
  eventLoopBusy: number;
  stages: Record<string, StageTime>;
}

async function measure(run: () => Promise<void>): Promise<Profile> {
  const { takeStageTimes } = await import('../src/main/core/io-profile');
  takeStageTimes();
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return {
    wallMs,
    cpu: { user: used.user / 1000, system: used.system / 1000 },
    eventLoopBusy: performance.eventLoopUtilization(elu).utilization,
    stages: takeStageTimes(),
  };
}

async function exportChild(out: string): Promise<void> {
  const { writePackage } = await import('../src/main/core/exchange/package-writer');
  const version = benchApprovedVersion();
  const readBack = process.env.CCHC_BENCH_READ_BACK !== '0';
  process.stdout.write(JSON.stringify(await measure(() => writePackage(version, out, { appVersion: 'profile', now: new Date(), readBack }).then(() => undefined))));
}

async function backupChild(dataDir: string, out: string): Promise<void> {
  const { openDatabase } = await import('../src/main/core/db/open');
  const { createBackup } = await import('../src/main/core/exchange/backup');
  const db = openDatabase(join(dataDir, 'cchc-desk.sqlite'));
  const profile = await measure(() => createBackup(db, dataDir, out, { appVersion: 'profile', now: new Date() }).then(() => undefined));
  db.close();
  process.stdout.write(JSON.stringify(profile));
}

function print(label: string, bytes: number, p: Profile): void {
  const s = p.wallMs / 1000;
  console.log(`\n${label}: ${s.toFixed(2)} s wall, ${(bytes / MiB / s).toFixed(0)} MB/s; CPU user ${(p.cpu.user / 1000).toFixed(2)} s, system ${(p.cpu.system / 1000).toFixed(2)} s; main thread busy ${(p.eventLoopBusy * 100).toFixed(0)}%`);
  for (const [stage, t] of Object.entries(p.stages).sort((a, b) => b[1].ms - a[1].ms)) {
    const rate = t.bytes > 0 && t.ms > 0 ? `${(t.bytes / MiB / (t.ms / 1000)).toFixed(0).padStart(6)} MB/s` : ''.padStart(11);
    console.log(`  ${stage.padEnd(58)} ${(t.ms / 1000).toFixed(2).padStart(7)} s ${String(t.count).padStart(6)}× ${rate}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--export-child') return exportChild(args[1]!);
  if (args[0] === '--backup-child') return backupChild(args[1]!, args[2]!);
  const totalMb = Number(args[0] ?? 2048);
  const root = mkdtempSync(join(tmpdir(), 'cchc-exchange-profile-'));
  try {
    const src = join(root, 'evidence');
    const dataDir = join(root, 'du-lieu');
    const evidence = makeEvidence(src, totalMb);
    // The backup reads the same files from a data folder: hard links, named as the store names them.
    for (const e of evidence) {
      mkdirSync(join(dataDir, 'evidence', 'files', e.sha256.slice(0, 2)), { recursive: true });
      linkSync(e.path, join(dataDir, 'evidence', 'files', e.sha256.slice(0, 2), `${e.sha256.slice(2)}.pdf`));
    }
    const bytes = evidence.reduce((s, e) => s + e.size, 0);
    spawnSync('cat', evidence.map((e) => e.path), { stdio: 'ignore' });
    const out = join(root, 'out.zip');
    const child = (childArgs: string[], env: NodeJS.ProcessEnv = {}): Profile => {
      settleDisk();
      const run = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, ...childArgs], {
        env: { ...process.env, ...env, CCHC_IO_PROFILE: '1' },
        encoding: 'utf8',
        maxBuffer: 64 * MiB,
      });
      if (run.status !== 0) throw new Error(`${childArgs[0]} failed: ${run.stderr}`);
      rmSync(out, { force: true });
      return JSON.parse(run.stdout) as Profile;
    };
    const { describeWriteStrategy } = await import('../src/main/core/direct-write');
    console.log(`large-file writes: ${describeWriteStrategy()}; ${(bytes / MiB).toFixed(0)} MB in ${evidence.length} files`);
    settleDisk();
    const t = performance.now();
    spawnSync('cp', ['-r', src, join(root, 'copy')]);
    spawnSync('sync', ['-f', join(root, 'copy')]);
    spawnSync('sh', ['-c', `sync ${join(root, 'copy')}/*`]);
    console.log(`cp -r + sync: ${(bytes / MiB / ((performance.now() - t) / 1000)).toFixed(0)} MB/s`);
    rmSync(join(root, 'copy'), { recursive: true, force: true });
    const evidenceEnv = { CCHC_BENCH_EVIDENCE: JSON.stringify(evidence) };
    // CCHC_PROFILE_COMPARE="NAME=VALUE,NAME=VALUE,…": only the export, once per setting of one
    // environment variable, interleaved for CCHC_BENCH_ROUNDS rounds, rates side by side.
    const compare = process.env.CCHC_PROFILE_COMPARE?.split(',').filter(Boolean);
    if (compare) {
      const rates = new Map<string, number[]>(compare.map((c) => [c, []]));
      for (let round = 0; round < Math.max(3, Number(process.env.CCHC_BENCH_ROUNDS ?? 3)); round += 1) {
        for (const setting of compare) {
          const [name, value] = setting.split('=') as [string, string];
          const p = child(['--export-child', out], { ...evidenceEnv, [name]: value });
          rates.get(setting)!.push(bytes / MiB / (p.wallMs / 1000));
        }
      }
      for (const [setting, r] of rates) console.log(`${setting.padEnd(40)} ${r.map((x) => x.toFixed(0).padStart(5)).join(' ')} MB/s`);
      return;
    }
    print('package export', bytes, child(['--export-child', out], evidenceEnv));
    print('package export without read-back', bytes, child(['--export-child', out], { ...evidenceEnv, CCHC_BENCH_READ_BACK: '0' }));
    print('backup', bytes, child(['--backup-child', dataDir, out]));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
