import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncDirectory } from '../core/sync-directory';

/**
 * Writes a whole file so that the target is either the old file or the complete new one: a temp
 * file beside it, fsync, rename, fsync of the folder (as every other writer of the app does).
 * A document the officer saves is never left half-written.
 */
export async function writeFileAtomically(target: string, data: Buffer): Promise<void> {
  // Named like the zip writer's temps (with the pid), so removeStaleTemps also clears what a
  // save killed half-way left in that folder.
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomUUID()}.part`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
    syncDirectory(dirname(target));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
