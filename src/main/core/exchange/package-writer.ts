import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_MANIFEST_NAME,
  type PackageManifest,
} from '../../../shared/exchange/manifest';
import { AppError } from '../errors';
import { planPackage } from './package-layout';
import { verifyPackage } from './package-verify';
import type { ApprovedVersionForExport } from './review-access';
import { totalSourceBytes, writeZipAtomically, type ZipWriteEntry, type ZipWriteOptions } from './zip-write';
import type { WriteJournal } from './interrupted-writes';
import { summariseProblems } from './zip-verify';

export interface PackageProgress {
  phase: 'write' | 'verify';
  done: number;
  total: number;
}

export interface WrittenPackage {
  path: string;
  manifest: PackageManifest;
  /** Bytes of files inside (before the zip's own headers). */
  contentBytes: number;
}

/**
 * Writes the submission package of an approved version to `outPath`.
 *
 * The manifest is written LAST: it holds the SHA-256 of every file, known before writing for
 * evidence (content-addressed: the hash recorded at approval) and for generated documents (hashed
 * in memory), and computed on the way in for the rest (signed copies). Readers lose nothing by
 * it: they find the manifest through the central directory, which is at the end of a zip anyway.
 *
 * The finished zip is read back from the disk once (zip-write, zip-read-back): every file's bytes
 * on the disk must hash to the manifest's SHA-256, every other byte must be what was written. So
 * evidence whose bytes no longer match the hash recorded at approval is refused, and a package
 * never carries a file that differs from what the leader approved. Then the finished file is
 * opened as a reader would: structure and hostile-entry checks, the manifest against its schema,
 * every listed file present with its size, nothing extra. Only a package that passes is renamed
 * to `outPath`.
 */
export async function writePackage(
  version: ApprovedVersionForExport,
  outPath: string,
  options: {
    appVersion: string;
    now: Date;
    onProgress?: (p: PackageProgress) => void;
    readBack?: boolean;
    journal?: WriteJournal;
    signal?: AbortSignal;
    testHooks?: ZipWriteOptions['testHooks'];
  },
): Promise<WrittenPackage> {
  const planned = planPackage(version);
  const entries: ZipWriteEntry[] = planned.map((p) => ({
    entryPath: p.entryPath,
    source: p.source,
    label: p.originalName,
    ...(p.expectedSha256 ? { expectedSha256: p.expectedSha256 } : {}),
    // Small generated documents are themselves zips (docx, xlsx): storing is as good as deflating.
    compress: false,
  }));
  const total = await totalSourceBytes(entries);
  const report = options.onProgress ?? (() => undefined);
  let done = 0;
  let lastReport = 0;
  const tick = (phase: PackageProgress['phase']) => (n: number) => {
    done += n;
    // At most every 8 MiB: a progress callback per 1 MiB chunk would flood a UI poller for nothing.
    if (done - lastReport >= 8 * 1024 * 1024 || done === total) {
      lastReport = done;
      report({ phase, done, total });
    }
  };
  report({ phase: 'write', done: 0, total });

  let manifest: PackageManifest | null = null;
  let verifying = false;
  await writeZipAtomically(outPath, entries, {
    ...(options.journal ? { journal: options.journal } : {}),
    mtime: options.now,
    ...(options.readBack === false ? { readBack: false } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.testHooks ? { testHooks: options.testHooks } : {}),
    onBytes: tick('write'),
    // The read-back goes over the whole zip (its headers too): its progress is out of the zip's size.
    onReadBackBytes: (n, size) => {
      if (!verifying) {
        verifying = true;
        done = 0;
        lastReport = 0;
      }
      done += n;
      if (done - lastReport >= 8 * 1024 * 1024 || done === size) {
        lastReport = done;
        report({ phase: 'verify', done, total: size });
      }
    },
    finalEntry: {
      entryPath: PACKAGE_MANIFEST_NAME,
      build(written) {
        const byPath = new Map(written.map((w) => [w.entryPath, w]));
        manifest = {
          format: PACKAGE_FORMAT,
          formatVersion: PACKAGE_FORMAT_VERSION,
          appVersion: options.appVersion,
          createdAt: options.now.toISOString(),
          subject: version.subject,
          unit: version.unit,
          year: version.year,
          period: version.period,
          version: version.version,
          approval: version.approval,
          snapshotSha256: version.snapshotSha256,
          files: planned.map((p) => {
            const w = byPath.get(p.entryPath)!;
            return { path: p.entryPath, sha256: w.sha256, size: w.size, role: p.role, ...(p.itemCode ? { itemCode: p.itemCode } : {}), originalName: p.originalName };
          }),
        };
        return Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
      },
    },
    async check(tempPath) {
      const result = await verifyPackage(tempPath, { justWritten: true });
      if (!result.ok) {
        throw new AppError('IO_ERROR', `Gói vừa ghi không đọc lại đúng (ổ đĩa lỗi?); đã xoá, hãy thử lại. ${summariseProblems(result.problems, 3)}`, result.problems);
      }
    },
  });
  return { path: outPath, manifest: manifest!, contentBytes: total };
}
