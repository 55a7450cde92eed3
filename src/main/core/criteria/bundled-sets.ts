import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CriteriaError } from '../../../shared/contract/criteria';
import type { Db } from '../db/open';
import { saveSet, type SaveResult } from './criteria-store';
import { parseCriteriaJson } from './json-io';
import { resourcesDir } from '../resources';

/** The sets shipped with the app (resources/criteria/*.json, see ../resources.ts), loaded into the store when missing. */

export const SCHEMA_FILE = 'criteria-set.schema.json';

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
  let dir: string;
  try {
    dir = resourcesDir();
  } catch (error) {
    // A broken install: the officer can still import the province's own set.
    console.error('[cchc] bundled criteria sets unavailable', error);
    return;
  }
  const { failed } = ensureBundledSets(db, dir, now);
  if (failed.length > 0) console.error('[cchc] bundled criteria sets failed validation', failed);
}
