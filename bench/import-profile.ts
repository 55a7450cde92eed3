/**
 * Where the time of one large import by path goes, stage by stage (CCHC_IO_PROFILE's lines on
 * stderr), next to `cp` + `sync` of the same file, rounds interleaved, the page cache in the same
 * state for both (the source was just written and read once; the disk settled between runs).
 *
 *   npx tsx bench/import-profile.ts [MB] [rounds]     (default 1024 MB, 3 rounds; works in $TMPDIR)
 *
 * Not a *.bench.ts: no target; it explains the import figure in evidence.bench.ts. The import is
 * timed from the call of importEvidence (the database already open) to its return.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { settleDisk } from './disk-settle';
import { mbPerSecond, ratesText, run, timeMs, writeRandomFile } from './support';

process.env.CCHC_IO_PROFILE = '1';
const { openDatabase } = await import('../src/main/core/db/open');
const { importEvidence } = await import('../src/main/core/evidence/import-service');
const { describeWriteStrategy } = await import('../src/main/core/direct-write');

const mb = Number(process.argv[2] ?? 1024);
const rounds = Number(process.argv[3] ?? 3);
const work = mkdtempSync(join(tmpdir(), 'cchc-import-profile-'));
try {
  console.log(`large-file writes: ${describeWriteStrategy()}`);
  const source = join(work, 'lon.bin');
  writeRandomFile(source, mb);
  const bytes = statSync(source).size;
  run('cat', [source], true);
  settleDisk();
  const copy = join(work, 'cp-copy.bin');
  const cpRates: number[] = [];
  const importRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const cpMs = timeMs(() => {
      run('cp', [source, copy]);
      run('sync', [copy]);
    });
    rmSync(copy);
    settleDisk();
    cpRates.push(mbPerSecond(bytes, cpMs));
    const dataDir = mkdtempSync(join(work, 'data-'));
    const db = openDatabase(join(dataDir, 'cchc-desk.sqlite'));
    const started = performance.now();
    await importEvidence({ db, dataDir, now: () => new Date() }, { kind: 'path', path: source, name: 'lon.bin' }, [{ type: 'item', key: '2026:1.1' }]);
    importRates.push(mbPerSecond(bytes, performance.now() - started));
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
    settleDisk();
    console.log(`round ${round + 1}: cp + sync ${cpRates.at(-1)!.toFixed(0)} MB/s, import ${importRates.at(-1)!.toFixed(0)} MB/s`);
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  console.log(`import ${ratesText(importRates)}; cp + sync ${ratesText(cpRates)} → ${(median(importRates) / median(cpRates)).toFixed(2)}×`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
