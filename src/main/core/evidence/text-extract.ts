import { open, readFile } from 'node:fs/promises';
import { AppError } from '../errors';
import type { FileKind } from './file-kind';

/**
 * Text for the search index, read from a file already in the store's temp folder. Parsers need
 * the whole file in memory, so only files up to MAX_PARSE_BYTES are parsed; bigger ones are kept
 * and found by name and metadata only.
 */
export const MAX_PARSE_BYTES = 32 * 1024 * 1024;
/** About 400 pages of text: enough for any report, bounded for the index. */
export const MAX_TEXT_CHARS = 1_000_000;
const TXT_READ_BYTES = 4 * 1024 * 1024;
/** How much of the opening text metadata is recognised from, at import and again later from the stored text. */
export const FIRST_PAGE_CHARS = 3000;

export type TextStatus = 'ok' | 'truncated' | 'no-text' | 'too-large' | 'unsupported';

export interface ExtractedText {
  status: TextStatus;
  /** NFC, capped at MAX_TEXT_CHARS. */
  text: string;
  /** The first page (PDF) or the opening of the document: what metadata is recognised from. */
  firstPage: string;
}

export async function extractText(file: string, kind: FileKind, size: number): Promise<ExtractedText> {
  if (kind === 'other') return { status: 'unsupported', text: '', firstPage: '' };
  if (kind === 'txt') return finish(await readTextFile(file, size), null);
  if (size > MAX_PARSE_BYTES) {
    // Not parsed, but a password-protected PDF is still refused: its trailer alone tells.
    if (kind === 'pdf') refuseEncryptedPdf(await readTail(file, size));
    return { status: 'too-large', text: '', firstPage: '' };
  }
  const data = await readFile(file);
  if (kind === 'pdf') {
    refuseEncryptedPdf(data.subarray(Math.max(0, data.length - PDF_TAIL_BYTES)));
    const pages = await readPdf(data);
    return finish(pages.join('\n\n'), pages[0] ?? '');
  }
  if (kind === 'docx') return finish(await readDocx(data), null);
  return finish(await readXlsx(data), null);
}

function finish(raw: string, firstPage: string | null): ExtractedText {
  // NUL bytes from broken text layers would end FTS5 tokens early; they carry no meaning.
  const text = raw.normalize('NFC').replaceAll('\u0000', '');
  const capped = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  const status: TextStatus = !capped.trim() ? 'no-text' : capped.length < text.length ? 'truncated' : 'ok';
  return { status, text: capped, firstPage: (firstPage ?? capped).normalize('NFC').slice(0, FIRST_PAGE_CHARS) };
}

const ENCRYPTED_PDF = 'Tệp PDF được đặt mật khẩu nên không đọc và kiểm chứng được; hãy gỡ mật khẩu (in ra PDF mới hoặc lưu bản không mật khẩu) rồi đính kèm lại.';
const BROKEN_PDF = 'Tệp PDF bị hỏng hoặc không đầy đủ, không mở được; hãy xuất lại tệp PDF rồi đính kèm lại.';

/** How much of a PDF's end is searched for the trailer's /Encrypt. */
const PDF_TAIL_BYTES = 64 * 1024;

/**
 * A password-protected PDF names its /Encrypt dictionary in the trailer, near the end of the
 * file: refused with a clear message before any parser sees it.
 */
function refuseEncryptedPdf(tail: Buffer): void {
  if (/\/Encrypt\s*\d+\s+\d+\s+R/.test(tail.toString('latin1'))) {
    throw new AppError('VALIDATION_FAILED', ENCRYPTED_PDF);
  }
}

/** The last PDF_TAIL_BYTES of a file too large to read whole. */
async function readTail(file: string, size: number): Promise<Buffer> {
  const tailSize = Math.min(size, PDF_TAIL_BYTES);
  const handle = await open(file, 'r');
  try {
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    return tail;
  } finally {
    await handle.close();
  }
}

// The parsers are loaded on first use: they are large, and a process that only imports
// unparsed files (the CLI with a 2 GB scan, the benchmark's memory check) never needs them.
async function readPdf(data: Buffer): Promise<string[]> {
  const { extractText: pdfText, getDocumentProxy } = await import('unpdf');
  try {
    const pdf = await getDocumentProxy(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), { verbosity: 0 });
    try {
      const { text } = await pdfText(pdf, { mergePages: false });
      return text;
    } finally {
      await pdf.loadingTask.destroy();
    }
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new AppError('VALIDATION_FAILED', ENCRYPTED_PDF, error);
    throw new AppError('VALIDATION_FAILED', BROKEN_PDF, error);
  }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return XML_ENTITIES[e.toLowerCase()] ?? '';
  });
}

/** Paragraphs of word/document.xml: the runs' <w:t> text, tabs and breaks kept as spaces/lines. */
export function docxXmlToText(xml: string): string {
  const paragraphs = xml.split(/<\/w:p>/);
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    let line = '';
    for (const m of paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
      line += m[1] !== undefined ? decodeXml(m[1]) : m[2] === 'tab' ? '\t' : '\n';
    }
    if (line.trim()) lines.push(line);
  }
  return lines.join('\n');
}

async function readDocx(data: Buffer): Promise<string> {
  const { default: JSZip } = await import('jszip');
  try {
    const zip = await JSZip.loadAsync(data);
    const doc = zip.file('word/document.xml');
    if (!doc) throw new Error('word/document.xml missing');
    return docxXmlToText(await doc.async('string'));
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', 'Tệp Word (.docx) bị hỏng, không mở được; hãy lưu lại tệp rồi đính kèm lại.', error);
  }
}

async function readXlsx(data: Buffer): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', 'Tệp Excel (.xlsx) bị hỏng, không mở được; hãy lưu lại tệp rồi đính kèm lại.', error);
  }
  const lines: string[] = [];
  let length = 0;
  for (const sheet of workbook.worksheets) {
    lines.push(sheet.name);
    sheet.eachRow((row) => {
      if (length > MAX_TEXT_CHARS) return;
      const cells: string[] = [];
      row.eachCell((cell) => {
        const text = cell.text?.trim();
        if (text) cells.push(text);
      });
      if (cells.length) {
        const line = cells.join('\t');
        lines.push(line);
        length += line.length;
      }
    });
  }
  return lines.join('\n');
}

/** UTF-8 (with or without BOM) or UTF-16 with a BOM; a non-UTF-8 file falls back to Windows-1258. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // A cut in the middle of a multi-byte character at the read limit is not a reason to give up on UTF-8.
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.max(0, bytes.length - 3)));
    } catch {
      return new TextDecoder('windows-1258').decode(bytes);
    }
  }
}

async function readTextFile(file: string, size: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    // No bigger than the file: a short note must not cost the whole read limit.
    const buffer = Buffer.alloc(Math.min(size, TXT_READ_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return decodeText(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
