import { BACKUP_MANIFEST_NAME, PACKAGE_MANIFEST_NAME, packageManifestSchema, type PackageManifest, type ZipProblem } from '../../../shared/exchange/manifest';
import type { ZipLimits } from './zip-read';
import { verifyZip } from './zip-verify';

export interface PackageVerification {
  ok: boolean;
  problems: ZipProblem[];
  manifest: PackageManifest | null;
  /** Files actually checked (size and hash matched the manifest or not). */
  checkedFiles: number;
}

/**
 * Verifies a submission package anywhere, without a data folder (Sở Nội vụ runs it on packages
 * from every unit): hostile entries, corruption, the manifest's schema, then missing, extra and
 * altered files. Extracts into `extractTo` when given (used by "open a package").
 */
export async function verifyPackage(
  zipPath: string,
  options: { limits?: ZipLimits; extractTo?: string; onBytes?: (n: number) => void; justWritten?: boolean } = {},
): Promise<PackageVerification> {
  const result = await verifyZip(zipPath, {
    manifestName: PACKAGE_MANIFEST_NAME,
    schema: packageManifestSchema,
    filesOf: (m) => m.files,
    ...options,
  });
  // A backup handed over by mistake: say what it is rather than "manifest missing".
  const problems = result.names.has(BACKUP_MANIFEST_NAME)
    ? result.problems.map((p) =>
        p.kind === 'manifest-missing' ? { ...p, message: 'Đây là tệp sao lưu dữ liệu CCHC Desk (dùng với cchc restore), không phải gói nộp hồ sơ.' } : p,
      )
    : result.problems;
  return { ok: result.ok, problems, manifest: result.manifest, checkedFiles: result.found.size };
}
