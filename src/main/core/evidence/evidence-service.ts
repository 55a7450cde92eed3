import { readFile } from 'node:fs/promises';
import {
  MAX_PREVIEW_BYTES,
  parseItemTargetKey,
  parseGiaiTrinhTargetKey,
  type EvidenceAttachResult,
  type EvidenceFileDetail,
  type EvidenceFileView,
  type EvidenceLinkResult,
  type EvidenceList,
  type EvidenceMeta,
  type EvidencePreview,
  type EvidenceStatus,
  type EvidenceTarget,
  type EvidenceUnlinkResult,
} from '../../../shared/contract/evidence';
import { isExecutableName } from '../../../shared/executable-names';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import {
  addLinks,
  deleteFileRows,
  fileById,
  fileIdsOfTarget,
  fileViews,
  linkCountOfFile,
  listFileIds,
  removeLink,
  saveMeta,
  storeTotals,
  textHead,
  type FileRow,
  type LinkTarget,
} from './evidence-store';
import { blobExists, resolveBlob, storePaths } from './file-store';
import { removeUnreferencedBlob, type ImportOutcome } from './import-service';
import { recogniseMetadata } from './recognise';
import { approvedHoldersText, recordLinkChanges, recordMetaChange } from './review-access';
import { planUsesById } from './plan-access';
import { lastRecovery } from './recovery';
import { FIRST_PAGE_CHARS } from './text-extract';

/** The evidence channels' work, beyond import (import-service) and search (search). */

/** Item keys must name a year and a criterion code, so a typo cannot create a link nobody sees. */
export function checkTargets(targets: readonly LinkTarget[]): LinkTarget[] {
  return targets.map((t) => {
    if (t.type === 'item' && !parseItemTargetKey(t.key) && !parseGiaiTrinhTargetKey(t.key)) {
      throw new AppError('INVALID_INPUT', `Mã tiêu chí «${t.key}» không đúng dạng «năm:mã», ví dụ «2026:1.2.3».`);
    }
    return { type: t.type, key: t.key, location: t.location };
  });
}

function requireFile(db: Db, fileId: number): FileRow {
  const file = fileById(db, fileId);
  if (!file) throw new AppError('NOT_FOUND', `Không tìm thấy tài liệu số ${fileId} trong kho (có thể đã bị xoá).`);
  return file;
}

function viewOf(db: Db, fileId: number): EvidenceFileView {
  const [view] = fileViews(db, [fileId]);
  if (!view) throw new AppError('NOT_FOUND', `Không tìm thấy tài liệu số ${fileId} trong kho (có thể đã bị xoá).`);
  return view;
}

export function isPreviewable(mime: string, size: number): boolean {
  return size <= MAX_PREVIEW_BYTES && (mime === 'application/pdf' || /^image\/(png|jpeg|gif|webp)$/.test(mime));
}

export function fileDetail(db: Db, fileId: number, firstPage?: string): EvidenceFileDetail {
  const view = viewOf(db, fileId);
  const page = firstPage ?? textHead(db, fileId, FIRST_PAGE_CHARS);
  return { ...view, suggestions: recogniseMetadata(view.originalName, page), previewable: isPreviewable(view.mime, view.size) };
}

export function attachResult(db: Db, outcome: ImportOutcome): EvidenceAttachResult {
  return {
    file: fileDetail(db, outcome.file.id, outcome.duplicate ? undefined : outcome.firstPage),
    duplicate: outcome.duplicate,
    linksAdded: outcome.linksAdded,
    nameNotices: outcome.nameNotices,
  };
}

export function linksOfTarget(db: Db, target: EvidenceTarget): EvidenceFileView[] {
  return fileViews(db, fileIdsOfTarget(db, target));
}

export function linkFile(ctx: CoreContext, fileId: number, targets: LinkTarget[]): EvidenceLinkResult {
  const checked = checkTargets(targets);
  const file = requireFile(ctx.db, fileId);
  const linksAdded = ctx.db.transaction(() => {
    recordLinkChanges(ctx, 'evidence.link', { name: file.original_name, sha256: file.sha256 }, checked);
    return addLinks(ctx.db, fileId, checked, ctx.now().toISOString());
  })();
  return { file: viewOf(ctx.db, fileId), linksAdded };
}

/**
 * Removes one link. The file is removed only when asked, only when no other link remains and only
 * when no approved version names it (keptFor says which), checked inside the same transaction, so
 * a link added meanwhile by another window keeps it.
 */
export function unlinkFile(ctx: CoreContext, fileId: number, target: EvidenceTarget, removeFileIfUnused: boolean): EvidenceUnlinkResult {
  const file = requireFile(ctx.db, fileId);
  const result = ctx.db.transaction(() => {
    if (!removeLink(ctx.db, fileId, target)) {
      throw new AppError('NOT_FOUND', `Tài liệu «${file.original_name}» không được gắn với «${target.key}».`);
    }
    recordLinkChanges(ctx, 'evidence.unlink', { name: file.original_name, sha256: file.sha256 }, [target]);
    const remainingLinks = linkCountOfFile(ctx.db, fileId);
    const keptFor = removeFileIfUnused && remainingLinks === 0 ? (approvedHoldersText(ctx.db, file) ?? planHoldersText(ctx.db, file.id)) : null;
    const fileRemoved = removeFileIfUnused && remainingLinks === 0 && !keptFor;
    if (fileRemoved) deleteFileRows(ctx.db, fileId);
    return keptFor ? { remainingLinks, fileRemoved, keptFor } : { remainingLinks, fileRemoved };
  })();
  if (result.fileRemoved) removeBlobAfterCommit(ctx.db, ctx.dataDir, file);
  return result;
}

export function deleteFile(ctx: CoreContext, fileId: number): { deleted: true } {
  const file = requireFile(ctx.db, fileId);
  ctx.db.transaction(() => {
    const links = linkCountOfFile(ctx.db, fileId);
    if (links > 0) {
      throw new AppError('CONFLICT', `Tài liệu «${file.original_name}» vẫn đang làm kiểm chứng cho ${links} mục; hãy gỡ các liên kết trước khi xoá.`);
    }
    // An approved version must stay exportable and verifiable with every file it names.
    const holders = approvedHoldersText(ctx.db, file);
    if (holders) {
      throw new AppError('CONFLICT', `Không xoá được «${file.original_name}»: tệp thuộc ${holders}. Bản đã duyệt phải giữ nguyên mọi tệp nó nêu.`);
    }
    // The plan names its document (and task results) by id: deleting it would leave the plan pointing at nothing.
    const planHolders = planHoldersText(ctx.db, fileId);
    if (planHolders) {
      throw new AppError('CONFLICT', `Không xoá được «${file.original_name}»: tệp là văn bản của ${planHolders}. Hãy bỏ tệp khỏi kế hoạch (trang «Kế hoạch CCHC») trước khi xoá.`);
    }
    deleteFileRows(ctx.db, fileId);
  })();
  removeBlobAfterCommit(ctx.db, ctx.dataDir, file);
  return { deleted: true };
}

/** The row is gone; the blob follows. If this fails, start-up moves the file to quarantine (never deletes it). */
function removeBlobAfterCommit(db: Db, dataDir: string, file: FileRow): void {
  try {
    removeUnreferencedBlob(db, storePaths(dataDir), file.stored_path);
  } catch {
    // Left for recovery at the next start.
  }
}

/** "Kế hoạch CCHC năm 2026 (số 15/KH-SNV); kết quả nhiệm vụ 3 của …", or null when the plan does not name the file. */
function planHoldersText(db: Db, fileId: number): string | null {
  const uses = planUsesById(db, [fileId]).get(fileId);
  return uses?.length ? uses.join('; ') : null;
}

export function listFiles(db: Db, limit: number, offset: number, unlinkedOnly: boolean): EvidenceList {
  const { total, ids } = listFileIds(db, limit, offset, unlinkedOnly);
  return { total, files: fileViews(db, ids) };
}

/**
 * Saves the officer's metadata. A change is an edit of every dossier that links the file (guarded
 * and audited in the same transaction, see recordMetaChange); saving what is already stored
 * (confirming as is) changes no dossier, so it opens no version and writes no audit entry.
 */
export function updateMeta(ctx: CoreContext, fileId: number, meta: EvidenceMeta): EvidenceFileDetail {
  requireFile(ctx.db, fileId);
  const clean: EvidenceMeta = {
    docType: meta.docType.normalize('NFC').trim(),
    docNumber: meta.docNumber.normalize('NFC').trim(),
    docSymbol: meta.docSymbol.normalize('NFC').trim(),
    issueDate: meta.issueDate,
    issuer: meta.issuer.normalize('NFC').trim(),
    summary: meta.summary.normalize('NFC').trim(),
    period: meta.period.normalize('NFC').trim(),
  };
  ctx.db.transaction(() => {
    const current = viewOf(ctx.db, fileId);
    const fields = (Object.keys(clean) as (keyof EvidenceMeta)[]).filter((k) => clean[k] !== current.meta[k]);
    if (fields.length > 0) {
      recordMetaChange(
        ctx,
        { name: current.originalName, sha256: current.sha256 },
        current.links,
        Object.fromEntries(fields.map((k) => [k, current.meta[k]])),
        Object.fromEntries(fields.map((k) => [k, clean[k]])),
      );
    }
    saveMeta(ctx.db, fileId, clean, ctx.now().toISOString());
  })();
  return fileDetail(ctx.db, fileId);
}

export function evidenceStatus(db: Db): EvidenceStatus {
  return { ...storeTotals(db), lastRecovery: lastRecovery(db) };
}

function storedPathOf(ctx: CoreContext, file: FileRow): string {
  const paths = storePaths(ctx.dataDir);
  if (!blobExists(paths, file.stored_path)) {
    throw new AppError('NOT_FOUND', `Tệp «${file.original_name}» không còn trong kho tài liệu; hãy chạy «Kiểm tra tài liệu» rồi đính kèm lại.`);
  }
  return resolveBlob(paths, file.stored_path);
}

export async function previewFile(ctx: CoreContext, fileId: number): Promise<EvidencePreview> {
  const file = requireFile(ctx.db, fileId);
  if (!isPreviewable(file.mime, file.size)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Chỉ xem trước được tệp PDF và ảnh đến ${MAX_PREVIEW_BYTES / 1024 / 1024} MB; hãy mở «${file.original_name}» bằng chương trình xem của máy.`,
    );
  }
  const data = await readFile(storedPathOf(ctx, file));
  return { fileId, name: file.original_name, mime: file.mime, size: file.size, contentBase64: data.toString('base64') };
}

/**
 * Opens a stored file (never any other path) with the system's viewer. Never a program or script
 * (by the name the officer sees or the stored extension the system goes by): the system would run
 * it, not show it. Those can be shown in their folder instead (showFileInFolder).
 */
export async function openFile(ctx: CoreContext, fileId: number): Promise<{ opened: true }> {
  const file = requireFile(ctx.db, fileId);
  if (isExecutableName(file.original_name) || isExecutableName(file.stored_path)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `«${file.original_name}» là tệp chương trình hoặc tệp lệnh: mở nó là cho chạy trên máy, nên ứng dụng không mở. ` +
        'Nếu cần, hãy bấm «Hiện trong thư mục» rồi kiểm tra tệp bằng phần mềm diệt virus.',
    );
  }
  const path = storedPathOf(ctx, file);
  if (!ctx.desktop) {
    throw new AppError('IO_ERROR', 'Chế độ này không mở được chương trình xem tệp của máy; hãy dùng ứng dụng trên máy tính.');
  }
  let problem: string | void;
  try {
    problem = await ctx.desktop.openPath(path);
  } catch (error) {
    throw new AppError('IO_ERROR', `Không mở được «${file.original_name}» bằng chương trình xem của máy.`, error);
  }
  if (problem) throw new AppError('IO_ERROR', `Không mở được «${file.original_name}»: ${problem}`);
  return { opened: true };
}

/** Shows a stored file, selected, in the system's file manager; nothing is opened or run. */
export async function showFileInFolder(ctx: CoreContext, fileId: number): Promise<{ shown: true }> {
  const file = requireFile(ctx.db, fileId);
  const path = storedPathOf(ctx, file);
  if (!ctx.desktop?.showInFolder) {
    throw new AppError('IO_ERROR', 'Chế độ này không mở được thư mục trên máy; hãy dùng ứng dụng trên máy tính.');
  }
  let problem: string | void;
  try {
    problem = await ctx.desktop.showInFolder(path);
  } catch (error) {
    throw new AppError('IO_ERROR', `Không mở được thư mục chứa «${file.original_name}».`, error);
  }
  if (problem) throw new AppError('IO_ERROR', `Không mở được thư mục chứa «${file.original_name}»: ${problem}`);
  return { shown: true };
}
