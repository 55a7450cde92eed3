import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { writeFileAtomically } from '../host/write-file-atomically';
import { DATABASE_FILE } from './db/open';
import { resolveDataDir } from './data-dir';

/**
 * Which data folder the app uses after the officer switched to another one (a restored backup)
 * from the window, without a command line or an environment variable. The choice is a small file
 * beside the default folder (outside any data folder, so a backup never carries it and a restore
 * never overwrites it): "~/.config/CCHC Desk.thu-muc-du-lieu.json" next to "~/.config/CCHC Desk",
 * or "<CCHC_DATA_DIR>.thu-muc-du-lieu.json" next to an overridden one. The window, the browser
 * host and the CLI all start on what it names, when that is still a data folder.
 */

interface Choice {
  dataDir: string;
  chosenAt: string;
}

export function choiceFile(baseDir: string): string {
  return join(dirname(baseDir), `${basename(baseDir)}.thu-muc-du-lieu.json`);
}

/** The data folder to open: the remembered choice when it still holds a database, else the base. */
export function activeDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const base = resolveDataDir(env, platform);
  const chosen = readChoice(base);
  return chosen ?? base;
}

function readChoice(base: string): string | null {
  const file = choiceFile(base);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Choice>;
    const dir = parsed.dataDir;
    if (typeof dir !== 'string' || !isAbsolute(dir)) return null;
    // A folder moved or deleted since: start on the base rather than create an empty one there.
    if (!existsSync(join(dir, DATABASE_FILE)) || !statSync(dir).isDirectory()) return null;
    return dir;
  } catch {
    return null;
  }
}

/** Remembers `dataDir` for the next start (written atomically; the base folder itself is untouched). */
export async function rememberDataDir(base: string, dataDir: string, now: Date): Promise<void> {
  const choice: Choice = { dataDir, chosenAt: now.toISOString() };
  await writeFileAtomically(choiceFile(base), Buffer.from(JSON.stringify(choice, null, 2), 'utf8'));
}
