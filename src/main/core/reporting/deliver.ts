import type { GeneratedDocument } from '../../../shared/contract/reports';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { rememberSavedFile } from '../output/saved-files';

/**
 * "File saved where the officer chooses, then opened": on a desktop the save dialog writes the
 * document and the system's viewer opens it. Without a dialog (browser host) the document goes
 * back in base64 for the window to download.
 */
export async function deliverOnDesktop(ctx: CoreContext, document: GeneratedDocument): Promise<GeneratedDocument> {
  const desktop = ctx.desktop;
  if (!desktop?.saveFile) return document;
  const savedPath = await desktop.saveFile(document.fileName, Buffer.from(document.base64, 'base64'));
  if (savedPath) {
    const problem = await desktop.openPath(savedPath);
    if (problem) {
      throw new AppError('IO_ERROR', `Đã lưu tệp tại «${savedPath}» nhưng không mở được bằng ứng dụng của máy: ${problem}`);
    }
  }
  return { fileName: document.fileName, mime: document.mime, base64: '', savedPath, ...(savedPath ? { savedId: rememberSavedFile(ctx.db, savedPath) } : {}) };
}
