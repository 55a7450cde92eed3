import { z } from 'zod';
import { profileYearSchema } from '../contract/profile';

/**
 * The two manifests CCHC Desk writes into its zips, as zod schemas so a package or backup from
 * anywhere is checked field by field before anything in it is trusted. Pure: the renderer shows
 * the same types.
 */

export const PACKAGE_FORMAT = 'cchc-desk/goi-nop-ho-so';
export const PACKAGE_FORMAT_VERSION = 1;
export const BACKUP_FORMAT = 'cchc-desk/sao-luu';
export const BACKUP_FORMAT_VERSION = 1;

export const PACKAGE_MANIFEST_NAME = 'manifest.json';
export const BACKUP_MANIFEST_NAME = 'backup-manifest.json';
/** The approved snapshot inside a package; its SHA-256 equals the manifest's snapshotSha256. */
export const SNAPSHOT_FILE_NAME = 'ho-so-da-duyet.json';

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'phải là mã SHA-256 (64 ký tự hexa thường).');
/** A path inside a zip as we write it: forward slashes, no empty, "." or ".." segments. */
const entryPathSchema = z
  .string()
  .min(1)
  .max(400)
  .refine((p) => p.split('/').every((s) => s !== '' && s !== '.' && s !== '..') && !p.includes('\\'), 'đường dẫn trong gói không hợp lệ.');

/** 'snapshot': the approved content as canonical JSON (SNAPSHOT_FILE_NAME), what "continue" reads. */
export const FILE_ROLES = ['snapshot', 'document', 'signed-copy', 'evidence'] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export const manifestFileSchema = z.strictObject({
  path: entryPathSchema,
  sha256: sha256Schema,
  size: z.number().int().min(0),
  role: z.enum(FILE_ROLES),
  /** Mã tiêu chí, for evidence only. */
  itemCode: z.string().max(40).optional(),
  /** The name the officer gave the file, before it was made safe for every file system. */
  originalName: z.string().max(500),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export const exportSubjectSchema = z.discriminatedUnion('kind', [
  /**
   * With giaiTrinhRound: the giải trình dossier of that appraisal round (review key
   * '2026:giai-trinh-1'), packaged like the self-assessment's; without: the self-assessment.
   */
  z.strictObject({ kind: z.literal('assessment'), year: profileYearSchema, giaiTrinhRound: z.union([z.literal(1), z.literal(2)]).optional() }),
  z.strictObject({ kind: z.literal('report'), year: profileYearSchema, period: z.string().min(1).max(40) }),
]);
export type ExportSubject = z.infer<typeof exportSubjectSchema>;

/** "hồ sơ tự đánh giá năm 2026", "hồ sơ giải trình thẩm định lần 1 năm 2026", "báo cáo kỳ q1 năm 2026". */
export function exportSubjectText(subject: ExportSubject): string {
  if (subject.kind === 'report') return `báo cáo kỳ ${subject.period} năm ${subject.year}`;
  return subject.giaiTrinhRound ? `hồ sơ giải trình thẩm định lần ${subject.giaiTrinhRound} năm ${subject.year}` : `hồ sơ tự đánh giá năm ${subject.year}`;
}

export const packageManifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  appVersion: z.string().max(40),
  createdAt: z.string().max(40),
  subject: exportSubjectSchema,
  unit: z.strictObject({
    name: z.string().max(200),
    shortName: z.string().max(20),
    unitType: z.string().max(40),
    parentBody: z.string().max(200),
    province: z.string().max(100),
  }),
  year: z.number().int(),
  period: z.string().max(40).nullable(),
  version: z.number().int().min(1),
  approval: z.strictObject({ by: z.string().max(200), at: z.string().max(40), comment: z.string().max(5000) }),
  snapshotSha256: sha256Schema,
  files: z.array(manifestFileSchema).max(50_000),
});
export type PackageManifest = z.infer<typeof packageManifestSchema>;

export const backupManifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  appVersion: z.string().max(40),
  createdAt: z.string().max(40),
  schemaVersion: z.number().int().min(0),
  files: z
    .array(z.strictObject({ path: entryPathSchema, sha256: sha256Schema, size: z.number().int().min(0) }))
    .max(1_000_000),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** One thing wrong with a zip, for the verify report (the message is what the officer reads). */
export type ZipProblemKind =
  | 'hostile'
  | 'corrupt'
  | 'manifest-missing'
  | 'manifest-invalid'
  | 'missing'
  | 'extra'
  | 'altered';

export interface ZipProblem {
  kind: ZipProblemKind;
  /** The entry it is about, when there is one. */
  entry?: string;
  message: string;
}
