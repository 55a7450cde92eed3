import type { EvidenceFileRef, EvidenceVerifyReport } from '../../../shared/contract/evidence';
import type { Db } from '../db/open';
import { allFiles, linkCountOfFile, type FileRow } from './evidence-store';
import { hashFile, resolveBlob, storePaths } from './file-store';

/**
 * "Kiểm tra tài liệu": re-hashes every stored file and lists the ones that are gone or whose
 * content no longer matches the SHA-256 they were stored under.
 */
export async function verifyStore(db: Db, dataDir: string, now: Date): Promise<EvidenceVerifyReport> {
  const paths = storePaths(dataDir);
  const report: EvidenceVerifyReport = { checkedFiles: 0, checkedBytes: 0, okFiles: 0, missing: [], altered: [], checkedAt: now.toISOString() };
  const ref = (f: FileRow): EvidenceFileRef => ({ id: f.id, originalName: f.original_name, sha256: f.sha256, linkCount: linkCountOfFile(db, f.id) });
  for (const file of allFiles(db)) {
    report.checkedFiles += 1;
    let actual: { sha256: string; size: number };
    try {
      actual = await hashFile(resolveBlob(paths, file.stored_path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'FORBIDDEN') report.missing.push(ref(file));
      else report.altered.push(ref(file));
      continue;
    }
    report.checkedBytes += actual.size;
    if (actual.sha256 === file.sha256 && actual.size === file.size) report.okFiles += 1;
    else report.altered.push(ref(file));
  }
  return report;
}
