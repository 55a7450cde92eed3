import { z } from 'zod';
import { isIsoDate } from '../text/vi';
import { channel } from './define';
import { ITEM_CODE_PATTERN } from '../criteria/format';
import { typedText } from './typed-text';
import { StreamedBytes } from './streamed-bytes';

/**
 * Evidence (tài liệu kiểm chứng): files stored once by content, their document metadata, and the
 * things they support. A file is attached through a chunked upload so a 2 GB scan never sits in
 * memory and the window can show progress:
 *
 *   upload-begin {name, size, targets} → {uploadId, chunkBytes}
 *   upload-bytes {uploadId, offset, data: raw bytes} (in order; the window's way): over HTTP a
 *     slice of the File streamed as the request body (≤ UPLOAD_STREAM_BYTES, written to disk as it
 *     arrives), over Electron's IPC a Uint8Array (≤ UPLOAD_CHUNK_BYTES);
 *     or upload-chunk {uploadId, index: 0, 1, …, dataBase64} (each ≤ chunkBytes once decoded)
 *   upload-finish {uploadId} → the stored file, whether it was a duplicate, metadata suggestions
 *   upload-cancel {uploadId} whenever the officer gives up (nothing stays behind)
 *
 * In the desktop window a picked or dropped file is imported from where it lies instead, at disk
 * speed: the preload turns the File into a one-time grant (main learns the path; the page never
 * names a path itself), then
 *
 *   local-import-begin {grant, targets} → {importId, name, size}
 *   local-import-status {importId} → copying (bytes so far) | done (as upload-finish) | failed
 *   local-import-cancel {importId}
 */

/** What a file can support: a scored item of a year's assessment, or a section of a report. */
export const EVIDENCE_TARGET_TYPES = ['item', 'report-section'] as const;
export type EvidenceTargetType = (typeof EVIDENCE_TARGET_TYPES)[number];

/**
 * A target by value. Items: "<year>:<code>" (e.g. "2026:1.2.3", see `itemTargetKey`); report
 * sections: the key the reporting domain gives them.
 */
export interface EvidenceTarget {
  type: EvidenceTargetType;
  key: string;
}

export function itemTargetKey(year: number, code: string): string {
  return `${year}:${code}`;
}

/** "2026:1.2.3" → { year: 2026, code: "1.2.3" }; null for any other shape. */
export function parseItemTargetKey(key: string): { year: number; code: string } | null {
  const m = /^(\d{4}):(.+)$/.exec(key);
  return m && ITEM_CODE_PATTERN.test(m[2]!) ? { year: Number(m[1]), code: m[2]! } : null;
}

/**
 * Tài liệu bổ sung of a giải trình round (appraisal): "2026:giai-trinh-1:1.2.3". An item target too
 * (type 'item'), kept apart from the self-assessment's own evidence of the item.
 */
export function giaiTrinhTargetKey(year: number, round: number, code: string): string {
  return `${year}:giai-trinh-${round}:${code}`;
}

/** "2026:giai-trinh-1:1.2.3" → { year: 2026, round: 1, code: "1.2.3" }; null for any other shape. */
export function parseGiaiTrinhTargetKey(key: string): { year: number; round: number; code: string } | null {
  const m = /^(\d{4}):giai-trinh-([12]):(.+)$/.exec(key);
  return m && ITEM_CODE_PATTERN.test(m[3]!) ? { year: Number(m[1]), round: Number(m[2]), code: m[3]! } : null;
}

/** A report section's target key: "report:2026:q1:tthc". */
export function reportSectionTargetKey(year: number, period: string, sectionCode: string): string {
  return `report:${year}:${period}:${sectionCode}`;
}

/** "report:2026:q1:tthc" → { year: 2026, period: "q1", section: "tthc" }; null for any other shape. */
export function parseReportSectionTargetKey(key: string): { year: number; period: string; section: string } | null {
  const m = /^report:(\d{4}):([^:]+):(.+)$/.exec(key);
  return m ? { year: Number(m[1]), period: m[2]!, section: m[3]! } : null;
}

/** The usual document types (Decree 30, Phụ lục III); the officer may type another. */
export const DOC_TYPES = [
  'Kế hoạch',
  'Quyết định',
  'Báo cáo',
  'Công văn',
  'Thông báo',
  'Nghị quyết',
  'Chỉ thị',
  'Tờ trình',
  'Hướng dẫn',
  'Chương trình',
  'Quy chế',
  'Quy định',
  'Đề án',
  'Phương án',
  'Biên bản',
  'Giấy mời',
  'Công điện',
  'Thông tư',
  'Nghị định',
  'Luật',
] as const;

/** Document metadata (số, ký hiệu, ngày ban hành, cơ quan ban hành, trích yếu, kỳ áp dụng). */
export interface EvidenceMeta {
  /** "Kế hoạch", "Quyết định"…, or "" when unknown. */
  docType: string;
  /** "47" of "47/KH-UBND". */
  docNumber: string;
  /** "KH-UBND" of "47/KH-UBND". */
  docSymbol: string;
  /** ISO yyyy-mm-dd; shown as dd/mm/yyyy. */
  issueDate: string | null;
  /** Cơ quan ban hành, e.g. "UBND" or "UBND tỉnh Quảng Ninh". */
  issuer: string;
  /** Trích yếu. */
  summary: string;
  /** The period the document counts for: "2026", "6 tháng đầu năm 2026", "Quý I/2026". */
  period: string;
}

export type EvidenceMetaField = keyof EvidenceMeta;

/** Where a recognised value was read: the file name or the first page's text. */
export type SuggestionSource = 'name' | 'text';

/** Recognised metadata, offered to the officer; saved only when confirmed through update-meta. */
export type EvidenceMetaSuggestions = { [K in EvidenceMetaField]?: { value: EvidenceMeta[K]; from: SuggestionSource } };

/**
 * Whether the text could be indexed: ok; truncated (only the first part indexed); no-text (a scan
 * without a text layer); too-large (found by name and metadata only); unsupported (images, old
 * .doc…).
 */
export type EvidenceTextStatus = 'ok' | 'truncated' | 'no-text' | 'too-large' | 'unsupported';

export interface EvidenceLinkView extends EvidenceTarget {
  /** Which page or section of the file is the evidence ("trang 3, mục II"), or "". */
  location: string;
  createdAt: string;
}

export interface EvidenceFileView {
  id: number;
  sha256: string;
  size: number;
  /** NFC, safe on every OS (see the notices returned at upload). */
  originalName: string;
  mime: string;
  textStatus: EvidenceTextStatus;
  createdAt: string;
  meta: EvidenceMeta;
  /** False until the officer has confirmed (or typed) the metadata. */
  metaConfirmed: boolean;
  links: EvidenceLinkView[];
  /**
   * Where the CCHC plan names the file (its document, a task's result): "Kế hoạch CCHC năm 2026
   * (số 15/KH-SNV)". Such a file is in use like a linked one and cannot be deleted.
   */
  planUses?: string[];
}

export interface EvidenceFileDetail extends EvidenceFileView {
  /** Recognised from the name and the first page, recomputed on each call. */
  suggestions: EvidenceMetaSuggestions;
  /** Whether a preview can be shown inside the app (PDF or image, not too big). */
  previewable: boolean;
}

export interface UploadStarted {
  uploadId: string;
  /** The size of chunk to send (decoded): UPLOAD_SLICE_BYTES, never above UPLOAD_CHUNK_BYTES. */
  chunkBytes: number;
  /** The size of slice to send as one streamed request body (upload-bytes over HTTP). */
  streamBytes: number;
}

export interface UploadProgress {
  receivedBytes: number;
  size: number;
}

export interface LocalImportStarted {
  importId: string;
  /** The file's name as the officer sees it (before it is made safe). */
  name: string;
  size: number;
}

export type LocalImportStatus =
  | { state: 'copying'; doneBytes: number; size: number }
  | { state: 'done'; result: EvidenceAttachResult }
  | { state: 'failed'; message: string };

export interface EvidenceAttachResult {
  file: EvidenceFileDetail;
  /** True when the same content was already stored: nothing was copied, only links were added. */
  duplicate: boolean;
  /** Links that did not exist before this upload. */
  linksAdded: number;
  /** What was changed in the file name to make it safe (NFC, Windows-forbidden characters, length). */
  nameNotices: string[];
}

export interface EvidenceLinkResult {
  file: EvidenceFileView;
  linksAdded: number;
}

export interface EvidenceUnlinkResult {
  /** Links to this file that remain after the unlink. */
  remainingLinks: number;
  /** True when the file had no link left and was removed because the caller asked for it. */
  fileRemoved: boolean;
  /**
   * Set when removal was asked and the file had no link left, but an approved version names it
   * (so it is kept): "phiên bản 1 đã duyệt của hồ sơ tự đánh giá năm 2026".
   */
  keptFor?: string;
}

/** One piece of a search snippet; `match` pieces are the words found (render them highlighted). */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface EvidenceSearchHit {
  file: EvidenceFileView;
  /** Where the words were found: in the text, else the metadata or the name. */
  snippet: SnippetPart[];
}

export interface EvidenceSearchResult {
  query: string;
  hits: EvidenceSearchHit[];
  /** Every match, of which `hits` holds the best `limit`. */
  total: number;
}

export interface EvidenceFileRef {
  id: number;
  originalName: string;
  sha256: string;
  /** Number of targets the file supports: what a missing or altered file puts at risk. */
  linkCount: number;
}

export interface EvidenceVerifyReport {
  checkedFiles: number;
  checkedBytes: number;
  okFiles: number;
  missing: EvidenceFileRef[];
  /** Content no longer matches its SHA-256 (changed or damaged on disk). */
  altered: EvidenceFileRef[];
  checkedAt: string;
}

/** What start-up cleaned after an interrupted import (empty lists when nothing was left). */
export interface EvidenceRecoveryReport {
  ranAt: string;
  removedTempFiles: string[];
  removedOrphans: string[];
  clearedJournalEntries: number;
  abandonedUploads: number;
  /** Stored files without a row that no import journal named: moved (never deleted) to quarantineDir. */
  quarantined: string[];
  /** Relative to the data folder ("quarantine/2026-12-04T17-30-00-000Z"); null when nothing was moved. */
  quarantineDir: string | null;
  /** Hidden temp files and folders a killed export, backup or restore left (absolute paths), removed. */
  removedInterruptedWrites: string[];
}

export interface EvidenceStatus {
  fileCount: number;
  totalBytes: number;
  linkCount: number;
  lastRecovery: EvidenceRecoveryReport | null;
}

export interface EvidenceList {
  total: number;
  files: EvidenceFileView[];
}

/** What «Tài liệu kiểm chứng» filters by (see evidence/catalog). */
export interface EvidenceCatalogFilter {
  /** A dossier year the file is linked to, or the year it was issued. */
  year?: number | undefined;
  /** A document type; "" = not yet known. */
  docType?: string | undefined;
  linked?: 'linked' | 'unlinked' | undefined;
  /** Only files whose document facts still await the officer's confirmation. */
  unconfirmedOnly?: boolean | undefined;
  limit: number;
  offset: number;
}

export interface EvidenceCatalog extends EvidenceList {
  /** Years present (linked dossiers and issue dates), newest first: the year filter's choices. */
  years: number[];
  /** Document types present ("" for not yet known), in Vietnamese order. */
  docTypes: string[];
}

export interface EvidencePreview {
  fileId: number;
  name: string;
  mime: string;
  size: number;
  contentBase64: string;
}

/** The largest upload chunk accepted (decoded): 4 MiB keeps each request well under the browser host's limit. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/**
 * The chunk size upload-begin asks for. Each chunk crosses the transport as a base64 string the
 * garbage collector must reclaim; at 512 KiB the memory of a 2 GB upload stays flat (measured:
 * about +10 MB, against +80 MB with 4 MiB chunks), for a few thousand calls per gigabyte.
 */
export const UPLOAD_SLICE_BYTES = 512 * 1024;
/**
 * The largest request body one upload-bytes call may stream (main reads it into a few fixed 1 MiB
 * buffers as it arrives, so the size costs no memory). Big enough that the round trip between
 * two requests is a small part of the time, small enough for fine progress and a prompt stop:
 * measured in bench/upload.bench.ts (see ARCHITECTURE.md, «Browser upload»).
 */
export const UPLOAD_STREAM_BYTES = 32 * 1024 * 1024;
/** The biggest file accepted (a long scanned dossier may be several GB; the store streams it). */
export const MAX_EVIDENCE_BYTES = 16 * 1024 * 1024 * 1024;
/** The biggest file previewed inside the app. */
export const MAX_PREVIEW_BYTES = 20 * 1024 * 1024;
export const MAX_TARGETS_PER_CALL = 200;

const targetKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[\p{L}\p{N}:._\-/]+$/u, 'Mã mục được gắn tài liệu chỉ gồm chữ, số và các dấu : . _ - /.');

export const evidenceTargetSchema = z.strictObject({
  type: z.enum(EVIDENCE_TARGET_TYPES),
  key: targetKeySchema,
});

const linkTargetSchema = evidenceTargetSchema.extend({ location: typedText(z.string().trim().max(300)).optional() });
const targetsSchema = z.array(linkTargetSchema).max(MAX_TARGETS_PER_CALL);
const fileIdSchema = z.number().int().min(1);
const uploadIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'Mã phiên tải lên không hợp lệ.');
const grantSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'Mã cấp quyền đọc tệp không hợp lệ.');
/**
 * One chunk as raw bytes (evidence/upload-bytes): the browser host takes it as an
 * application/octet-stream body, Electron's IPC as a Uint8Array; no base64, no JSON around it.
 */
const chunkBytesSchema = z
  .instanceof(Uint8Array, { message: 'Phần tải lên phải là dữ liệu nhị phân.' })
  .refine((bytes) => bytes.length >= 1 && bytes.length <= UPLOAD_CHUNK_BYTES, 'Mỗi phần tải lên từ 1 byte đến 4 MiB.');
/** A streamed body (see StreamedBytes): the size it declares is checked here, what arrives by the reader. */
const streamedBytesSchema = z
  .instanceof(StreamedBytes, { message: 'Phần tải lên phải là dữ liệu nhị phân.' })
  .refine((bytes) => Number.isSafeInteger(bytes.size) && bytes.size >= 1 && bytes.size <= UPLOAD_STREAM_BYTES, 'Mỗi phần tải lên từ 1 byte đến 32 MiB.');
/** Base64 of one chunk: 4 MiB decodes from about 5.6 M characters. */
const chunkBase64Schema = z.base64().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4, 'Mỗi phần tải lên tối đa 4 MiB.');

export const evidenceMetaSchema = z.strictObject({
  docType: typedText(z.string().trim().max(100)),
  docNumber: typedText(z.string().trim().max(30)),
  docSymbol: typedText(z.string().trim().max(80)),
  issueDate: z.string().refine(isIsoDate, 'Ngày ban hành phải là ngày có thật (yyyy-mm-dd).').nullable(),
  issuer: typedText(z.string().trim().max(300)),
  summary: typedText(z.string().trim().max(2000)),
  period: typedText(z.string().trim().max(100)),
});

export const evidenceChannels = {
  /** Starts an upload; the name may be NFD or carry characters Windows forbids (it is made safe). */
  'evidence/upload-begin': channel<UploadStarted>()(
    z.strictObject({
      // Raw names are accepted long (they are shortened, with a notice) but not unbounded.
      name: z.string().min(1).max(1000),
      size: z.number().int().min(0).max(MAX_EVIDENCE_BYTES, 'Tệp quá lớn (tối đa 16 GB).'),
      targets: targetsSchema,
    }),
  ),
  'evidence/upload-chunk': channel<UploadProgress>()(
    z.strictObject({ uploadId: uploadIdSchema, index: z.number().int().min(0), dataBase64: chunkBase64Schema }),
  ),
  /**
   * The next chunk as raw bytes, at `offset` (the bytes received so far): what the window sends
   * (upload-chunk's base64 inside JSON cost a third more bytes and a decode per chunk).
   */
  'evidence/upload-bytes': channel<UploadProgress>()(
    z.strictObject({ uploadId: uploadIdSchema, offset: z.number().int().min(0), data: z.union([chunkBytesSchema, streamedBytesSchema]) }),
  ),
  'evidence/upload-finish': channel<EvidenceAttachResult>()(z.strictObject({ uploadId: uploadIdSchema })),
  'evidence/upload-cancel': channel<{ cancelled: boolean }>()(z.strictObject({ uploadId: uploadIdSchema })),
  /** Starts importing a file the desktop window was granted (see above); the import runs in main. */
  'evidence/local-import-begin': channel<LocalImportStarted>()(z.strictObject({ grant: grantSchema, targets: targetsSchema })),
  /** Progress, then the result once (the import is forgotten after reporting done or failed). */
  'evidence/local-import-status': channel<LocalImportStatus>()(z.strictObject({ importId: uploadIdSchema })),
  'evidence/local-import-cancel': channel<{ cancelled: boolean }>()(z.strictObject({ importId: uploadIdSchema })),

  /** Files linked to one target, newest link first. */
  'evidence/links': channel<EvidenceFileView[]>()(z.strictObject({ target: evidenceTargetSchema })),
  /** Links an already stored file to more targets (no copy); an existing link gets the new location. */
  'evidence/link': channel<EvidenceLinkResult>()(z.strictObject({ fileId: fileIdSchema, targets: targetsSchema.min(1) })),
  /** Removes one link; the file stays while any other link remains. */
  'evidence/unlink': channel<EvidenceUnlinkResult>()(
    z.strictObject({ fileId: fileIdSchema, target: evidenceTargetSchema, removeFileIfUnused: z.boolean().optional() }),
  ),
  /** Deletes a stored file that no longer supports anything; refused while a link remains. */
  'evidence/delete': channel<{ deleted: true }>()(z.strictObject({ fileId: fileIdSchema })),

  'evidence/list': channel<EvidenceList>()(
    z.strictObject({
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
      unlinkedOnly: z.boolean().optional(),
    }),
  ),
  'evidence/get': channel<EvidenceFileDetail>()(z.strictObject({ fileId: fileIdSchema })),
  /** Saves (and confirms) the metadata, typically the suggestions as the officer corrected them. */
  'evidence/update-meta': channel<EvidenceFileDetail>()(z.strictObject({ fileId: fileIdSchema, meta: evidenceMetaSchema })),

  /** Diacritics-insensitive search over names, metadata and text ("ke hoach" finds "Kế hoạch"). */
  'evidence/search': channel<EvidenceSearchResult>()(
    z.strictObject({
      query: z.string().trim().min(1, 'Hãy nhập từ cần tìm.').max(200),
      limit: z.number().int().min(1).max(100).default(20),
      targetType: z.enum(EVIDENCE_TARGET_TYPES).optional(),
    }),
  ),

  /** "Kiểm tra tài liệu": re-hashes every stored file. */
  'evidence/verify': channel<EvidenceVerifyReport>()(z.strictObject({})),
  'evidence/status': channel<EvidenceStatus>()(z.strictObject({})),

  /** The file's content for an in-app preview: PDFs and images up to MAX_PREVIEW_BYTES. */
  'evidence/preview': channel<EvidencePreview>()(z.strictObject({ fileId: fileIdSchema })),
  /** Opens the stored file with the system's viewer (only files inside the store). */
  'evidence/open': channel<{ opened: true }>()(z.strictObject({ fileId: fileIdSchema })),
  /** Every stored file, filtered by year, type, linked or not, unconfirmed (the evidence list page). */
  'evidence/catalog': channel<EvidenceCatalog>()(
    z.strictObject({
      year: z.number().int().min(2000).max(2100).optional(),
      docType: z.string().trim().max(100).optional(),
      linked: z.enum(['linked', 'unlinked']).optional(),
      unconfirmedOnly: z.boolean().optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  ),
  /** Shows the stored file, selected, in the system's file manager (for files «Mở» refuses: programs, scripts). */
  'evidence/show-in-folder': channel<{ shown: true }>()(z.strictObject({ fileId: fileIdSchema })),
};
