import { AppError } from '../errors';

/** What the store knows how to read text from; everything else is kept but not indexed by content. */
export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'txt' | 'other';

const MIME_BY_EXT: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.md': 'text/markdown',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.zip': 'application/zip',
  '.rar': 'application/vnd.rar',
  '.7z': 'application/x-7z-compressed',
  '.mp4': 'video/mp4',
};

const TEXT_EXTS = new Set(['.txt', '.csv', '.md']);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export interface DetectedKind {
  kind: FileKind;
  mime: string;
  /** Lower-case extension kept on the stored blob so the system viewer picks the right program. */
  ext: string;
}

/** A lower-case ".ext" we are willing to put on a stored file name, or "". */
export function cleanExtension(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? `.${m[1]!.toLowerCase()}` : '';
}

/**
 * Decides the kind from the first bytes, then the extension. Refuses content that claims to be a
 * PDF/Word/Excel but cannot be one, or is an Office file locked with a password (those are OLE
 * containers, not zips).
 */
export function detectKind(head: Buffer, fileName: string): DetectedKind {
  const ext = cleanExtension(fileName);
  const mimeOf = (e: string) => MIME_BY_EXT[e] ?? 'application/octet-stream';
  const startsWithPdf = head.subarray(0, 1024).includes('%PDF-');
  if (startsWithPdf) return { kind: 'pdf', mime: 'application/pdf', ext: '.pdf' };
  if (ext === '.pdf') {
    throw new AppError('VALIDATION_FAILED', 'Tệp có đuôi .pdf nhưng không phải PDF hợp lệ (tệp hỏng hoặc bị đổi đuôi).');
  }
  const isZip = head.subarray(0, 4).equals(ZIP_MAGIC);
  const isOle = head.subarray(0, 8).equals(OLE_MAGIC);
  if (ext === '.docx' || ext === '.xlsx') {
    const label = ext === '.docx' ? 'Word' : 'Excel';
    if (isOle) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Tệp ${label} được đặt mật khẩu (hoặc là định dạng cũ bị đổi đuôi); hãy gỡ mật khẩu, lưu lại rồi đính kèm lại.`,
      );
    }
    if (!isZip) throw new AppError('VALIDATION_FAILED', `Tệp ${label} bị hỏng, không mở được.`);
    return { kind: ext === '.docx' ? 'docx' : 'xlsx', mime: mimeOf(ext), ext };
  }
  if (TEXT_EXTS.has(ext)) return { kind: 'txt', mime: mimeOf(ext), ext };
  return { kind: 'other', mime: mimeOf(ext), ext };
}
