import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { ExchangeJob, ZipInput } from '../../../shared/contract/exchange';
import type { RestorePreview } from '../../../shared/contract/files';
import type { CoreContext } from '../context';
import { DATABASE_FILE, openDatabase } from '../db/open';
import { AppError } from '../errors';
import { takeLocalFileGrant } from '../local-file-grants';
import { listAssessmentRows } from '../assessment/assessment-store';
import { getLatestProfile, listProfileYears } from '../profile/profile-store';
import { restoreBackup, type RestoreResult } from './backup';
import { getJob, runningJobKinds, startJob } from './jobs';

/**
 * Restoring from the window: the officer picks a backup, it is restored (every SHA-256 and the
 * database's integrity checked by restoreBackup) into a NEW folder beside the current data
 * folder, the window shows what that folder holds, and only when the officer confirms does the
 * app switch to it. The current data folder is never written to; the app keeps working on it
 * until the switch.
 */

interface Restored {
  folder: string;
  zipBytes: number;
  result: RestoreResult | null;
}

/** Restore jobs of this process by job id (jobs themselves live in this process only too). */
const restores = new Map<string, Restored>();

/** "CCHC Desk-phuc-hoi-20261204-170512" beside "CCHC Desk"; never an existing name. */
export function newRestoreFolder(dataDir: string, now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  const base = join(dirname(dataDir), `${basename(dataDir)}-phuc-hoi-${stamp}`);
  let folder = base;
  for (let n = 2; existsSync(folder); n++) folder = `${base}-${n}`;
  return folder;
}

/** The backup's path, and what to remove once the job is over (an uploaded copy). */
async function backupFile(ctx: CoreContext, zip: ZipInput): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const none = async () => undefined;
  if ('path' in zip) {
    if (ctx.session) throw new AppError('FORBIDDEN', 'Trong cửa sổ ứng dụng, hãy chọn tệp sao lưu bằng nút «Chọn…»; ứng dụng không đọc đường dẫn gửi từ trang.');
    if (!isAbsolute(zip.path)) throw new AppError('INVALID_INPUT', `Đường dẫn «${zip.path}» phải là đường dẫn đầy đủ (tuyệt đối).`);
    return { path: zip.path, cleanup: none };
  }
  if ('grant' in zip) return { path: takeLocalFileGrant(ctx.db, zip.grant), cleanup: none };
  const dir = join(ctx.dataDir, 'tmp', `phuc-hoi-tai-len-${randomUUID()}`);
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'sao-luu.zip');
  await writeFile(path, Buffer.from(zip.contentBase64, 'base64'));
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function startWindowRestore(ctx: CoreContext, zip: ZipInput): Promise<ExchangeJob> {
  const { path, cleanup } = await backupFile(ctx, zip);
  try {
    const zipBytes = await stat(path).then((s) => s.size);
    const now = ctx.now();
    const folder = newRestoreFolder(ctx.dataDir, now);
    const entry: Restored = { folder, zipBytes, result: null };
    const job = startJob('restore', folder, now, async (progress) => {
      let done = 0;
      progress({ phase: 'verify', done, total: zipBytes });
      try {
        // Uncompressed bytes: the database compresses, so the bar may reach its end a little early.
        entry.result = await restoreBackup(path, folder, (n) => progress({ phase: 'verify', done: (done += n), total: Math.max(zipBytes, done) }));
      } finally {
        await cleanup();
      }
    });
    restores.set(job.id, entry);
    return job;
  } catch (error) {
    await cleanup();
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', 'Không tìm thấy tệp sao lưu đã chọn; chưa phục hồi gì.');
    throw error;
  }
}

/** The finished restore of this run, or a clear refusal. */
function finishedRestore(jobId: string): Restored & { result: RestoreResult } {
  const job = getJob(jobId);
  const entry = restores.get(jobId);
  if (!job || job.kind !== 'restore' || !entry) throw new AppError('NOT_FOUND', 'Không còn lượt phục hồi này (ứng dụng có thể đã khởi động lại); hãy chọn lại tệp sao lưu.');
  if (job.state === 'running') throw new AppError('CONFLICT', 'Bản sao lưu còn đang được kiểm tra và phục hồi; hãy chờ xong.');
  if (job.state === 'failed' || !entry.result) throw new AppError('CONFLICT', job.error?.message ?? 'Lượt phục hồi này không thành công; chưa có gì để dùng.');
  return { ...entry, result: entry.result };
}

export function restorePreview(jobId: string): RestorePreview {
  const { folder, zipBytes, result } = finishedRestore(jobId);
  const db = openDatabase(join(folder, DATABASE_FILE));
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const lastChange = db.prepare('SELECT max(at) AS at FROM audit_log').get() as { at: string | null };
    return {
      dataDir: folder,
      unitName: getLatestProfile(db)?.name ?? null,
      assessmentYears: listAssessmentRows(db).map((r) => r.year).sort((a, b) => b - a),
      profileYears: listProfileYears(db),
      backupCreatedAt: result.backupCreatedAt,
      lastChangeAt: lastChange.at,
      evidenceFiles: count('SELECT count(*) AS n FROM evidence_file'),
      files: result.files,
      zipBytes,
      accounts: count('SELECT count(*) AS n FROM account'),
    };
  } finally {
    db.close();
  }
}

/**
 * Switches the app to the restored folder: signs this window out first (the restored folder has
 * its own accounts, and an account id here may name another person there), then the host
 * remembers the folder and reopens on it.
 */
export async function switchToRestored(ctx: CoreContext, jobId: string): Promise<{ dataDir: string }> {
  const { folder } = finishedRestore(jobId);
  const switchDataFolder = ctx.desktop?.switchDataFolder;
  if (!switchDataFolder) {
    throw new AppError('CONFLICT', `Chỉ chuyển được thư mục dữ liệu trong cửa sổ ứng dụng. Dữ liệu đã phục hồi nằm ở «${folder}».`);
  }
  // An export or backup still reading the current folder would be cut off when the host reopens on another.
  const running = runningJobKinds().filter((kind) => kind !== 'restore');
  if (running.length > 0) {
    const what = running.map((kind) => (kind === 'package' ? 'xuất gói nộp' : 'sao lưu')).join(', ');
    throw new AppError('CONFLICT', `Đang ${what}; hãy chờ xong (hoặc huỷ) rồi mới chuyển sang thư mục dữ liệu đã phục hồi.`);
  }
  ctx.session?.signOut();
  await switchDataFolder(folder);
  return { dataDir: folder };
}
