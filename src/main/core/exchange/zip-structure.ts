import { open, type FileHandle } from 'node:fs/promises';
import yauzl from 'yauzl';
import { formatBytesVi as formatBytes } from '../../../shared/text/vi';
import type { ZipProblem } from '../../../shared/exchange/manifest';

/**
 * Checks of a zip's layout that no single entry shows, all made before a byte is inflated:
 *
 * - the total declared size against a cap that grows with the archive: thousands of small entries
 *   of zeros each pass the per-entry ratio (under 1 MiB), yet together inflate to gigabytes;
 * - entries whose data overlaps (many central-directory entries pointing into one block of data:
 *   each "file" is the same compressed bytes, so a few kilobytes inflate once per entry);
 * - each local header against its central-directory entry: a different name, method or size there
 *   means another unzip tool would extract something other than what was checked here;
 * - a name used both as a file and as a folder ("a/b" and "a/b/c"): on disk one of them fails or
 *   replaces the other, depending on the order and the tool.
 */

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_FIXED = 30;
const ZIP64_MARKER = 0xffffffff;
const DATA_DESCRIPTOR_FLAG = 0x8;

/** What these checks need to know of an entry (a subset of ZipEntryInfo). */
export interface LaidOutEntry {
  name: string;
  size: number;
  compressedSize: number;
  isDirectory: boolean;
  entry: yauzl.Entry;
}

export interface TotalCap {
  bytes: number;
  /** True when the archive's own size set the cap, not the absolute limit. */
  fromArchive: boolean;
}

/**
 * At most `floor + ratio × archive size`, and never over the absolute limit: real packages are
 * mostly PDFs, scans and Office files that deflate barely at all, and the backup's database
 * rarely beyond 5:1, while a bomb needs hundreds to one.
 */
export function totalCapFor(archiveBytes: number, limits: { maxTotalBytes: number; totalFloorBytes: number; maxTotalRatio: number }): TotalCap {
  const derived = limits.totalFloorBytes + archiveBytes * limits.maxTotalRatio;
  return derived < limits.maxTotalBytes ? { bytes: derived, fromArchive: true } : { bytes: limits.maxTotalBytes, fromArchive: false };
}

export function totalProblem(declared: number, cap: TotalCap, archiveBytes: number, limits: { totalFloorBytes: number; maxTotalRatio: number }): ZipProblem | null {
  if (declared <= cap.bytes) return null;
  const why = cap.fromArchive
    ? ` (gói ${formatBytes(archiveBytes)} chỉ được giải nén ra tối đa ${formatBytes(limits.totalFloorBytes)} cộng ${limits.maxTotalRatio} lần dung lượng gói)`
    : '';
  return {
    kind: 'hostile',
    message: `Tổng dung lượng sau giải nén (${formatBytes(declared)}) vượt giới hạn ${formatBytes(cap.bytes)}${why}; có thể là «bom zip», không mở.`,
  };
}

/** Case, Unicode form and a trailing "/" ignored: what collides on Windows and macOS. */
export function collisionKey(name: string): string {
  return name.replace(/\/$/, '').normalize('NFC').toLowerCase();
}

/** "a/b" as a file while "a/b/c" (or "a/b/") makes "a/b" a folder. */
export function fileFolderProblems(entries: readonly LaidOutEntry[]): ZipProblem[] {
  const folders = new Set<string>();
  for (const e of entries) {
    const segments = collisionKey(e.name).split('/');
    const last = e.isDirectory ? segments.length : segments.length - 1;
    for (let i = 1; i <= last; i += 1) folders.add(segments.slice(0, i).join('/'));
  }
  const problems: ZipProblem[] = [];
  for (const e of entries) {
    if (e.isDirectory || !folders.has(collisionKey(e.name))) continue;
    problems.push({
      kind: 'hostile',
      entry: e.name,
      message: `«${e.name}» vừa là tệp vừa là thư mục trong gói; khi giải nén một trong hai sẽ bị bỏ hoặc bị đè nên không mở.`,
    });
  }
  return problems;
}

/**
 * From the central directory alone: two entries whose local headers start at the same offset, or
 * one whose header and data (at their smallest) run into the next entry's header, share bytes.
 */
export function overlapFromDirectory(entries: readonly LaidOutEntry[], directoryOffset: number): ZipProblem[] {
  const sorted = [...entries].sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader);
  const problems: ZipProblem[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    const e = sorted[i]!;
    const minEnd = e.entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_FIXED + (e.entry.fileName as unknown as Buffer).length + e.compressedSize;
    const nextStart = sorted[i + 1]?.entry.relativeOffsetOfLocalHeader ?? directoryOffset;
    if (minEnd > nextStart) problems.push(overlapProblem(e, sorted[i + 1]));
  }
  return limitOverlapProblems(problems);
}

function overlapProblem(e: LaidOutEntry, next: LaidOutEntry | undefined): ZipProblem {
  return {
    kind: 'hostile',
    entry: e.name,
    message: next
      ? `Dữ liệu của mục «${e.name}» chồng lên mục «${next.name}» (các mục dùng chung một khối dữ liệu) — dấu hiệu «bom zip»; không mở gói.`
      : `Dữ liệu của mục «${e.name}» chồng lên danh mục của gói — gói bị sửa hoặc là «bom zip»; không mở gói.`,
  };
}

/** Thousands of entries sharing one block would each be listed: a few say enough. */
function limitOverlapProblems(problems: ZipProblem[]): ZipProblem[] {
  const SHOWN = 5;
  if (problems.length <= SHOWN) return problems;
  return [...problems.slice(0, SHOWN), { kind: 'hostile', message: `… và ${problems.length - SHOWN} mục khác cũng dùng chung dữ liệu.` }];
}

/** Where each entry's data starts, read from its local header (entry → offset of its data). */
export type DataStarts = Map<yauzl.Entry, number>;

/**
 * Reads every local header (in file order, one read each) and compares it with the central
 * directory: signature, name, method and (when the header carries them) sizes. Then checks the
 * exact data ranges do not overlap. Returns the data start of each entry for the reader.
 */
export async function checkLocalHeaders(
  path: string,
  entries: readonly LaidOutEntry[],
  directoryOffset: number,
): Promise<{ problems: ZipProblem[]; dataStarts: DataStarts }> {
  const sorted = [...entries].sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader);
  const problems: ZipProblem[] = [];
  const dataStarts: DataStarts = new Map();
  const fh = await open(path, 'r');
  try {
    for (const e of sorted) {
      const found = await readLocalHeader(fh, e);
      if (typeof found === 'string') {
        problems.push({ kind: 'hostile', entry: e.name, message: found });
        continue;
      }
      dataStarts.set(e.entry, found);
    }
  } finally {
    await fh.close();
  }
  if (problems.length > 0) return { problems: problems.slice(0, 20), dataStarts };
  const overlaps: ZipProblem[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    const e = sorted[i]!;
    const end = dataStarts.get(e.entry)! + e.compressedSize;
    const nextStart = sorted[i + 1]?.entry.relativeOffsetOfLocalHeader ?? directoryOffset;
    if (end > nextStart) overlaps.push(overlapProblem(e, sorted[i + 1]));
  }
  return { problems: limitOverlapProblems(overlaps), dataStarts };
}

/** The entry's data start, or what is wrong with its local header (a Vietnamese message). */
async function readLocalHeader(fh: FileHandle, e: LaidOutEntry): Promise<number | string> {
  const centralName = e.entry.fileName as unknown as Buffer;
  const offset = e.entry.relativeOffsetOfLocalHeader;
  let buffer = Buffer.alloc(LOCAL_HEADER_FIXED + centralName.length + 256);
  let { bytesRead } = await fh.read(buffer, 0, buffer.length, offset);
  if (bytesRead < LOCAL_HEADER_FIXED || buffer.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) {
    return `Không tìm thấy phần đầu của mục «${e.name}» ở vị trí danh mục của gói ghi; gói bị sửa hoặc hỏng, không mở.`;
  }
  const flags = buffer.readUInt16LE(6);
  const method = buffer.readUInt16LE(8);
  const compressedSize = buffer.readUInt32LE(18);
  const size = buffer.readUInt32LE(22);
  const nameLength = buffer.readUInt16LE(26);
  const extraLength = buffer.readUInt16LE(28);
  const headerLength = LOCAL_HEADER_FIXED + nameLength + extraLength;
  if (headerLength > bytesRead) {
    buffer = Buffer.alloc(headerLength);
    ({ bytesRead } = await fh.read(buffer, 0, headerLength, offset));
    if (bytesRead < headerLength) return `Phần đầu của mục «${e.name}» bị cắt cụt; gói hỏng, không mở.`;
  }
  const localName = buffer.subarray(LOCAL_HEADER_FIXED, LOCAL_HEADER_FIXED + nameLength);
  const localExtra = parseExtraFields(buffer.subarray(LOCAL_HEADER_FIXED + nameLength, headerLength));
  // Decoded with the directory's flags: writers disagree on repeating the UTF-8 flag locally, but a
  // Unicode Path field (0x7075) in the local header names the file for tools that read it.
  const decoded = localExtra ? yauzl.getFileNameLowLevel(e.entry.generalPurposeBitFlag, localName, localExtra, true) : null;
  if (!localName.equals(centralName) || decoded !== e.name) {
    const shown = decoded ?? localName.toString('utf8');
    return `Mục «${e.name}» mang tên «${shown}» ở phần đầu của chính nó: hai tên khác nhau, công cụ giải nén khác sẽ ghi ra tệp khác với tệp đã kiểm tra; không mở gói.`;
  }
  if (method !== e.entry.compressionMethod) {
    return `Mục «${e.name}» ghi hai kiểu nén khác nhau (danh mục và phần đầu của mục); gói bị sửa, không mở.`;
  }
  // Sizes in the local header are only meaningful without a data descriptor and outside zip64.
  const sizesHere = (flags & DATA_DESCRIPTOR_FLAG) === 0;
  const differs = (local: number, central: number) => sizesHere && local !== ZIP64_MARKER && local !== central;
  if (differs(compressedSize, e.compressedSize) || differs(size, e.size)) {
    return `Mục «${e.name}» ghi hai dung lượng khác nhau (danh mục và phần đầu của mục); gói bị sửa, không mở.`;
  }
  return offset + headerLength;
}

/** The extra fields as yauzl reads them; null when they do not parse (a malformed header). */
function parseExtraFields(raw: Buffer): { id: number; data: Buffer }[] | null {
  const fields: { id: number; data: Buffer }[] = [];
  let at = 0;
  while (at + 4 <= raw.length) {
    const id = raw.readUInt16LE(at);
    const length = raw.readUInt16LE(at + 2);
    if (at + 4 + length > raw.length) return null;
    fields.push({ id, data: raw.subarray(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return fields;
}

export function directoryOffsetOf(zip: yauzl.ZipFile): number {
  // yauzl keeps the central directory's offset as its first read cursor; read before any entry.
  const cursor = (zip as unknown as { readEntryCursor?: unknown }).readEntryCursor;
  return typeof cursor === 'number' ? cursor : zip.fileSize;
}
