import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Builds, in a separate process, the approved 2026 package of the sample department as the
 * officer's old machine would have made it (approved-package.script.ts), in `dir`; returns its path.
 */
export function approvedAssessmentPackage(dir: string): string {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'approved-package.script.ts'), dir], { encoding: 'utf8', timeout: 120_000 });
  return out.trim().split('\n').at(-1)!;
}
