/**
 * `npm run bench`: runs every bench/*.bench.ts in its own child process, one after another.
 *
 * Why child processes: each benchmark reports the peak memory of the work it measures, which is
 * only meaningful in a fresh process; and one benchmark's caches must not speed up the next.
 * Why sequential: the machine has two cores; parallel runs would measure each other.
 *
 * Every benchmark prints its own lines, each with the ratio to a baseline measured in the same run
 * and "OK" or "NOT MET" against its target. This runner adds a closing summary.
 * Arguments after `--` are passed on (e.g. `npm run bench -- --quick`, or a name filter).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const passOn = args.filter((a) => a.startsWith('--'));
const filters = args.filter((a) => !a.startsWith('--'));

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
  .sort();

if (files.length === 0) {
  console.error(filters.length ? `Không có benchmark nào khớp «${filters.join(' ')}».` : 'Chưa có benchmark nào trong bench/.');
  process.exit(1);
}

const results: { file: string; ok: boolean; seconds: number; notMet: number }[] = [];
for (const file of files) {
  console.log(`\n=== ${file}`);
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, file), ...passOn], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(run.stdout ?? '');
  const notMet = (run.stdout ?? '').split('\n').filter((line) => line.includes('NOT MET')).length;
  results.push({ file, ok: run.status === 0, seconds: (performance.now() - started) / 1000, notMet });
}

console.log('\n=== summary');
for (const r of results) {
  const verdict = !r.ok ? 'FAILED TO RUN' : r.notMet > 0 ? `${r.notMet} target(s) NOT MET` : 'all targets met';
  console.log(`${r.file.padEnd(28)} ${r.seconds.toFixed(1).padStart(7)} s  ${verdict}`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
