/** Reading `cchc` arguments: the few shapes every command uses, in one place. */

/** The value after `--name` (`--year 2026` → "2026"), or undefined when the flag is absent. */
export function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The words that are neither a `--flag` nor the value of one of `flagsWithValue`. */
export function positional(args: readonly string[], flagsWithValue: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (flagsWithValue.includes(a)) i++;
    else if (!a.startsWith('--')) out.push(a);
  }
  return out;
}
