import { z } from 'zod';
import { exportSubjectSchema, type ExportSubject, type PackageManifest, type ZipProblem } from '../exchange/manifest';
import { channel } from './define';

export type { ExportSubject, PackageManifest, ZipProblem };

/** A long export or backup runs in main; the window polls it for the progress bar. */
export interface ExchangeJob {
  id: string;
  kind: 'package' | 'backup' | 'restore';
  state: 'running' | 'done' | 'failed';
  phase: 'prepare' | 'database' | 'write' | 'verify' | 'done';
  done: number;
  total: number;
  startedAt: string;
  /** Where the file was written, once done. */
  outPath: string;
  error: { code: string; message: string } | null;
  /**
   * In a browser window (no save dialog): the one-time token for GET /download/<token>, which
   * serves the finished file; absent when the file was written where the officer chose.
   */
  download?: string;
}

export interface PackageVerification {
  ok: boolean;
  problems: ZipProblem[];
  manifest: PackageManifest | null;
  checkedFiles: number;
}

export interface OpenedPackage {
  id: string;
  openedAt: string;
  sourceName: string;
  folder: string;
  manifest: PackageManifest;
}

export type OpenPackageOutcome = { ok: true; opened: OpenedPackage; alreadyOpen: boolean } | { ok: false; problems: ZipProblem[] };

/** What "continue from this package" carried into this machine's draft, and what it could not. */
export interface ContinueSummary {
  year: number;
  set: { id: string; version: number; name: string };
  /** Items whose answer, explanation and evidence were carried (status reset to "đang làm"). */
  itemsCarried: number;
  notCarried: { code: string; reason: string }[];
  evidence: {
    /** Files newly stored here. */
    imported: number;
    /** Files this store already had (same content): only linked. */
    alreadyStored: number;
    /** Links added between files and items. */
    linked: number;
  };
  /** Evidence the approved version names but the package does not carry. */
  missingFiles: { itemCode: string; name: string }[];
  /** Total points here after carrying, and as approved: they differ only when items were not carried. */
  total: number;
  approvedTotal: number;
}

export interface BackupStatus {
  lastBackupAt: string | null;
  lastBackupPath: string | null;
  /** Whole days since the last backup, null if never. */
  ageDays: number | null;
  /** True when there has never been a backup or the last one is older than the reminder's days. */
  remind: boolean;
  remindAfterDays: number;
  suggestedPath: string;
}

/** About 28 MB of zip once base64-encoded fits the browser host's 40 MB body limit; bigger: the desktop window or the CLI. */
export const MAX_UPLOADED_ZIP_BASE64 = 38 * 1024 * 1024;

const zipPathSchema = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine((p) => /\.zip$/i.test(p), 'phải là đường dẫn tới tệp .zip.');

/**
 * A zip given by path (CLI, or typed), picked in the desktop window (a one-time grant, see
 * evidence/local-import-begin), or uploaded (the browser window).
 */
export const zipInputSchema = z.union([
  z.strictObject({ path: zipPathSchema }),
  z.strictObject({ grant: z.string().regex(/^[0-9a-f-]{36}$/, 'Mã cấp quyền đọc tệp không hợp lệ.') }),
  z.strictObject({
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z.base64().max(MAX_UPLOADED_ZIP_BASE64, 'Tệp quá lớn để tải lên qua trình duyệt (tối đa khoảng 28 MB); hãy mở tệp trong cửa sổ ứng dụng CCHC Desk, hoặc dùng dòng lệnh cchc.'),
  }),
]);
export type ZipInput = z.infer<typeof zipInputSchema>;

const sha256Id = z.string().regex(/^[0-9a-f]{64}$/, 'mã gói không hợp lệ.');

export const exchangeChannels = {
  /** Starts exporting the submission package of an approved version; poll exchange/job. */
  /**
   * In a window the officer picks where in the save dialog (a browser window gets a download):
   * outPath and replace are for the command line only. Null when the dialog was cancelled.
   */
  'package/export': channel<ExchangeJob | null>()(
    z.strictObject({ subject: exportSubjectSchema, version: z.number().int().min(1).optional(), outPath: zipPathSchema.optional(), replace: z.boolean().optional() }),
  ),
  'package/verify': channel<PackageVerification>()(zipInputSchema),
  'package/open': channel<OpenPackageOutcome>()(zipInputSchema),
  'package/list-opened': channel<OpenedPackage[]>()(z.strictObject({})),
  'package/get-opened': channel<OpenedPackage>()(z.strictObject({ id: sha256Id })),
  /** Officer: starts the year's draft from an opened, verified assessment package (never overwrites). */
  'package/continue': channel<ContinueSummary>()(z.strictObject({ id: sha256Id })),
  'exchange/job': channel<ExchangeJob>()(z.strictObject({ id: z.uuid() })),
  /** Stops a running export or backup; it then ends as failed, its temp files removed. */
  'exchange/job-cancel': channel<{ cancelled: boolean }>()(z.strictObject({ id: z.uuid() })),
  /** Starts a backup of the whole data folder into one file; poll exchange/job. */
  /** Where: as for package/export. Null when the save dialog was cancelled. */
  'backup/create': channel<ExchangeJob | null>()(z.strictObject({ outPath: zipPathSchema.optional(), replace: z.boolean().optional() })),
  'backup/status': channel<BackupStatus>()(z.strictObject({})),
};
