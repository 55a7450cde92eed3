import { existsSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { downloadTempPath, offerDownload } from './downloads';

/**
 * Where an export or backup is written. In a window (any call with a session) the page never
 * names a path: the desktop asks the officer with its save dialog, and a browser window gets a
 * download instead. Only the trusted local system (the CLI, tests: no session) gives a path.
 * An existing file is replaced only when the officer confirmed it: in the save dialog (which
 * asks before it returns an existing name), or with --overwrite on the command line.
 */
export type OutputTarget =
  | { kind: 'file'; path: string }
  | { kind: 'download'; path: string; name: string; token: string };

export interface OutputRequest {
  suggestedName: string;
  /** A path from the caller: accepted only without a session. */
  outPath?: string | undefined;
  /** Replace an existing file at outPath (command line only). */
  replace?: boolean | undefined;
  /** Where to write when the trusted caller names no path (the CLI's and tests' old default). */
  fallbackPath(): string;
}

/** Null when the officer cancelled the save dialog. */
export async function chooseOutputTarget(ctx: CoreContext, request: OutputRequest): Promise<OutputTarget | null> {
  if (ctx.session) {
    if (request.outPath !== undefined) {
      throw new AppError('FORBIDDEN', 'Trong cửa sổ ứng dụng, nơi lưu tệp chỉ được chọn bằng hộp thoại «Lưu»; ứng dụng không nhận đường dẫn gửi từ trang.');
    }
    const chooseSavePath = ctx.desktop?.chooseSavePath;
    if (!chooseSavePath) {
      const path = await downloadTempPath(ctx.dataDir, request.suggestedName);
      return { kind: 'download', path, name: request.suggestedName, token: offerDownload(ctx.db, path, request.suggestedName) };
    }
    const picked = await chooseSavePath(request.suggestedName);
    if (!picked) return null;
    if (!isAbsolute(picked.path)) throw new AppError('INVALID_INPUT', `Đường dẫn «${picked.path}» phải là đường dẫn đầy đủ (tuyệt đối).`);
    refuseUnconfirmedReplace(picked.path, picked.replaceConfirmed);
    return { kind: 'file', path: picked.path };
  }
  if (request.outPath === undefined) return { kind: 'file', path: request.fallbackPath() };
  if (!isAbsolute(request.outPath)) throw new AppError('INVALID_INPUT', `Đường dẫn «${request.outPath}» phải là đường dẫn đầy đủ (tuyệt đối).`);
  refuseUnconfirmedReplace(request.outPath, request.replace === true);
  return { kind: 'file', path: request.outPath };
}

function refuseUnconfirmedReplace(path: string, confirmed: boolean): void {
  if (confirmed || !existsSync(path)) return;
  throw new AppError(
    'CONFLICT',
    `Tệp «${basename(path)}» đã có ở nơi lưu này; chưa ghi gì. Hãy chọn tên khác, hoặc xác nhận ghi đè (trong hộp thoại «Lưu», hoặc thêm --overwrite ở dòng lệnh).`,
  );
}
