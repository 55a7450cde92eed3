import type { Handlers } from '../registry';
import { AppError } from '../errors';
import { getJob } from '../exchange/jobs';
import { restorePreview, startWindowRestore, switchToRestored } from '../exchange/restore-window';
import { savedFilePath } from './saved-files';

type FilesChannel = 'output/show-in-folder' | 'backup/restore' | 'backup/restore-preview' | 'app/switch-data-folder';

export const filesHandlers: Pick<Handlers, FilesChannel> = {
  'output/show-in-folder': async (input, ctx) => {
    // Only what this run wrote where the officer chose: never a path from the page.
    const path = 'jobId' in input ? finishedOutput(input.jobId) : savedFilePath(ctx.db, input.savedId);
    if (!path) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp vừa lưu (ứng dụng có thể đã khởi động lại).');
    const show = ctx.desktop?.showInFolder;
    if (!show) return { shown: false };
    const problem = await show(path);
    if (problem) throw new AppError('IO_ERROR', `Không mở được thư mục chứa «${path}»: ${problem}`);
    return { shown: true };
  },
  'backup/restore': ({ zip }, ctx) => startWindowRestore(ctx, zip),
  'backup/restore-preview': ({ jobId }) => restorePreview(jobId),
  'app/switch-data-folder': ({ jobId }, ctx) => switchToRestored(ctx, jobId),
};

/** A finished export or backup written where the officer chose (not a download, not a restore). */
function finishedOutput(jobId: string): string | null {
  const job = getJob(jobId);
  return job && job.state === 'done' && job.kind !== 'restore' ? job.outPath : null;
}
