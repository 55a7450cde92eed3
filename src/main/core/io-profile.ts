/**
 * Where a large write's time goes, stage by stage (reading sources, CRC-32, writes, flushes,
 * read-back…), when CCHC_IO_PROFILE=1; `bench/exchange-profile.ts` prints it. Issue 12 asked to
 * profile on the machine where it is slow, not only where it is fast: this runs anywhere the
 * bench runs. Off (the default) each call costs one boolean test.
 *
 * Stages overlap (the read-back runs while later blocks are written, the hash on another thread),
 * so their times add up to more than the wall time; each says how long that kind of work took in
 * total, and how many bytes it handled.
 */
const enabled = process.env.CCHC_IO_PROFILE === '1';

export interface StageTime {
  ms: number;
  count: number;
  bytes: number;
}

const stages = new Map<string, StageTime>();

function add(stage: string, ms: number, bytes: number): void {
  const s = stages.get(stage) ?? { ms: 0, count: 0, bytes: 0 };
  s.ms += ms;
  s.count += 1;
  s.bytes += bytes;
  stages.set(stage, s);
}

/** Times a synchronous step. */
export function timedSync<T>(stage: string, bytes: number, fn: () => T): T {
  if (!enabled) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    add(stage, performance.now() - start, bytes);
  }
}

/** Times an asynchronous step from its start to its settling. */
export async function timed<T>(stage: string, bytes: number, fn: () => Promise<T>): Promise<T> {
  if (!enabled) return fn();
  const start = performance.now();
  try {
    return await fn();
  } finally {
    add(stage, performance.now() - start, bytes);
  }
}

/** What was measured so far (empty when profiling is off), and forgets it. */
export function takeStageTimes(): Record<string, StageTime> {
  const out = Object.fromEntries(stages);
  stages.clear();
  return out;
}
