/**
 * Profiling large I/O, on when CCHC_IO_PROFILE=1 (off in the app: one boolean test per call).
 * Issue 12 asked to profile on the machine where it is slow, not only where it is fast. Two views:
 *  - `ioProfile`: one import's stages in sequence, printed to stderr when it ends
 *    (`bench/import-profile.ts`, or `CCHC_IO_PROFILE=1 cchc evidence add …`);
 *  - `timed`/`timedSync` + `takeStageTimes`: overlapping stages of a large write (export, backup),
 *    summed per kind of work (`bench/exchange-profile.ts`).
 */

// --- One import, stage by stage. Stages are added in the order first seen; `lap` charges the time
// since the previous lap (or the start) to a stage, `add` charges time measured elsewhere (waits
// inside the copy loop) without moving the lap clock.

export interface IoProfile {
  lap(stage: string): void;
  add(stage: string, ms: number): void;
  /** Prints one line per stage and the total, with the MB/s over `bytes`. */
  end(bytes: number): void;
}

export function ioProfile(label: string): IoProfile | null {
  if (process.env.CCHC_IO_PROFILE !== '1') return null;
  const started = performance.now();
  let last = started;
  const stages = new Map<string, number>();
  const charge = (stage: string, ms: number) => stages.set(stage, (stages.get(stage) ?? 0) + ms);
  return {
    lap(stage) {
      const now = performance.now();
      charge(stage, now - last);
      last = now;
    },
    add: charge,
    end(bytes) {
      const total = performance.now() - started;
      const mb = bytes / 1024 / 1024;
      const lines = [...stages].map(([stage, ms]) => `  ${stage.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms`);
      process.stderr.write(
        `[io-profile] ${label}: ${mb.toFixed(0)} MB in ${total.toFixed(0)} ms = ${(mb / (total / 1000)).toFixed(0)} MB/s\n${lines.join('\n')}\n`,
      );
    },
  };
}

// --- A large write's overlapping stages. They add up to more than the wall time; each says how long
// that kind of work took in total, and how many bytes it handled.

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
