import type { Core } from '../core/app';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** One line from standard input, for secrets that must not sit in shell history (passwords). */
  readLine?(prompt: string): Promise<string | null>;
}

/**
 * One `cchc` command. Commands go through `core.registry` like every other transport, so the CLI
 * gets the same validation, errors and rules as the window.
 */
export interface CliCommand {
  /** Words that select it, e.g. "info" or "criteria validate". */
  readonly name: string;
  readonly summary: string;
  /** Shown by `cchc help <command>`, e.g. "cchc criteria export <id> --format json|xlsx". */
  readonly usage: string;
  /** Runs over the open data folder (most commands). */
  run?(args: string[], env: { core: Core; io: CliIo }): Promise<number>;
  /**
   * Runs without opening (or creating) the data folder, for the few commands that must not:
   * restoring into a fresh folder, verifying a package on any machine.
   */
  runWithoutDataFolder?(args: string[], env: { io: CliIo; env: NodeJS.ProcessEnv }): Promise<number>;
}

/** Unwraps a registry result for the CLI: prints the Vietnamese message and gives exit code 1. */
export async function call<T>(core: Core, io: CliIo, channel: string, input: unknown): Promise<T | undefined> {
  const result = await core.registry.invoke(channel, input);
  if (!result.ok) {
    io.err(`Lỗi (${result.error.code}): ${result.error.message}`);
    return undefined;
  }
  return result.value as T;
}
