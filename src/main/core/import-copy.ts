import { FLUSH_EVERY } from './direct-write';

/**
 * How a large import by path copies and hashes (evidence/file-store.ts, ARCHITECTURE.md «Importing
 * a large file by path»): 'system' (the default: the system copies the file while a worker hashes
 * the source, and the copy is flushed at once) or 'loop' (the read-hash-write loop on the main
 * thread, the hash of the very bytes written), chosen with CCHC_IMPORT_COPY=loop.
 */
export function importCopy(): 'system' | 'loop' {
  return process.env.CCHC_IMPORT_COPY === 'loop' ? 'loop' : 'system';
}

/** One line for the benchmark: how a large import by path copies and hashes (no choice at run time). */
export function describeImportCopy(): string {
  return importCopy() === 'system'
    ? `the system copies the file (copyFile, as cp does) and flushes it at once, while a worker thread reads it again from the cache and hashes it, 2 MiB at a time (default; CCHC_IMPORT_COPY=loop for the read-hash-write loop)`
    : `one loop on the main thread, 1 MiB thread-pool reads (2 ahead) and writes, SHA-256 on a worker by message, fdatasync every ${FLUSH_EVERY / 1024 / 1024} MiB (CCHC_IMPORT_COPY=loop)`;
}
