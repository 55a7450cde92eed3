import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** What every bench prints after a target; bench/index.ts counts the "NOT MET" lines. */
export const verdict = (met: boolean): string => (met ? 'OK' : 'NOT MET');

export const mbPerSecond = (bytes: number, ms: number): number => bytes / 1024 / 1024 / (ms / 1000);

/** Runs a command to completion (a baseline such as cp or sha256sum); throws if it fails. */
export function run(command: string, args: string[], discardOutput = false): void {
  const result = spawnSync(command, args, { stdio: ['ignore', discardOutput ? 'ignore' : 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status})`);
}

/** Milliseconds a synchronous step takes. */
export function timeMs(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/** `mb` MiB of random bytes (incompressible, like scanned evidence), fsynced. */
export function writeRandomFile(path: string, mb: number): void {
  const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
  const fd = openSync(path, 'w');
  try {
    for (let written = 0; written < mb * 1024 * 1024; written += chunk.length) {
      randomFillSync(chunk);
      writeSync(fd, chunk, 0, Math.min(chunk.length, mb * 1024 * 1024 - written));
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Min and median of a contender's runs (the verdict uses the median: one lucky or unlucky run must not decide). */
export function minMedian(values: number[]): { min: number; median: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median };
}

/** "min 812 / median 905 MB/s" for the MB/s of each run. */
export function ratesText(rates: number[]): string {
  const { min, median } = minMedian(rates);
  return `min ${min.toFixed(0)} / median ${median.toFixed(0)} MB/s`;
}

/** How many interleaved rounds each bench runs (at least three: the verdict takes the median). */
export const ROUNDS = Math.max(3, Number(process.env.CCHC_BENCH_ROUNDS ?? 3));
