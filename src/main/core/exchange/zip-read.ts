import { createHash } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { formatBytesVi as formatBytes } from '../../../shared/text/vi';
import type { ZipProblem } from '../../../shared/exchange/manifest';
import { writeFully } from '../direct-write';
import { checkLocalHeaders, collisionKey, directoryOffsetOf, fileFolderProblems, overlapFromDirectory, totalCapFor, totalProblem } from './zip-structure';

/**
 * Reads a zip nobody vouches for (a package from another unit, a backup from a USB stick). Every
 * entry in the central directory is checked before a single byte is inflated: names that escape
 * the folder, absolute paths, links, duplicates, a name that is both a file and a folder, too many
 * or too big entries, a total out of proportion to the archive, entries sharing data, and local
 * headers that disagree with the directory (zip-structure.ts) are refused with a Vietnamese
 * message naming the entry. Inflating then counts bytes and stops at each entry's declared size
 * (yauzl) and at the declared total (here).
 */

export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed entry. */
  maxEntryBytes: number;
  /** Sum of all uncompressed entries, whatever the archive's size. */
  maxTotalBytes: number;
  /**
   * The sum may also not exceed totalFloorBytes + maxTotalRatio × the archive's size: a 10 MB zip
   * never unpacks to more than about 250 MB, however its entries are cut.
   */
  maxTotalRatio: number;
  totalFloorBytes: number;
  /** Uncompressed/compressed above this is a bomb, for entries bigger than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** The manifest is read into memory, so it gets its own small cap. */
  maxManifestBytes: number;
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/**
 * Generous for real packages (thousands of scanned PDFs, a few GB), far below what a bomb needs.
 * Deflate peaks near 1032:1 on zeros, so 200:1 leaves room for text-heavy files and still catches
 * a bomb; entries under 1 MiB cannot do harm whatever their ratio.
 */
export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 4 * GiB,
  maxTotalBytes: 64 * GiB,
  maxTotalRatio: 20,
  totalFloorBytes: 48 * MiB,
  maxRatio: 200,
  ratioFloorBytes: 1 * MiB,
  maxManifestBytes: 16 * MiB,
};

export interface ZipEntryInfo {
  name: string;
  size: number;
  compressedSize: number;
  isDirectory: boolean;
  entry: yauzl.Entry;
  /** Where the data begins, from the local header checked when the zip was opened. */
  dataStart: number;
}

export interface OpenedZip {
  zip: yauzl.ZipFile;
  /** The zip's own path, to read stored entries directly in large chunks. */
  path: string;
  /** Two read buffers shared by every stored entry (allocated on first use). */
  buffers?: [Buffer, Buffer];
  entries: ZipEntryInfo[];
  /** The sum of the entries' declared sizes, within the cap: extraction never writes more. */
  declaredTotal: number;
  close(): void;
}

export type OpenZipResult = { ok: true; opened: OpenedZip } | { ok: false; problems: ZipProblem[] };

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

/** Opens the zip and checks its central directory; on any hostile entry nothing is read further. */
export async function openZipSafely(path: string, limits: ZipLimits = DEFAULT_LIMITS): Promise<OpenZipResult> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, decodeStrings: false, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, problems: [{ kind: 'corrupt', message: `Không tìm thấy tệp «${path}».` }] };
    if (code === 'EISDIR') return { ok: false, problems: [{ kind: 'corrupt', message: `«${path}» là thư mục, không phải tệp .zip.` }] };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, problems: [{ kind: 'corrupt', message: `Không có quyền đọc tệp «${path}».` }] };
    return { ok: false, problems: [corrupt(error)] };
  }
  const close = () => {
    if (zip.isOpen) zip.close();
  };
  if (zip.entryCount > limits.maxEntries) {
    close();
    return { ok: false, problems: [{ kind: 'hostile', message: `Gói có ${zip.entryCount} mục, vượt giới hạn ${limits.maxEntries}; không mở.` }] };
  }
  const directoryOffset = directoryOffsetOf(zip);
  const entries: ZipEntryInfo[] = [];
  const problems: ZipProblem[] = [];
  const seen = new Map<string, string>();
  let declaredTotal = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = decodeName(entry);
      const info: ZipEntryInfo = { name, size: entry.uncompressedSize, compressedSize: entry.compressedSize, isDirectory: name.endsWith('/'), entry, dataStart: -1 };
      const problem = checkEntry(info, limits);
      if (problem) {
        problems.push(problem);
        continue;
      }
      const key = collisionKey(name);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push({
          kind: 'hostile',
          entry: name,
          message:
            earlier === name
              ? `Mục «${name}» xuất hiện hai lần trong gói; không biết bản nào là thật nên không mở.`
              : `Mục «${name}» trùng tên với «${earlier}» (khác hoa/thường hoặc cách ghi dấu); trên Windows hai tệp này đè lên nhau nên không mở.`,
        });
        continue;
      }
      seen.set(key, name);
      declaredTotal += info.size;
      entries.push(info);
    }
  } catch (error) {
    close();
    return { ok: false, problems: [...problems, corrupt(error)] };
  }
  const refuse = (found: ZipProblem[]): OpenZipResult => {
    close();
    return { ok: false, problems: found };
  };
  const total = totalProblem(declaredTotal, totalCapFor(zip.fileSize, limits), zip.fileSize, limits);
  if (total) problems.push(total);
  problems.push(...fileFolderProblems(entries), ...overlapFromDirectory(entries, directoryOffset));
  if (problems.length > 0) return refuse(problems);
  let local: Awaited<ReturnType<typeof checkLocalHeaders>>;
  try {
    local = await checkLocalHeaders(path, entries, directoryOffset);
  } catch (error) {
    return refuse([corrupt(error)]);
  }
  if (local.problems.length > 0) return refuse(local.problems);
  for (const info of entries) info.dataStart = local.dataStarts.get(info.entry)!;
  return { ok: true, opened: { zip, path, entries, declaredTotal, close } };
}

/** UTF-8 when the entry says so (yazl always does), CP437 otherwise; backslashes kept to be refused. */
function decodeName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
}

function checkEntry(info: ZipEntryInfo, limits: ZipLimits): ZipProblem | null {
  const { name, entry } = info;
  const hostile = (message: string): ZipProblem => ({ kind: 'hostile', entry: name, message });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return hostile(`Tên mục «${JSON.stringify(name).slice(1, -1)}» có ký tự điều khiển; không mở gói.`);
  if (name.includes('\\')) return hostile(`Tên mục «${name}» dùng dấu «\\» (đường dẫn kiểu Windows), có thể thoát ra ngoài thư mục giải nén; không mở gói.`);
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return hostile(`Mục «${name}» là đường dẫn tuyệt đối (trỏ ra ngoài thư mục giải nén); không mở gói.`);
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return hostile(`Mục «${name}» chứa «..», sẽ ghi ra ngoài thư mục giải nén (zip slip); không mở gói.`);
  if (segments.some((s) => s === '' || s === '.')) return hostile(`Tên mục «${name}» không hợp lệ (đoạn đường dẫn rỗng hoặc «.»); không mở gói.`);
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK) return hostile(`Mục «${name}» là liên kết (symlink), có thể trỏ tới tệp ngoài gói; không mở gói.`);
  if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) return hostile(`Mục «${name}» không phải tệp thông thường (thiết bị, ống dẫn…); không mở gói.`);
  if (entry.isEncrypted()) return hostile(`Mục «${name}» được mã hoá bằng mật khẩu; gói nộp không dùng mã hoá nên không mở.`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return { kind: 'corrupt', entry: name, message: `Mục «${name}» dùng kiểu nén không hỗ trợ (mã ${entry.compressionMethod}).` };
  }
  if (info.size > limits.maxEntryBytes) {
    return hostile(`Mục «${name}» khai báo dung lượng ${formatBytes(info.size)}, vượt giới hạn ${formatBytes(limits.maxEntryBytes)} cho một tệp; không mở gói.`);
  }
  if (info.size > limits.ratioFloorBytes && info.size / Math.max(1, info.compressedSize) > limits.maxRatio) {
    return hostile(
      `Mục «${name}» nén ${formatBytes(info.compressedSize)} nhưng giải nén ra ${formatBytes(info.size)} (tỉ lệ trên ${limits.maxRatio}:1) — dấu hiệu «bom zip»; không mở gói.`,
    );
  }
  return null;
}

export interface EntryDigest {
  size: number;
  /** Null when the data was not read here (the writer's own check, see locateEntry). */
  sha256: string | null;
}

/**
 * Checks that an entry's local header is where the central directory says and that its data
 * lies inside the file, without reading the data: for a zip its writer has just read back.
 */
export async function locateEntry(opened: OpenedZip, info: ZipEntryInfo): Promise<EntryDigest> {
  await dataStartOf(opened, info);
  return { size: info.size, sha256: null };
}

/**
 * Where an entry's data begins (its local header was read and compared when the zip was opened),
 * once its data is seen to end inside the file.
 */
async function dataStartOf(opened: OpenedZip, info: ZipEntryInfo): Promise<number> {
  const fileDataStart = info.dataStart;
  if (fileDataStart + info.compressedSize > opened.zip.fileSize) throw new Error('unexpected EOF: entry data runs past the end of the file');
  return fileDataStart;
}

/**
 * Inflates one entry, hashing it and (when `target` is given) writing it there with fsync. Stops
 * past the entry's declared size (yauzl) or when `budget.left` runs out (the total cap).
 */
export async function digestEntry(
  opened: OpenedZip,
  info: ZipEntryInfo,
  budget: { left: number },
  options: { target?: string; onBytes?: (n: number) => void } = {},
): Promise<EntryDigest> {
  const chunks = info.entry.compressionMethod === 0 ? await storedChunks(opened, info) : await inflatedChunks(opened, info);
  const hash = createHash('sha256');
  let size = 0;
  const out = options.target ? await open(options.target, 'wx') : null;
  try {
    for await (const chunk of chunks) {
      size += chunk.length;
      budget.left -= chunk.length;
      if (budget.left < 0) throw Object.assign(new Error('total cap exceeded'), { cchcCap: true });
      hash.update(chunk);
      if (out) await writeFully(out, chunk);
      options.onBytes?.(chunk.length);
    }
    if (out) await out.sync();
  } finally {
    await out?.close();
  }
  return { sha256: hash.digest('hex'), size };
}

async function inflatedChunks(opened: OpenedZip, info: ZipEntryInfo): Promise<AsyncIterable<Buffer>> {
  const stream: Readable = await opened.zip.openReadStreamPromise(info.entry);
  // A bomb makes yauzl's size check fail on every chunk still inflating after the first; the
  // loop reading us stops at the first error, and the later ones must not crash the process.
  stream.on('error', () => undefined);
  return stream as AsyncIterable<Buffer>;
}

const STORED_CHUNK = 4 * 1024 * 1024;

/**
 * A stored (uncompressed) entry is a plain byte range of the zip: read it in 4 MiB chunks with
 * the next read in flight while this one is hashed, instead of yauzl's 64 KiB stream chunks
 * (which made verifying a 2 GB package twice as slow). yauzl still located and checked the range.
 */
async function storedChunks(opened: OpenedZip, info: ZipEntryInfo): Promise<AsyncIterable<Buffer>> {
  const fileDataStart = await dataStartOf(opened, info);
  const end = fileDataStart + info.compressedSize;
  const fh = await open(opened.path, 'r');
  return (async function* () {
    try {
      // Shared across entries: a fresh pair per entry meant fresh pages and GC work per file.
      const buffers = (opened.buffers ??= [Buffer.allocUnsafeSlow(STORED_CHUNK), Buffer.allocUnsafeSlow(STORED_CHUNK)]);
      let position = fileDataStart;
      let index = 0;
      const readAt = (buffer: Buffer, at: number) => fh.read(buffer, 0, Math.min(STORED_CHUNK, end - at), at);
      let reading = position < end ? readAt(buffers[0]!, position) : null;
      while (reading) {
        const { bytesRead } = await reading;
        if (bytesRead === 0) throw new Error('unexpected EOF while reading a stored entry');
        const chunk = buffers[index % 2]!.subarray(0, bytesRead);
        position += bytesRead;
        index += 1;
        reading = position < end ? readAt(buffers[index % 2]!, position) : null;
        reading?.catch(() => undefined);
        yield chunk;
      }
    } finally {
      await fh.close();
    }
  })();
}

/** Reads a small entry (the manifest) whole, within its cap. */
export async function readSmallEntry(opened: OpenedZip, info: ZipEntryInfo, maxBytes: number): Promise<Buffer> {
  if (info.size > maxBytes) throw Object.assign(new Error('manifest too big'), { cchcCap: true });
  const stream: Readable = await opened.zip.openReadStreamPromise(info.entry);
  stream.on('error', () => undefined);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      throw Object.assign(new Error('manifest too big'), { cchcCap: true });
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** Turns an error while inflating an entry into the problem the officer sees. */
export function entryReadProblem(name: string, error: unknown): ZipProblem {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { cchcCap?: boolean }).cchcCap) {
    return { kind: 'hostile', entry: name, message: `Mục «${name}» giải nén vượt giới hạn dung lượng — dấu hiệu «bom zip»; đã dừng giải nén.` };
  }
  if (/too many bytes/.test(message)) {
    return { kind: 'hostile', entry: name, message: `Mục «${name}» giải nén ra nhiều hơn dung lượng khai báo — dấu hiệu «bom zip»; đã dừng giải nén.` };
  }
  return { kind: 'corrupt', entry: name, message: `Mục «${name}» bị hỏng hoặc bị cắt cụt, không giải nén được.` };
}

function corrupt(error: unknown): ZipProblem {
  const message = error instanceof Error ? error.message : String(error);
  const truncated = /end of central directory|unexpected EOF|truncated|offset|out of range/i.test(message);
  return {
    kind: 'corrupt',
    message: truncated
      ? 'Tệp không đọc được như một gói zip: tệp bị cắt cụt (chép chưa hết) hoặc hỏng. Hãy chép lại gói từ bản gốc.'
      : 'Tệp không phải là gói zip hợp lệ hoặc đã bị hỏng.',
  };
}

/** Joins an entry name under a folder and insists the result stays inside it (belt and braces). */
export function targetInside(root: string, name: string): string {
  const target = resolve(root, ...name.split('/'));
  const rel = relative(resolve(root), target);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`entry escapes: ${name}`);
  return target;
}

export async function ensureParent(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
}
