/**
 * Run by write-crash.test.ts in a child process (bundled first, to start fast): one export,
 * backup or restore, killed by SIGKILL (no clean-up of its own) once `killAfter` bytes of file
 * I/O (reads and writes through file handles) have passed. `killAfter` = Infinity runs to the
 * end and prints how many bytes that took, so the test can choose points inside the run.
 *
 *   child <export|backup|restore> <data folder (restore: the target)> <zip path> <killAfter>
 */
import { open } from 'node:fs/promises';
import { openCore } from '../../../src/main/core/app';
import { restoreBackup } from '../../../src/main/core/exchange/backup';
import { waitForJob } from '../../../src/main/core/exchange/jobs';

const [op, dataDir, zipPath, killAfterText] = process.argv.slice(2) as [string, string, string, string];
const killAfter = Number(killAfterText);

let io = 0;
const probe = await open(process.execPath, 'r');
const proto = Object.getPrototypeOf(probe) as Record<'read' | 'write', (...args: unknown[]) => Promise<{ bytesRead?: number; bytesWritten?: number }>>;
await probe.close();
for (const method of ['read', 'write'] as const) {
  const original = proto[method];
  proto[method] = async function (this: unknown, ...args: unknown[]) {
    if (io >= killAfter) process.kill(process.pid, 'SIGKILL');
    const result = await original.apply(this, args);
    io += result.bytesWritten ?? result.bytesRead ?? 0;
    if (io >= killAfter) process.kill(process.pid, 'SIGKILL');
    return result;
  };
}

if (op === 'restore') {
  await restoreBackup(zipPath, dataDir);
} else {
  const core = openCore({ dataDir, log: () => {} });
  const started =
    op === 'export'
      ? await core.registry.invoke('package/export', { subject: { kind: 'assessment', year: 2026 }, outPath: zipPath })
      : await core.registry.invoke('backup/create', { outPath: zipPath });
  if (!started.ok) throw new Error(`${started.error.code}: ${started.error.message}`);
  const job = await waitForJob((started.value as { id: string }).id, undefined, 5);
  if (job.state !== 'done') throw new Error(JSON.stringify(job.error));
  core.close();
}
process.stdout.write(JSON.stringify({ done: true, io }));
