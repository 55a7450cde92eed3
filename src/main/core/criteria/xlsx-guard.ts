import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { formatBytesVi as formatBytes } from '../../../shared/text/vi';
import type { CriteriaError } from './criteria-error';

/**
 * Measures a workbook before exceljs sees it. exceljs inflates every part into memory and builds
 * an object per cell, per merged cell, per address a data validation or a defined name covers
 * and per column up to the last one declared, so a 2.3 MB file of blank cells once took 3.6 GB.
 * Here the zip's central directory is read and the sheets, shared strings and styles are streamed
 * through a counter (a few kilobytes at a time), and a workbook over any limit is refused with a
 * Vietnamese message naming it. A real criteria workbook (a few hundred criteria) is far below
 * every limit: the template of the sample set has about 1,300 cells, 500 shared strings and 7,000
 * validated addresses; a province set of 1,000 criteria would have about 22,000 cells.
 */

export interface WorkbookLimits {
  maxParts: number;
  /** Sum of the parts' uncompressed sizes: what exceljs holds in memory at once. */
  maxUncompressedBytes: number;
  maxRowsPerSheet: number;
  /** Cells and rich-text runs in all sheets. */
  maxCells: number;
  /** Addresses covered by merged ranges, data validations and defined names (each becomes objects). */
  maxRangeCells: number;
  /** Shared strings and their rich-text runs. */
  maxSharedStrings: number;
  /** Formats, fonts, fills, borders and cell styles. */
  maxStyles: number;
  /** The last column a <col> element may declare (Excel's own: XFD). */
  maxColumn: number;
}

export const WORKBOOK_LIMITS: WorkbookLimits = {
  maxParts: 300,
  maxUncompressedBytes: 24 * 1024 * 1024,
  maxRowsPerSheet: 5_000,
  // exceljs spends about 2 KB per cell read: 50,000 cells stay near 100 MB.
  maxCells: 50_000,
  maxRangeCells: 50_000,
  maxSharedStrings: 50_000,
  maxStyles: 20_000,
  maxColumn: 16_384,
};

/** The one message for a workbook over a limit: what was found, the limit, and what to do. */
/** What the workbook was meant to be, for the refusal: the criteria set's words by default. */
export interface WorkbookPurpose {
  noun: string;
  hint: string;
}

const CRITERIA_WORKBOOK: WorkbookPurpose = {
  noun: 'bộ chỉ số',
  hint: 'Hãy dùng mẫu do CCHC Desk tạo (Bộ chỉ số → Tải mẫu Excel) và chỉ giữ các sheet của bộ chỉ số.',
};

function tooBigFor(purpose: WorkbookPurpose) {
  return (what: string): CriteriaError[] => [{ where: '(tệp)', message: `Tệp Excel quá lớn để là ${purpose.noun}: ${what}. ${purpose.hint}` }];
}

const number = (n: number) => n.toLocaleString('vi-VN');

/** Null when the workbook is within every limit; otherwise the errors to show (nothing was parsed). */
export async function checkWorkbookSize(buffer: Buffer, limits: WorkbookLimits = WORKBOOK_LIMITS, purpose: WorkbookPurpose = CRITERIA_WORKBOOK): Promise<CriteriaError[] | null> {
  const tooBig = tooBigFor(purpose);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    return [{ where: '(tệp)', message: 'Không mở được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.' }];
  }
  try {
    if (zip.entryCount > limits.maxParts) return tooBig(`có ${number(zip.entryCount)} phần, tối đa ${number(limits.maxParts)}`);
    const parts: yauzl.Entry[] = [];
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      parts.push(entry);
    }
    if (total > limits.maxUncompressedBytes) {
      return tooBig(`giải nén ra ${formatBytes(total)} dữ liệu, tối đa ${formatBytes(limits.maxUncompressedBytes)}`);
    }
    const counts = new Counts();
    const book = await readBook(zip, parts);
    if (typeof book === 'string') return tooBig(book);
    counts.rangeCells += book.definedNameCells;
    if (counts.rangeCells > limits.maxRangeCells) return tooBig(rangeMessage(limits));
    for (const entry of parts) {
      const kind = partKind(entry.fileName);
      if (!kind) continue;
      const problem = await scanPart(zip, entry, kind, counts, limits, book.sheetNames.get(entry.fileName) ?? entry.fileName);
      if (problem) return tooBig(problem);
    }
    return null;
  } catch {
    return [{ where: '(tệp)', message: 'Không mở được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.' }];
  } finally {
    zip.close();
  }
}

type PartKind = 'sheet' | 'sharedStrings' | 'styles';

function partKind(name: string): PartKind | null {
  if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) return 'sheet';
  if (/^xl\/sharedStrings\.xml$/i.test(name)) return 'sharedStrings';
  if (/^xl\/styles\.xml$/i.test(name)) return 'styles';
  return null;
}

const MAX_BOOK_PART = 1024 * 1024;

/**
 * The workbook part and its relationships, read whole (each at most 1 MiB): the sheets' names as
 * the officer sees them (for the messages) and the cells defined names cover (exceljs makes an
 * object for each). Defined names keep their range as text: <definedName>'Tiêu chí'!$A$1:$B$9<…>.
 */
async function readBook(zip: yauzl.ZipFile, parts: readonly yauzl.Entry[]): Promise<{ sheetNames: Map<string, string>; definedNameCells: number } | string> {
  const text = async (name: string): Promise<string> => {
    const entry = parts.find((e) => e.fileName === name);
    if (!entry) return '';
    if (entry.uncompressedSize > MAX_BOOK_PART) throw Object.assign(new Error('part too big'), { part: name });
    const stream: Readable = await zip.openReadStreamPromise(entry);
    stream.on('error', () => undefined);
    const chunks: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  };
  let workbook: string;
  let rels: string;
  try {
    workbook = await text('xl/workbook.xml');
    rels = await text('xl/_rels/workbook.xml.rels');
  } catch (error) {
    const part = (error as { part?: string }).part;
    if (part) return `phần «${part}» lớn bất thường`;
    throw error;
  }
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const id = attribute(m[1]!, 'Id');
    const target = attribute(m[1]!, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheetNames = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const name = attribute(m[1]!, 'name');
    const target = targets.get(attribute(m[1]!, 'r:id') ?? '');
    if (name && target) sheetNames.set(target, name);
  }
  let definedNameCells = 0;
  for (const m of workbook.matchAll(/<(?:[\w.-]+:)?definedName\b[^>]*>([^<]*)</g)) {
    definedNameCells += areaOf(m[1]!.replace(/[^,]*!/g, '').replace(/,/g, ' '));
  }
  return { sheetNames, definedNameCells };
}

function rangeMessage(limits: WorkbookLimits): string {
  return `các vùng gộp ô, kiểm tra dữ liệu và tên vùng phủ hơn ${number(limits.maxRangeCells)} ô`;
}

class Counts {
  cells = 0;
  rangeCells = 0;
  sharedStrings = 0;
  styles = 0;
}

/** Tags that cost exceljs memory, with an optional namespace prefix ("x:row"). */
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c|r|mergeCell|dataValidation|col|si|xf|numFmt|font|fill|border|cellStyle|dxf)\b([^>]*)>/g;
/** A tag cut by a chunk boundary is carried over; a tag longer than this is not a spreadsheet. */
const MAX_CARRY = 1024 * 1024;

/** Streams one part through the counters; the first limit passed is returned as a message. */
async function scanPart(zip: yauzl.ZipFile, entry: yauzl.Entry, kind: PartKind, counts: Counts, limits: WorkbookLimits, sheet: string): Promise<string | null> {
  const stream: Readable = await zip.openReadStreamPromise(entry);
  stream.on('error', () => undefined);
  let rows = 0;
  let carry = '';
  const check = (): string | null => {
    if (rows > limits.maxRowsPerSheet) return `sheet «${sheet}» có hơn ${number(limits.maxRowsPerSheet)} dòng`;
    if (counts.cells > limits.maxCells) return `có hơn ${number(limits.maxCells)} ô dữ liệu`;
    if (counts.rangeCells > limits.maxRangeCells) return rangeMessage(limits);
    if (counts.sharedStrings > limits.maxSharedStrings) return `có hơn ${number(limits.maxSharedStrings)} chuỗi văn bản`;
    if (counts.styles > limits.maxStyles) return `có hơn ${number(limits.maxStyles)} định dạng`;
    return null;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = carry + chunk.toString('latin1');
      // Everything up to the last complete tag is counted; an unfinished tag waits for the next chunk.
      const open = text.lastIndexOf('<');
      const complete = open >= 0 && text.indexOf('>', open) < 0 ? open : text.length;
      carry = text.slice(complete);
      if (carry.length > MAX_CARRY) return `phần «${entry.fileName}» có thẻ XML dài bất thường`;
      const body = text.slice(0, complete);
      for (const match of body.matchAll(TAG)) {
        const tag = match[1]!;
        const attributes = match[2] ?? '';
        if (kind === 'sheet') {
          if (tag === 'row') rows += 1;
          else if (tag === 'c' || tag === 'r') counts.cells += 1;
          else if (tag === 'mergeCell') counts.rangeCells += areaOf(attribute(attributes, 'ref'));
          else if (tag === 'dataValidation') counts.rangeCells += areaOf(attribute(attributes, 'sqref'));
          else if (tag === 'col') {
            const max = Number(attribute(attributes, 'max') ?? 0);
            if (!(max <= limits.maxColumn)) return `sheet «${sheet}» khai báo cột thứ ${attribute(attributes, 'max')}, quá cột cuối cùng của Excel`;
          }
        } else if (kind === 'sharedStrings') {
          if (tag === 'si' || tag === 'r') counts.sharedStrings += 1;
        } else if (tag !== 'row' && tag !== 'c' && tag !== 'r' && tag !== 'si') {
          counts.styles += 1;
        }
      }
      const problem = check();
      if (problem) return problem;
    }
    return null;
  } finally {
    stream.destroy();
  }
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1];
}

/** Cells covered by "A1:B9 D4", "A:C" or "2:5" (absolute markers allowed); what is not a reference counts as one. */
export function areaOf(refs: string | undefined): number {
  if (!refs) return 0;
  let area = 0;
  for (const ref of refs.replace(/\$/g, '').trim().split(/\s+/)) {
    const [first, second] = ref.split(':');
    const a = partsOf(first ?? '');
    const b = second === undefined ? a : partsOf(second);
    if (!a || !b) {
      area += 1;
      continue;
    }
    // A whole column ("A:C") spans every row, a whole row ("2:5") every column.
    const rows = a.row && b.row ? Math.abs(b.row - a.row) + 1 : 1_048_576;
    const columns = a.column && b.column ? Math.abs(b.column - a.column) + 1 : 16_384;
    area += rows * columns;
  }
  return area;
}

/** "AB12" → column 28, row 12; a missing part is 0. */
function partsOf(ref: string): { column: number; row: number } | null {
  const m = /^([A-Za-z]{0,3})(\d{0,7})$/.exec(ref);
  if (!m || (!m[1] && !m[2])) return null;
  const column = m[1] ? [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
  return { column, row: m[2] ? Number(m[2]) : 0 };
}
