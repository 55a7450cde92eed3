/**
 * Whether a process with this id is running, for deciding whether a temp file or journal row
 * left by another process (the CLI beside the app, a killed export) may be removed. Signal 0
 * checks without signalling; EPERM means it runs under another user, so it is alive.
 */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
