/**
 * Whether an error means the disk (or the user's quota) is full: Node's ENOSPC/EDQUOT, SQLite's
 * SQLITE_FULL. Such an error is about where we write, never about what we read, and the officer
 * must be told so (a full disk is not a damaged backup).
 */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}
