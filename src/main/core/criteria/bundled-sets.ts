import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CriteriaError } from '../../../shared/contract/criteria';
import type { Db } from '../db/open';
import { saveSet, type SaveResult } from './criteria-store';
import { parseCriteriaJson } from './json-io';

/** The sets shipped with the app (resources/criteria/*.json), loaded into the store when missing. */

export const SCHEMA_FILE = 'criteria-set.schema.json';

/**
 * Finds the resources folder by walking up from this module: from src/main/core/criteria under
 * tsx/vitest and from out/main in the built bundle both reach the project root. An explicit folder
 * (e.g. Electron's process.resourcesPath in a packaged app) can be given instead.
 */
export function resolveResourcesDir(start: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'resources', 'criteria'))) return join(dir, 'resources');
    if (existsSync(join(dir, 'criteria', SCHEMA_FILE))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export interface BundledLoad {
  saved: SaveResult[];
  failed: { file: string; errors: CriteriaError[] }[];
}

export function ensureBundledSets(db: Db, resourcesDir: string, now: Date = new Date()): BundledLoad {
  const folder = join(resourcesDir, 'criteria');
  const result: BundledLoad = { saved: [], failed: [] };
  if (!existsSync(folder)) return result;
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
    .sort();
  for (const file of files) {
    const parsed = parseCriteriaJson(readFileSync(join(folder, file), 'utf8'));
    if (!parsed.ok) result.failed.push({ file, errors: parsed.errors });
    else result.saved.push(saveSet(db, parsed.set, now));
  }
  return result;
}

const loaded = new WeakSet<Db>();

/** Loads the bundled sets once per open store; the handlers call it before reading sets. */
export function ensureBundledSetsOnce(db: Db, now: Date): void {
  if (loaded.has(db)) return;
  loaded.add(db);
  const dir = resolveResourcesDir();
  if (!dir) return;
  const { failed } = ensureBundledSets(db, dir, now);
  if (failed.length > 0) console.error('[cchc] bundled criteria sets failed validation', failed);
}
