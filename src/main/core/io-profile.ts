/**
 * Where the time of one large import goes, stage by stage, printed to stderr when
 * CCHC_IO_PROFILE=1 (off in the app: `ioProfile` then returns null and nothing is timed).
 * It exists to profile on the machine where an import is slow, not only where it is fast:
 *
 *   CCHC_IO_PROFILE=1 npx tsx bench/import-profile.ts 2048
 *   CCHC_IO_PROFILE=1 cchc evidence add …
 *
 * Stages are added in the order first seen; `lap` charges the time since the previous lap (or the
 * start) to a stage, `add` charges time measured elsewhere (waits inside the copy loop) without
 * moving the lap clock.
 */
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
