import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import type { ZipInput } from '../../../shared/contract/exchange';
import { takeLocalFileGrant } from '../local-file-grants';
import { exportSubjectText, type ExportSubject } from '../../../shared/exchange/manifest';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { safeFileName } from '../evidence/safe-name';
import type { Handlers } from '../registry';
import { backupFileName, backupStatus, createBackup, recordBackupPlace } from './backup';
import { beginWrite } from './interrupted-writes';
import { chooseOutputTarget } from '../output/output-target';
import { cancelJob, getJob, jobStarterKey, startJob } from './jobs';
import { continueFromPackage } from './package-continue';
import { getOpenedPackage, listOpenedPackages, openPackage } from './package-open';
import { verifyPackage } from './package-verify';
import { writePackage } from './package-writer';
import { reviewAccess } from './review-access';

type ExchangeChannel =
  | 'package/export'
  | 'package/verify'
  | 'package/open'
  | 'package/list-opened'
  | 'package/get-opened'
  | 'package/continue'
  | 'exchange/job'
  | 'exchange/job-cancel'
  | 'backup/create'
  | 'backup/status';

function requireAbsolute(path: string): string {
  if (!isAbsolute(path)) throw new AppError('INVALID_INPUT', `Đường dẫn «${path}» phải là đường dẫn đầy đủ (tuyệt đối).`);
  return path;
}

/** "goi-nop-SNV-2026-v2.zip", "goi-nop-SNV-2026-quy-1-v1.zip". */
function packageFileName(shortName: string, subject: ExportSubject, version: number): string {
  const period = subject.kind === 'report' ? `-${subject.period}` : '';
  if (subject.kind === 'assessment' && subject.giaiTrinhRound) {
    return safeFileName(`goi-giai-trinh-${shortName}-${subject.year}-lan-${subject.giaiTrinhRound}-v${version}.zip`).name;
  }
  return safeFileName(`goi-nop-${shortName}-${subject.year}${period}-v${version}.zip`).name;
}

/** Runs `use` on the zip: a given or granted path as is, an upload through a temp file removed afterwards. */
async function withZip<T>(ctx: CoreContext, input: ZipInput, use: (path: string, name: string) => Promise<T>): Promise<T> {
  if ('path' in input) {
    // A window picks the file (a grant) or uploads it; only the trusted local system names a path.
    if (ctx.session) throw new AppError('FORBIDDEN', 'Trong cửa sổ ứng dụng, hãy chọn tệp bằng nút «Chọn…»; ứng dụng không đọc đường dẫn gửi từ trang.');
    return use(requireAbsolute(input.path), input.path);
  }
  if ('grant' in input) {
    const path = takeLocalFileGrant(ctx.db, input.grant);
    return use(path, basename(path));
  }
  const dir = join(ctx.dataDir, 'tmp');
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `tai-len-${randomUUID()}.zip`);
  try {
    await writeFile(temp, Buffer.from(input.contentBase64, 'base64'));
    return await use(temp, input.fileName);
  } finally {
    await rm(temp, { force: true });
  }
}

export const exchangeHandlers: Pick<Handlers, ExchangeChannel> = {
  'package/export': async ({ subject, version, outPath, replace }, ctx) => {
    const approved = reviewAccess.approvedVersion(ctx.db, ctx.dataDir, subject, version);
    if (!approved) {
      const what = exportSubjectText(subject);
      throw new AppError('NOT_FOUND', version ? `Không có phiên bản ${version} đã được duyệt của ${what}.` : `Chưa có phiên bản nào của ${what} được lãnh đạo duyệt; chỉ xuất gói nộp từ bản đã duyệt.`);
    }
    const suggestedName = packageFileName(approved.unit.shortName, subject, approved.version);
    const output = await chooseOutputTarget(ctx, { suggestedName, outPath, replace, fallbackPath: () => join(ctx.dataDir, 'goi-nop', suggestedName) });
    if (!output) return null;
    const target = output.path;
    const now = ctx.now();
    const job = startJob('package', target, now, async (progress, signal) => {
      await mkdir(join(target, '..'), { recursive: true });
      const journal = beginWrite(ctx.dataDir, 'export');
      try {
        await writePackage(approved, target, { appVersion: ctx.appVersion, now, onProgress: progress, journal, signal });
      } finally {
        journal.finish();
      }
    }, jobStarterKey(ctx.actor));
    return output.kind === 'download' ? { ...job, download: output.token } : job;
  },
  'package/verify': (input, ctx) => withZip(ctx, input, (path) => verifyPackage(path)),
  'package/open': (input, ctx) => withZip(ctx, input, (path, name) => openPackage(ctx.dataDir, path, name, ctx.now())),
  'package/list-opened': (_input, ctx) => listOpenedPackages(ctx.dataDir),
  'package/get-opened': ({ id }, ctx) => getOpenedPackage(ctx.dataDir, id),
  'package/continue': ({ id }, ctx) => continueFromPackage(ctx, id),
  'exchange/job': ({ id }) => {
    const job = getJob(id);
    if (!job) throw new AppError('NOT_FOUND', 'Không tìm thấy tác vụ này (ứng dụng có thể đã khởi động lại).');
    return job;
  },
  'exchange/job-cancel': ({ id }, ctx) => ({
    cancelled: cancelJob(id, { key: jobStarterKey(ctx.actor), isAdmin: !ctx.session || (ctx.session.user?.roles.includes('admin') ?? false) }),
  }),
  'backup/create': async ({ outPath, replace }, ctx) => {
    const now = ctx.now();
    const output = await chooseOutputTarget(ctx, {
      suggestedName: backupFileName(now),
      outPath,
      replace,
      fallbackPath: () => backupStatus(ctx.db, ctx.dataDir, now).suggestedPath,
    });
    if (!output) return null;
    const target = output.path;
    const job = startJob('backup', target, now, async (progress, signal) => {
      await createBackup(ctx.db, ctx.dataDir, target, { appVersion: ctx.appVersion, now, onProgress: progress, signal });
      // The temp file goes once downloaded: "last backup" names what the browser saved instead.
      if (output.kind === 'download') recordBackupPlace(ctx.db, `${output.name} (đã tải xuống qua trình duyệt)`);
    }, jobStarterKey(ctx.actor));
    return output.kind === 'download' ? { ...job, download: output.token } : job;
  },
  'backup/status': (_input, ctx) => backupStatus(ctx.db, ctx.dataDir, ctx.now()),
};
