import type { CriteriaError, PathSegment } from './criteria-error';
import { parsePath } from './criteria-error';
import { FIELD_LABELS, SET_FIELD_LABELS } from './zod-messages';

/**
 * Where a problem is, in the words of the person who wrote the file: "Lĩnh vực 1 «Công tác chỉ
 * đạo…» → tiêu chí 1.2 → Điểm tối đa" rather than `domains[0].children[1].maxPoints`, and
 * "Trang «Tiêu chí», dòng 5, cột «Điểm tối đa»" rather than `Tiêu chí!D5`. The exact reference
 * stays in `ref`, for scripts and tests.
 */

const SEPARATOR = ' → ';
const TITLE_CHARS = 40;

/** A JSON path of a criteria set, read against the set itself, in words. */
export function jsonPathInWords(raw: unknown, path: readonly PathSegment[]): string {
  if (path.length === 0) return 'Toàn bộ tệp';
  const parts: string[] = [];
  let node: unknown = raw;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const next = path[i + 1];
    const child = childOf(node, segment);
    if (typeof segment === 'number') {
      // Indexes are worded together with their list name (below); a bare index is a position.
      if (!isListName(path[i - 1])) parts.push(`mục thứ ${segment + 1}`);
      node = child;
      continue;
    }
    if (typeof next === 'number' && isListName(segment)) {
      parts.push(listEntryInWords(segment, next, childOf(child, next)));
    } else if (i === 0 && path.length === 1 && SET_FIELD_LABELS[segment]) {
      parts.push(SET_FIELD_LABELS[segment]);
    } else {
      parts.push(FIELD_LABELS[segment] ?? segment);
    }
    node = child;
  }
  return parts.join(SEPARATOR);
}

const LISTS = ['domains', 'children', 'bands', 'options', 'thresholds'] as const;
type ListName = (typeof LISTS)[number];

function isListName(segment: PathSegment | undefined): segment is ListName {
  return typeof segment === 'string' && (LISTS as readonly string[]).includes(segment);
}

/** One entry of a list: its code or name when it has one, else its position (1-based). */
function listEntryInWords(list: ListName, index: number, entry: unknown): string {
  const position = index + 1;
  const code = textField(entry, 'code');
  switch (list) {
    case 'domains': {
      const title = textField(entry, 'title');
      return `Lĩnh vực ${code ?? `thứ ${position} (chưa có mã)`}${title ? ` «${shorten(title)}»` : ''}`;
    }
    case 'children':
      return code ? `tiêu chí ${code}` : `tiêu chí con thứ ${position} (chưa có mã)`;
    case 'bands': {
      const name = textField(entry, 'name');
      return `Xếp loại thứ ${position}${name ? ` «${shorten(name)}»` : ''}`;
    }
    case 'options': {
      const label = textField(entry, 'label');
      return `mức lựa chọn thứ ${position}${label ? ` «${shorten(label)}»` : ''}`;
    }
    case 'thresholds':
      return `ngưỡng thứ ${position}`;
  }
}

function childOf(node: unknown, segment: PathSegment): unknown {
  if (node === null || typeof node !== 'object') return undefined;
  return (node as Record<string | number, unknown>)[segment];
}

function textField(node: unknown, key: string): string | null {
  const value = childOf(node, key);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= TITLE_CHARS) return flat;
  // Cut at a word: "…cải cách hàn…" reads as a typo.
  const cut = flat.slice(0, TITLE_CHARS + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_CHARS / 2 ? cut.slice(0, space) : cut.slice(0, TITLE_CHARS)).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * The errors of a criteria set read from JSON, their `where` in words; the JSON path moves to
 * `ref`. A `where` that is not a path (a line and column, "(tệp)") is kept as it is.
 */
export function wordJsonErrors(raw: unknown, errors: readonly CriteriaError[]): CriteriaError[] {
  return errors.map((e) => {
    if (/^dòng \d+, cột \d+$/.test(e.where) || e.where === '(tệp)') return e;
    const path = e.where === '(gốc)' ? [] : parsePath(e.where);
    const where = jsonPathInWords(raw, path);
    return { where, message: withoutRepeatedItem(e.message, where), ref: e.where };
  });
}

/**
 * "Tiêu chí 2.2 — Điểm tối đa: phải là số" after "… → tiêu chí 2.2 → Điểm tối đa" says the place
 * twice: the words already name the item and the field, so the message keeps only what is wrong.
 */
function withoutRepeatedItem(message: string, where: string): string {
  const field = where.split(SEPARATOR).at(-1);
  if (field && message.startsWith(`${field}: `)) return capitalised(message.slice(field.length + 2));
  const m = /^Tiêu chí (\S+?)(?: — [^:]+)?: (.+)$/su.exec(message);
  if (!m) return message;
  const code = m[1]!;
  const named = where.includes(`tiêu chí ${code} `) || where.endsWith(`tiêu chí ${code}`) || where.startsWith(`Lĩnh vực ${code} `);
  if (!named) return message;
  return capitalised(m[2]!);
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** "Tiêu chí!D14" → sheet, column letters and row; null when it is not a cell reference. */
export function parseCellRef(ref: string): { sheet: string; column: string; row: number } | null {
  const m = /^(.*)!([A-Z]{1,3})(\d+)$/.exec(ref);
  return m ? { sheet: m[1]!, column: m[2]!, row: Number(m[3]) } : null;
}

/**
 * A cell reference in words: "Trang «Tiêu chí», dòng 5, cột «Điểm tối đa»". `header` names the
 * column as the sheet's title row does; without one, the column letter is given. Row 1 is the
 * title row, except on `untitledSheets` (label/value sheets that start with data).
 */
export function cellInWords(ref: string, header?: HeaderOf, untitledSheets: readonly string[] = []): string {
  const cell = parseCellRef(ref);
  if (!cell) return ref;
  // The title row: its column letter, since the error is about what the title says.
  if (cell.row === 1 && !untitledSheets.includes(cell.sheet)) return `Trang «${cell.sheet}», dòng tiêu đề (dòng 1)${cell.column === 'A' ? '' : `, cột ${cell.column}`}`;
  const name = header?.(cell.sheet, cell.column);
  return `Trang «${cell.sheet}», dòng ${cell.row}, cột ${name ? `«${name}»` : cell.column}`;
}

/** Errors whose `where` is a cell reference, worded; the reference moves to `ref`. */
export function wordCellErrors(errors: readonly CriteriaError[], header?: HeaderOf, untitledSheets: readonly string[] = []): CriteriaError[] {
  return errors.map((e) => (parseCellRef(e.where) ? { where: cellInWords(e.where, header, untitledSheets), message: e.message, ref: e.where } : e));
}

/** A column's name as its sheet's title row gives it; undefined to fall back to the letter. */
export type HeaderOf = (sheet: string, column: string) => string | undefined;

/**
 * V8's JSON.parse reasons, in Vietnamese and in terms of what to type: the first pattern that
 * matches wins. A reason not listed falls back to the usual suspects.
 */
const JSON_REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/Expected ',' or '}' after property value/, () => 'thiếu dấu phẩy «,» giữa hai trường, hoặc thiếu dấu «}» đóng đối tượng'],
  [/Expected ',' or ']' after array element/, () => 'thiếu dấu phẩy «,» giữa hai phần tử, hoặc thiếu dấu «]» đóng danh sách'],
  [/Expected double-quoted property name/, () => 'tên trường phải đặt trong nháy kép "…" (hoặc thừa dấu phẩy trước «}»)'],
  [/Expected ':' after property name/, () => 'thiếu dấu hai chấm «:» sau tên trường'],
  [/Expected property name or '}'/, () => 'cần tên trường trong nháy kép "…" hoặc dấu «}»'],
  [/Unterminated string/, () => 'chuỗi chưa có nháy kép đóng'],
  [/Bad control character in string literal/, () => 'chuỗi có ký tự xuống dòng hoặc tab viết trực tiếp; hãy viết \\n hoặc \\t'],
  [/Bad (Unicode )?escape/i, () => 'ký tự sau dấu «\\» không hợp lệ'],
  [/Unexpected end of JSON input/, () => 'tệp kết thúc giữa chừng (thiếu dấu «}» hoặc «]» đóng)'],
  [/Unexpected non-whitespace character after JSON/, () => 'còn nội dung sau khi đối tượng JSON đã đóng'],
  [/No number after minus sign|Exponent part is missing|Unterminated fractional number/, () => 'số viết sai (dùng dấu chấm thập phân, ví dụ 2.5)'],
  [/Unexpected token '(.+?)'/, (m) => `ký tự «${m[1]}» không đúng chỗ (thiếu hoặc thừa dấu phẩy, ngoặc, nháy kép…)`],
];

/** "Lỗi cú pháp JSON ở dòng 12, cột 5: thiếu dấu phẩy …" from a JSON.parse error. */
export function jsonSyntaxMessage(at: { line: number; column: number } | null, error: unknown): string {
  const reason = jsonSyntaxReason(error);
  return at ? `Lỗi cú pháp JSON ở dòng ${at.line}, cột ${at.column}: ${reason}.` : `Lỗi cú pháp JSON: ${reason}.`;
}

function jsonSyntaxReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, say] of JSON_REASONS) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return 'thiếu hoặc thừa dấu phẩy, ngoặc, nháy kép…';
}
