import type { CliCommand, CliIo } from '../../src/main/cli/command';
import { runCli } from '../../src/main/cli/run-cli';

/** A `cchc` console that keeps what was printed; `input` is the one line read from standard input. */
export function captureIo(input: string | null = null): { io: Required<CliIo>; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), err: (l) => err.push(l), readLine: async () => input }, out, err };
}

/** Runs `cchc <args>` on a data folder with the given commands; the printed lines joined. */
export async function runCliCaptured(args: string[], options: { dataDir: string; commands?: readonly CliCommand[] }): Promise<{ code: number; out: string; err: string }> {
  const c = captureIo();
  const code = await runCli(args, { io: c.io, env: { CCHC_DATA_DIR: options.dataDir }, ...(options.commands ? { commands: options.commands } : {}) });
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}
