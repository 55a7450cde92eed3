import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the files shipped with the app are read from (resources/criteria: the bundled criteria
 * sets and their JSON Schema; resources/reporting: periods, report outline, biểu số liệu), in one
 * place for every caller:
 *
 * - installed app: electron-builder copies resources/ to the install's resources folder
 *   (extraResources in electron-builder.yml), which Electron names process.resourcesPath; the
 *   shell, the only code that can ask Electron whether the app is packaged, says so with
 *   useResourcesDir() before the core opens;
 * - everywhere else (`npm start`, the browser host, the CLI, tests): the project's resources/,
 *   found by walking up from this module (src/main/core under tsx, out/main when built).
 */

/** A file every resources folder has: how a candidate folder is recognised. */
const MARKER = join('criteria', 'criteria-set.schema.json');

let chosen: string | null = null;

/** Called by the Electron shell when packaged: resources come from `dir` and nowhere else. */
export function useResourcesDir(dir: string): void {
  if (!existsSync(join(dir, MARKER))) {
    throw new Error(`resources folder ${dir} has no ${MARKER}: the installer did not copy resources/`);
  }
  chosen = dir;
}

/** The folder of the source tree or the built app that holds resources/, walking up from `start`. */
export function findResourcesDir(start: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'resources', MARKER))) return join(dir, 'resources');
    if (existsSync(join(dir, MARKER))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** The resources folder in use; throws when there is none (a broken install, said plainly). */
export function resourcesDir(): string {
  chosen ??= findResourcesDir();
  if (!chosen) throw new Error('resources folder not found (resources/criteria/criteria-set.schema.json)');
  return chosen;
}

/** A path inside the resources folder, e.g. resourcePath('reporting', 'periods-default.json'). */
export function resourcePath(...segments: string[]): string {
  return join(resourcesDir(), ...segments);
}

/** A bundled JSON data file, parsed (its callers validate it). */
export function readResourceJson(...segments: string[]): unknown {
  return JSON.parse(readFileSync(resourcePath(...segments), 'utf8')) as unknown;
}
