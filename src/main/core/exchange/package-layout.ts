import { SNAPSHOT_FILE_NAME, type FileRole } from '../../../shared/exchange/manifest';
import { safeFileName, splitExtension } from '../evidence/safe-name';
import type { ApprovedVersionForExport } from './review-access';
import type { ZipSource } from './zip-write';

/**
 * Where each file goes inside a submission package:
 *
 *   ho-so-da-duyet.json                             the approved snapshot (canonical JSON)
 *   tai-lieu/<báo cáo>.docx, <biểu điểm>.xlsx      the generated documents
 *   ban-ky/<bản scan có chữ ký>.pdf                 the signed copy, if any
 *   tai-lieu-kiem-chung/<mã tiêu chí>/<tên tệp>     the evidence, one folder per item
 *   manifest.json                                   written last (see package-writer.ts)
 *
 * Names stay readable (Vietnamese kept, NFC), characters Windows forbids are replaced, two files
 * that would collide on Windows (same name ignoring case) get " (2)", " (3)"…, and every path is
 * at most MAX_PACKAGE_PATH characters so the package unpacks under a deep Windows folder too.
 */

export const MAX_PACKAGE_PATH = 150;
export const DOCUMENTS_DIR = 'tai-lieu';
export const SIGNED_DIR = 'ban-ky';
export const EVIDENCE_DIR = 'tai-lieu-kiem-chung';

export interface PlannedFile {
  entryPath: string;
  role: FileRole;
  itemCode?: string;
  originalName: string;
  source: ZipSource;
  expectedSha256?: string;
}

export function planPackage(version: ApprovedVersionForExport): PlannedFile[] {
  const taken = new Set<string>();
  const place = (folder: string, rawName: string): string => uniquePath(folder, rawName, taken);
  taken.add(SNAPSHOT_FILE_NAME);
  // The snapshot is the content itself (answers, explanations, evidence by hash): what another
  // machine needs to continue from the package. Its hash is the one approval recorded.
  const files: PlannedFile[] = [
    {
      entryPath: SNAPSHOT_FILE_NAME,
      role: 'snapshot',
      originalName: SNAPSHOT_FILE_NAME,
      source: { kind: 'data', data: Buffer.from(version.snapshotJson, 'utf8') },
      expectedSha256: version.snapshotSha256,
    },
  ];
  for (const doc of version.documents) {
    files.push({ entryPath: place(DOCUMENTS_DIR, doc.fileName), role: 'document', originalName: doc.fileName.normalize('NFC'), source: doc.source });
  }
  if (version.signedCopy) {
    const s = version.signedCopy;
    files.push({ entryPath: place(SIGNED_DIR, s.fileName), role: 'signed-copy', originalName: s.fileName.normalize('NFC'), source: { kind: 'path', path: s.path } });
  }
  const byCode = [...version.evidence].sort((a, b) => compareCodes(a.itemCode, b.itemCode) || a.fileName.localeCompare(b.fileName, 'vi'));
  for (const e of byCode) {
    const folder = `${EVIDENCE_DIR}/${safeFileName(e.itemCode, 40).name}`;
    files.push({
      entryPath: place(folder, e.fileName),
      role: 'evidence',
      itemCode: e.itemCode,
      originalName: e.fileName.normalize('NFC'),
      source: { kind: 'path', path: e.path },
      expectedSha256: e.sha256,
    });
  }
  return files;
}

/** "1.10" after "1.9": codes compare part by part as numbers. */
function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (Number(pa[i] ?? -1) || 0) - (Number(pb[i] ?? -1) || 0);
    if (d !== 0 && Number.isFinite(d)) return d;
    const s = (pa[i] ?? '').localeCompare(pb[i] ?? '');
    if (s !== 0) return s;
  }
  return 0;
}

/** A safe name in `folder`, shortened to fit the path limit and numbered if already taken. */
export function uniquePath(folder: string, rawName: string, taken: Set<string>): string {
  const room = Math.max(16, MAX_PACKAGE_PATH - Array.from(folder).length - 1);
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = withSuffix(safeFileName(rawName, room - suffix.length).name, suffix);
    const path = `${folder}/${name}`;
    const key = path.normalize('NFC').toLowerCase();
    if (!taken.has(key)) {
      taken.add(key);
      return path;
    }
  }
}

function withSuffix(name: string, suffix: string): string {
  if (!suffix) return name;
  const [base, ext] = splitExtension(name);
  return `${base}${suffix}${ext}`;
}
