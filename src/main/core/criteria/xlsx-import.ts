import ExcelJS from 'exceljs';
import { UNIT_TYPE_LABELS } from '../../../shared/profile-labels';
import { foldVietnamese, formatDateVi, parseDateVi } from '../../../shared/text/vi';
import { parentCode } from './codes';
import { formatPath, parsePath, type CriteriaError, type PathSegment, type ValidationResult } from './criteria-error';
import { wordCellErrors } from './issue-paths';
import { optionIdFromLabel } from './option-ids';
import { validateCriteriaSet } from './validate';
import { checkWorkbookSize } from './xlsx-guard';
import {
  ASSESSED_BY_LABELS,
  INFO_ROWS,
  INPUT_WORDS,
  ITEM_COLUMNS,
  ITEM_KIND_LABELS,
  listOf,
  lookupWord,
  NO,
  NOT_APPLICABLE_EFFECT_LABELS,
  parseNumberText,
  RULE_TYPE_LABELS,
  ROUNDING_WORDS,
  SHEETS,
  UNIT_TYPE_WORDS,
  YES,
  type InfoKey,
  type ItemColumnKey,
} from './xlsx-layout';
import { columnLetter } from '../xlsx-columns';
import { ITEM_CODE_PATTERN } from '../../../shared/criteria/format';
import { plainCellValue, type PlainCellValue } from '../xlsx-cells';

/**
 * Reads the Excel template back into a criteria set. Cell-level problems (a number that is not a
 * number, an unknown word) are reported at their cell; the set is then validated in full and each
 * validation error is mapped from its JSON path back to the cell it came from.
 */

type Raw = Record<string, unknown>;
type Plain = PlainCellValue;
const plain = plainCellValue;

/** A Date from Excel is a calendar day at UTC midnight; read it back without time-zone drift. */
function isoOfDate(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * A date cell as ISO: a Date, a dd/mm/yyyy text, or an Excel serial number (what a typed date
 * becomes in a cell without a date format). Null when it is none of these.
 */
function dateOf(v: Plain): string | null {
  if (v instanceof Date) return isoOfDate(v);
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 2958466) {
    return isoOfDate(new Date(Date.UTC(1899, 11, 30) + v * 86_400_000));
  }
  return typeof v === 'string' ? parseDateVi(v) : null;
}

function text(cell: ExcelJS.Cell): string {
  const v = plain(cell);
  if (v === null) return '';
  if (v instanceof Date) return formatDateVi(isoOfDate(v));
  if (typeof v === 'boolean') return v ? YES : NO;
  return String(v).replace(/\r\n?/g, '\n');
}

class Reader {
  readonly direct: CriteriaError[] = [];
  /** JSON path (of a field or an item) → the cell or row it was read from. */
  readonly infoCells = new Map<string, string>();
  readonly itemRows = new Map<string, number>();
  readonly bandRows = new Map<number, number>();
  itemColumns = new Map<ItemColumnKey, number>();
  /** Required columns the title row lacks: reported once, and their per-row errors left out. */
  readonly missingColumns = new Set<ItemColumnKey>();

  error(where: string, message: string): void {
    this.direct.push({ where, message });
  }

  number(cell: ExcelJS.Cell, where: string, subject: string): unknown {
    const v = plain(cell);
    if (v === null || v === '') return undefined;
    if (typeof v === 'number') return v;
    const n = parseNumberText(String(v));
    if (n !== null) return n;
    this.error(where, `${subject}: «${String(v).slice(0, 40)}» không phải là số (dùng dấu phẩy thập phân, ví dụ 2,5).`);
    return String(v);
  }

  yesNo(cell: ExcelJS.Cell, where: string, subject: string): boolean | string | undefined {
    const v = plain(cell);
    if (v === null || v === '') return undefined;
    if (typeof v === 'boolean') return v;
    const t = foldVietnamese(String(v).trim());
    if (t === foldVietnamese(YES) || t === 'x' || t === 'true') return true;
    if (t === foldVietnamese(NO) || t === 'false') return false;
    this.error(where, `${subject}: chỉ điền «${YES}» hoặc «${NO}» (đang là «${String(v).slice(0, 40)}»).`);
    return String(v);
  }

  date(cell: ExcelJS.Cell, where: string, subject: string): string | undefined {
    const v = plain(cell);
    if (v === null || v === '') return undefined;
    const iso = dateOf(v);
    if (iso) return iso;
    this.error(where, `${subject}: «${String(v).slice(0, 40)}» không phải ngày hợp lệ (dạng dd/mm/yyyy, ví dụ 31/01/2026).`);
    return String(v);
  }

  word<K extends string>(cell: ExcelJS.Cell, where: string, subject: string, map: Readonly<Record<K, string>>, extra?: Readonly<Record<K, string>>): string | undefined {
    const t = text(cell).trim();
    if (!t) return undefined;
    const found = lookupWord(map, t) ?? (extra ? lookupWord(extra, t) : undefined);
    if (found) return found;
    this.error(where, `${subject}: «${t.slice(0, 40)}» không hợp lệ; chọn một trong: ${listOf(map)}.`);
    return t;
  }

  readInfo(sheet: ExcelJS.Worksheet): Raw {
    const rows = new Map<InfoKey, number>();
    sheet.eachRow((row, r) => {
      const label = foldVietnamese(text(row.getCell(1)).trim());
      const found = INFO_ROWS.find((i) => foldVietnamese(i.label) === label || i.key.toLowerCase() === label);
      if (found && !rows.has(found.key)) rows.set(found.key, r);
    });
    for (const [key, r] of rows) this.infoCells.set(key, `${SHEETS.info}!B${r}`);
    const cell = (key: InfoKey) => {
      const r = rows.get(key);
      return r ? sheet.getCell(r, 2) : null;
    };
    const where = (key: InfoKey) => this.infoCells.get(key) ?? `${SHEETS.info}!A1`;
    const label = (key: InfoKey) => INFO_ROWS.find((i) => i.key === key)?.label ?? key;
    const raw: Raw = {};
    const put = (target: Raw, field: string, value: unknown) => {
      if (value !== undefined) target[field] = value;
    };
    const num = (key: InfoKey) => {
      const c = cell(key);
      return c ? this.number(c, where(key), label(key)) : undefined;
    };
    const str = (key: InfoKey) => {
      const c = cell(key);
      const t = c ? text(c) : '';
      return t === '' ? undefined : t;
    };
    const bool = (key: InfoKey) => {
      const c = cell(key);
      return c ? this.yesNo(c, where(key), label(key)) : undefined;
    };
    put(raw, 'formatVersion', num('formatVersion'));
    put(raw, 'id', str('id')?.trim());
    put(raw, 'name', str('name'));
    put(raw, 'year', num('year'));
    const unitCell = cell('unitType');
    if (unitCell) put(raw, 'unitType', this.word(unitCell, where('unitType'), label('unitType'), UNIT_TYPE_WORDS, UNIT_TYPE_LABELS));
    put(raw, 'version', num('version'));
    put(raw, 'isSample', bool('isSample'));
    const dateCell = cell('decision.date');
    const decision: Raw = {};
    put(decision, 'number', str('decision.number'));
    if (dateCell) put(decision, 'date', this.date(dateCell, where('decision.date'), label('decision.date')));
    put(decision, 'issuer', str('decision.issuer'));
    if (Object.keys(decision).length > 0) raw.decision = decision;
    const scale: Raw = {};
    put(scale, 'max', num('scale.max'));
    put(scale, 'allowAboveMax', bool('scale.allowAboveMax'));
    raw.scale = scale;
    const rounding = str('rounding')?.trim();
    if (rounding) put(raw, 'rounding', lookupWord(ROUNDING_WORDS, rounding) ?? rounding);
    const surveyPoints = num('survey.maxPoints');
    if (surveyPoints !== undefined) raw.survey = { maxPoints: surveyPoints };
    return raw;
  }

  readBands(sheet: ExcelJS.Worksheet): Raw[] {
    const bands: Raw[] = [];
    sheet.eachRow((row, r) => {
      if (r === 1) return;
      const name = text(row.getCell(1));
      const minCell = row.getCell(2);
      if (!name.trim() && plain(minCell) === null) return;
      const where = `${SHEETS.bands}!B${r}`;
      const band: Raw = { name };
      const min = plain(minCell);
      // "80%" typed as text is as good as 80.
      const value = typeof min === 'string' && parseNumberText(min.replace('%', '')) !== null ? parseNumberText(min.replace('%', '')) : this.number(minCell, where, `Xếp loại «${name.trim()}» — Từ (% trở lên)`);
      if (value !== undefined) band.minPercent = value;
      this.bandRows.set(bands.length, r);
      bands.push(band);
    });
    return bands;
  }

  readItems(sheet: ExcelJS.Worksheet): Raw[] {
    sheet.getRow(1).eachCell((cell, c) => {
      const header = foldVietnamese(text(cell).trim());
      const found = ITEM_COLUMNS.find((col) => foldVietnamese(col.header) === header || col.key.toLowerCase() === header);
      if (found && !this.itemColumns.has(found.key)) this.itemColumns.set(found.key, c);
    });
    for (const required of ['code', 'title', 'maxPoints'] as const) {
      if (!this.itemColumns.has(required)) {
        const header = ITEM_COLUMNS.find((c) => c.key === required)?.header;
        this.missingColumns.add(required);
        this.error(`${SHEETS.items}!A1`, `Trang «${SHEETS.items}» thiếu cột «${header}» ở dòng tiêu đề; mọi tiêu chí cần cột này. Hãy thêm lại cột (xem mẫu Excel tải từ ứng dụng).`);
      }
    }
    // Without codes no row can be placed: one error for the column, not one per row.
    if (this.missingColumns.has('code')) return [];
    const domains: Raw[] = [];
    const byCode = new Map<string, { item: Raw; path: string }>();
    sheet.eachRow((row, r) => {
      if (r === 1) return;
      const item = this.readItemRow(row, r);
      if (!item) return;
      const code = String(item.code);
      const parent = parentCode(code);
      let path: string;
      if (parent === null) {
        path = formatPath(['domains', domains.length]);
        domains.push(item);
      } else {
        const owner = byCode.get(parent);
        if (!owner) {
          this.error(this.at('code', r), `Tiêu chí ${code} không có tiêu chí cha ${parent} ở các dòng phía trên; hãy thêm dòng ${parent} hoặc sửa mã.`);
          return;
        }
        const children = owner.item.children as Raw[];
        path = `${owner.path}.children[${children.length}]`;
        children.push(item);
      }
      if (!byCode.has(code)) byCode.set(code, { item, path });
      this.itemRows.set(path, r);
    });
    return domains;
  }

  at(key: ItemColumnKey, r: number): string {
    const c = this.itemColumns.get(key) ?? ITEM_COLUMNS.findIndex((col) => col.key === key) + 1;
    return `${SHEETS.items}!${columnLetter(c - 1)}${r}`;
  }

  private readItemRow(row: ExcelJS.Row, r: number): Raw | null {
    const cell = (key: ItemColumnKey) => {
      const c = this.itemColumns.get(key);
      return c ? row.getCell(c) : null;
    };
    const t = (key: ItemColumnKey) => {
      const c = cell(key);
      return c ? text(c) : '';
    };
    if (ITEM_COLUMNS.every((col) => t(col.key).trim() === '')) return null;
    const code = t('code').trim();
    if (!code) {
      this.error(this.at('code', r), `Dòng ${r} có nội dung nhưng thiếu mã tiêu chí.`);
      return null;
    }
    if (!ITEM_CODE_PATTERN.test(code)) {
      this.error(this.at('code', r), `Mã tiêu chí «${code.slice(0, 40)}» không hợp lệ (dạng 1, 1.2 hoặc 1.2.3).`);
      return null;
    }
    const subject = (key: ItemColumnKey) => `Tiêu chí ${code} — ${ITEM_COLUMNS.find((c) => c.key === key)?.header}`;
    const num = (key: ItemColumnKey) => {
      const c = cell(key);
      return c ? this.number(c, this.at(key, r), subject(key)) : undefined;
    };
    const word = <K extends string>(key: ItemColumnKey, map: Readonly<Record<K, string>>) => {
      const c = cell(key);
      return c ? this.word(c, this.at(key, r), subject(key), map) : undefined;
    };
    const item: Raw = { code, title: t('title') };
    const put = (target: Raw, field: string, value: unknown) => {
      if (value !== undefined && value !== '') target[field] = value;
    };
    put(item, 'kind', word('kind', ITEM_KIND_LABELS));
    put(item, 'maxPoints', num('maxPoints'));
    put(item, 'assessedBy', word('assessedBy', ASSESSED_BY_LABELS));
    put(item, 'guidance', t('guidance'));
    put(item, 'evidenceRequired', t('evidenceRequired'));
    const naCell = cell('naAllowed');
    const allowed = naCell ? this.yesNo(naCell, this.at('naAllowed', r), subject('naAllowed')) : undefined;
    if (allowed !== undefined) {
      const na: Raw = { allowed };
      put(na, 'effect', word('naEffect', NOT_APPLICABLE_EFFECT_LABELS));
      item.notApplicable = na;
    }
    const declared: Raw = {};
    put(declared, 'criteria', num('declaredCriteria'));
    put(declared, 'subCriteria', num('declaredSubCriteria'));
    if (Object.keys(declared).length > 0) item.declaredCounts = declared;
    const surveyPoints = num('surveyPoints');
    if (surveyPoints !== undefined) item.survey = { maxPoints: surveyPoints };
    const ruleType = word('ruleType', RULE_TYPE_LABELS);
    if (ruleType !== undefined) item.scoring = this.readRule(ruleType, code, r, { cell: (c) => row.getCell(c), t, num, word });
    item.children = [];
    return item;
  }

  private readRule(
    type: string,
    code: string,
    r: number,
    get: {
      cell: (column: number) => ExcelJS.Cell;
      t: (key: ItemColumnKey) => string;
      num: (key: ItemColumnKey) => unknown;
      word: <K extends string>(key: ItemColumnKey, map: Readonly<Record<K, string>>) => string | undefined;
    },
  ): Raw {
    const rule: Raw = { type };
    const put = (field: string, value: unknown) => {
      if (value !== undefined && value !== '') rule[field] = value;
    };
    const label = (key: ItemColumnKey) => get.t(key).trim() || undefined;
    switch (type) {
      case 'yes-no':
        put('yesPoints', get.num('passPoints'));
        put('noPoints', get.num('failPoints'));
        break;
      case 'choice':
        rule.options = this.readOptions(get.t('options'), code, r);
        break;
      case 'percent':
        put('input', get.word('input', INPUT_WORDS) ?? 'direct');
        put('numeratorLabel', label('numeratorLabel'));
        put('denominatorLabel', label('denominatorLabel'));
        put('mode', get.word('mode', { thresholds: 'Theo ngưỡng', proportional: 'Tỷ lệ thuận' }));
        put('thresholds', this.readThresholds(get.t('thresholds'), 'minPercent', code, r));
        break;
      case 'count':
        put('unitLabel', label('unitLabel'));
        put('mode', get.word('mode', { thresholds: 'Theo ngưỡng', 'per-unit': 'Theo đơn vị' }));
        put('thresholds', this.readThresholds(get.t('thresholds'), 'min', code, r));
        put('pointsEach', get.num('pointsEach'));
        break;
      case 'deadline': {
        const c = this.itemColumns.get('deadline');
        if (c) put('deadline', this.date(get.cell(c), this.at('deadline', r), `Tiêu chí ${code} — Hạn`));
        put('onTimePoints', get.num('passPoints'));
        put('latePoints', get.num('failPoints'));
        put('missingPoints', get.num('missingPoints'));
        break;
      }
      default:
        break;
    }
    return rule;
  }

  private readOptions(cellText: string, code: string, r: number): Raw[] {
    const where = this.at('options', r);
    const parts = cellText.split(/[;\n]/).map((p) => p.trim()).filter(Boolean);
    const parsed: { id?: string; label: string; points: unknown }[] = [];
    for (const part of parts) {
      const m = /^(?:\[([^\]]*)\]\s*)?(.*)=\s*([^=]*)$/s.exec(part);
      const points = m ? parseNumberText(m[3] ?? '') : null;
      if (!m || points === null || !(m[2] ?? '').trim()) {
        this.error(where, `Tiêu chí ${code} — Các mức lựa chọn: «${part.slice(0, 60)}» phải có dạng Nội dung=điểm (ví dụ: Thực hiện tốt=2,5).`);
        continue;
      }
      parsed.push({ ...(m[1] !== undefined ? { id: m[1].trim() } : {}), label: (m[2] ?? '').trim(), points });
    }
    const taken = new Set(parsed.flatMap((p) => (p.id ? [p.id] : [])));
    return parsed.map((p) => {
      if (p.id !== undefined) return { id: p.id, label: p.label, points: p.points };
      const id = optionIdFromLabel(p.label, taken);
      taken.add(id);
      return { id, label: p.label, points: p.points };
    });
  }

  private readThresholds(cellText: string, key: 'minPercent' | 'min', code: string, r: number): Raw[] | undefined {
    const parts = cellText.split(/[;\n]/).map((p) => p.trim()).filter(Boolean);
    if (parts.length === 0) return undefined;
    const out: Raw[] = [];
    for (const part of parts) {
      const m = /^(?:≥|>=|từ)?\s*([\d.,]+)\s*%?\s*(?:trở lên)?\s*[=:]\s*([\d.,]+)$/iu.exec(part);
      const at = m ? parseNumberText(m[1] ?? '') : null;
      const points = m ? parseNumberText(m[2] ?? '') : null;
      if (at === null || points === null) {
        const example = key === 'minPercent' ? '≥100%=2; ≥80%=1' : '≥3=1; ≥1=0,5';
        this.error(this.at('thresholds', r), `Tiêu chí ${code} — Ngưỡng: «${part.slice(0, 60)}» không đúng dạng (ví dụ: ${example}).`);
        continue;
      }
      out.push({ [key]: at, points });
    }
    return out;
  }

  /** True when a validation error is only the echo of a missing column (already said once). */
  echoesMissingColumn(where: string): boolean {
    if (this.missingColumns.size === 0) return false;
    const path = parsePath(where);
    if (path[0] !== 'domains') return false;
    // "the domains fall short of the scale" only because no points could be read.
    if (path.length === 1) return this.missingColumns.has('code') || this.missingColumns.has('maxPoints');
    let end = 0;
    while (path[end] === (end === 0 ? 'domains' : 'children') && typeof path[end + 1] === 'number') end += 2;
    return this.missingColumns.has(columnForField(path.slice(end)));
  }

  /** The title-row name of a column, as the author sees it ("Điểm tối đa"), for errors in words. */
  headerOf(sheet: string, letter: string): string | undefined {
    if (sheet === SHEETS.items) {
      for (const [key, c] of this.itemColumns) if (columnLetter(c - 1) === letter) return ITEM_COLUMNS.find((col) => col.key === key)?.header;
      return undefined;
    }
    if (sheet === SHEETS.info) return letter === 'A' ? 'Thông tin' : letter === 'B' ? 'Giá trị' : undefined;
    if (sheet === SHEETS.bands) return letter === 'A' ? 'Xếp loại' : letter === 'B' ? 'Từ (% trở lên)' : undefined;
    return undefined;
  }

  /** Maps a validation error's JSON path back to the cell it came from. */
  cellFor(where: string): string {
    const path = parsePath(where);
    const head = path[0];
    if (head === 'domains') return this.itemCell(path);
    if (head === 'bands') {
      const i = path[1];
      if (typeof i !== 'number') return `${SHEETS.bands}!A1`;
      const r = this.bandRows.get(i);
      return r ? `${SHEETS.bands}!${path[2] === 'minPercent' ? 'B' : 'A'}${r}` : `${SHEETS.bands}!A1`;
    }
    if (head === 'survey') return this.infoCells.get('survey.maxPoints') ?? `${SHEETS.info}!A1`;
    if (head === 'decision' || head === 'scale') {
      const key = path.length > 1 ? `${head}.${String(path[1])}` : head === 'decision' ? 'decision.number' : 'scale.max';
      return this.infoCells.get(key) ?? `${SHEETS.info}!A1`;
    }
    if (typeof head === 'string') return this.infoCells.get(head) ?? `${SHEETS.info}!A1`;
    return `${SHEETS.info}!A1`;
  }

  private itemCell(path: PathSegment[]): string {
    let end = 0;
    while (path[end] === (end === 0 ? 'domains' : 'children') && typeof path[end + 1] === 'number') end += 2;
    const r = this.itemRows.get(formatPath(path.slice(0, end)));
    if (r === undefined) return `${SHEETS.items}!A1`;
    return this.at(columnForField(path.slice(end)), r);
  }
}

function columnForField(rest: PathSegment[]): ItemColumnKey {
  const [field, sub] = rest;
  switch (field) {
    case undefined:
    case 'code':
    case 'children':
      return 'code';
    case 'title':
    case 'kind':
    case 'maxPoints':
    case 'assessedBy':
    case 'guidance':
    case 'evidenceRequired':
      return field;
    case 'notApplicable':
      return sub === 'effect' ? 'naEffect' : 'naAllowed';
    case 'declaredCounts':
      return sub === 'subCriteria' ? 'declaredSubCriteria' : 'declaredCriteria';
    case 'survey':
      return 'surveyPoints';
    case 'scoring':
      switch (sub) {
        case 'mode':
        case 'input':
        case 'numeratorLabel':
        case 'denominatorLabel':
        case 'unitLabel':
        case 'options':
        case 'thresholds':
        case 'pointsEach':
        case 'deadline':
        case 'missingPoints':
          return sub;
        case 'yesPoints':
        case 'onTimePoints':
          return 'passPoints';
        case 'noPoints':
        case 'latePoints':
          return 'failPoints';
        default:
          return 'ruleType';
      }
    default:
      return 'code';
  }
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((s) => foldVietnamese(s.name.trim()) === foldVietnamese(name));
}

/** Sheet order, then row, then column: the order an author reads the workbook in. */
function compareCells(a: CriteriaError, b: CriteriaError): number {
  const parse = (w: string) => {
    const m = /^(.*)!([A-Z]+)(\d+)$/.exec(w);
    const sheets = Object.values(SHEETS) as string[];
    return m ? { sheet: sheets.indexOf(m[1] ?? ''), col: (m[2] ?? '').padStart(3, ' '), row: Number(m[3]) } : { sheet: -1, col: '', row: 0 };
  };
  const x = parse(a.where);
  const y = parse(b.where);
  return x.sheet - y.sheet || x.row - y.row || x.col.localeCompare(y.col);
}

export async function readSetWorkbook(buffer: Buffer): Promise<ValidationResult> {
  // Measured before exceljs builds anything: its memory grows with cells, not with file size.
  const tooBig = await checkWorkbookSize(buffer);
  if (tooBig) return { ok: false, errors: tooBig };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, errors: [{ where: '(tệp)', message: 'Không mở được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.' }] };
  }
  const reader = new Reader();
  const missing = [SHEETS.info, SHEETS.items, SHEETS.bands].filter((name) => !findSheet(workbook, name));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map((name) => ({ where: `Trang «${name}»`, ref: `${name}!A1`, message: `Tệp Excel thiếu sheet (trang) «${name}». Hãy dùng mẫu do CCHC Desk tạo (Bộ chỉ số → Tải mẫu Excel).` })),
    };
  }
  const raw = reader.readInfo(findSheet(workbook, SHEETS.info)!);
  raw.bands = reader.readBands(findSheet(workbook, SHEETS.bands)!);
  raw.domains = reader.readItems(findSheet(workbook, SHEETS.items)!);

  const result = validateCriteriaSet(raw);
  const directCells = new Set(reader.direct.map((e) => e.where));
  const mapped = result.ok
    ? []
    : result.errors
        .filter((e) => !reader.echoesMissingColumn(e.where))
        .map((e) => ({ where: reader.cellFor(e.where), message: e.message }))
        .filter((e) => !directCells.has(e.where));
  const errors = [...reader.direct, ...mapped].sort(compareCells);
  // Sorted by cell first; then each cell in words ("Trang «Tiêu chí», dòng 5, cột «Điểm tối đa»").
  const inWords = (found: typeof errors) => wordCellErrors(found, (sheet, letter) => reader.headerOf(sheet, letter));
  if (errors.length > 0) return { ok: false, errors: inWords(errors) };
  // Warnings point at the cell they came from, in words, like errors do.
  return result.ok ? { ...result, warnings: inWords(result.warnings.map((w) => ({ where: reader.cellFor(w.where), message: w.message }))) } : result;
}
