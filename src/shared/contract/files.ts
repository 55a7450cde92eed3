import { z } from 'zod';
import { channel } from './define';
import { zipInputSchema, type ExchangeJob } from './exchange';

/**
 * Files handled like a desktop app: showing a written export in its folder, and restoring a
 * backup from the window into a new data folder, then switching to it.
 */

/** What a restored backup holds, read from the restored folder before the officer switches to it. */
export interface RestorePreview {
  /** The new data folder the backup was restored into (the current one is untouched). */
  dataDir: string;
  /** The unit as its most recent profile names it; null when the backup has no profile yet. */
  unitName: string | null;
  /** Years with a self-assessment, newest first. */
  assessmentYears: number[];
  /** Years with a unit profile, newest first. */
  profileYears: number[];
  backupCreatedAt: string;
  /** The most recent change the audit log records; null when it is empty. */
  lastChangeAt: string | null;
  evidenceFiles: number;
  /** Files in the backup (database and evidence) and the backup file's size. */
  files: number;
  zipBytes: number;
  accounts: number;
}

const jobId = z.strictObject({ jobId: z.uuid() });

export const filesChannels = {
  /**
   * «Mở thư mục»: shows, in the file manager (desktop only), a finished export or backup of this
   * run (jobId) or a generated document saved through the dialog (savedId of reports/generate).
   */
  'output/show-in-folder': channel<{ shown: boolean }>()(z.union([jobId, z.strictObject({ savedId: z.uuid() })])),
  /** Administrator: restores a picked backup into a new folder beside the data folder; poll exchange/job. */
  'backup/restore': channel<ExchangeJob>()(z.strictObject({ zip: zipInputSchema })),
  /** What the finished restore job's folder holds. */
  'backup/restore-preview': channel<RestorePreview>()(jobId),
  /** Administrator: the app reopens on the finished restore job's folder (everyone is signed out). */
  'app/switch-data-folder': channel<{ dataDir: string }>()(jobId),
};
