import ExcelJS from 'exceljs';
import type { CriteriaItem, CriteriaSet, Rule } from '../../../shared/criteria/format';
import { formatDateVi } from '../../../shared/text/vi';
import { optionIdsFromLabels } from './option-ids';
import {
  ASSESSED_BY_LABELS,
  INFO_ROWS,
  INPUT_WORDS,
  ITEM_COLUMNS,
  ITEM_KIND_LABELS,
  MODE_WORDS,
  NO,
  NOT_APPLICABLE_EFFECT_LABELS,
  numberText,
  RULE_TYPE_LABELS,
  SHEETS,
  UNIT_TYPE_WORDS,
  YES,
  type InfoKey,
  type ItemColumnKey,
  ROUNDING_WORDS,
} from './xlsx-layout';
import { columnLetter } from '../xlsx-columns';

/** Writes a criteria set (or, with none, the blank template) as the Excel workbook provinces fill. */

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const DOMAIN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const TEMPLATE_ROWS = 1000;

type CellValue = string | number | null;

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function listValidation(words: readonly string[], prompt: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${words.join(',')}"`],
    showErrorMessage: true,
    errorTitle: 'Giá trị không hợp lệ',
    error: `Chọn một trong: ${words.join(', ')}`,
    showInputMessage: true,
    prompt,
  };
}

function validations(sheet: ExcelJS.Worksheet): DataValidations {
  // exceljs supports range validations at run time but its typings omit the collection.
  return (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = HEADER_FONT;
  row.fill = HEADER_FILL;
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = 32;
}

function thresholdsText(rule: Rule): CellValue {
  if (rule.type === 'percent' && rule.thresholds) return rule.thresholds.map((t) => `≥${numberText(t.minPercent)}%=${numberText(t.points)}`).join('; ') || null;
  if (rule.type === 'count' && rule.thresholds) return rule.thresholds.map((t) => `≥${numberText(t.min)}=${numberText(t.points)}`).join('; ') || null;
  return null;
}

function optionsText(rule: Rule): CellValue {
  if (rule.type !== 'choice') return null;
  // Ids are written only when they differ from what the reader would derive from the labels.
  const derived = optionIdsFromLabels(rule.options.map((o) => o.label));
  const explicit = rule.options.some((o, i) => o.id !== derived[i]);
  return rule.options.map((o) => `${explicit ? `[${o.id}] ` : ''}${o.label}=${numberText(o.points)}`).join('; ');
}

function ruleCells(rule: Rule | undefined): Partial<Record<ItemColumnKey, CellValue>> {
  if (!rule) return {};
  const base: Partial<Record<ItemColumnKey, CellValue>> = { ruleType: RULE_TYPE_LABELS[rule.type] };
  switch (rule.type) {
    case 'yes-no':
      return { ...base, passPoints: rule.yesPoints ?? null, failPoints: rule.noPoints };
    case 'choice':
      return { ...base, options: optionsText(rule) };
    case 'percent':
      return {
        ...base,
        mode: MODE_WORDS.percent[rule.mode],
        input: INPUT_WORDS[rule.input],
        numeratorLabel: rule.numeratorLabel ?? null,
        denominatorLabel: rule.denominatorLabel ?? null,
        thresholds: thresholdsText(rule),
      };
    case 'count':
      return { ...base, mode: MODE_WORDS.count[rule.mode], unitLabel: rule.unitLabel ?? null, thresholds: thresholdsText(rule), pointsEach: rule.pointsEach ?? null };
    case 'deadline':
      return { ...base, deadline: formatDateVi(rule.deadline), passPoints: rule.onTimePoints ?? null, failPoints: rule.latePoints, missingPoints: rule.missingPoints };
    case 'manual':
      return base;
  }
}

function itemCells(item: CriteriaItem): Partial<Record<ItemColumnKey, CellValue>> {
  return {
    code: item.code,
    title: item.title,
    kind: ITEM_KIND_LABELS[item.kind],
    maxPoints: item.maxPoints,
    assessedBy: ASSESSED_BY_LABELS[item.assessedBy],
    ...ruleCells(item.scoring),
    naAllowed: item.notApplicable ? (item.notApplicable.allowed ? YES : NO) : null,
    naEffect: item.notApplicable ? NOT_APPLICABLE_EFFECT_LABELS[item.notApplicable.effect] : null,
    guidance: item.guidance || null,
    evidenceRequired: item.evidenceRequired || null,
    declaredCriteria: item.declaredCounts?.criteria ?? null,
    declaredSubCriteria: item.declaredCounts?.subCriteria ?? null,
    surveyPoints: item.survey?.maxPoints ?? null,
  };
}

function infoValues(set: CriteriaSet | null): Record<InfoKey, CellValue> {
  return {
    formatVersion: set?.formatVersion ?? 1,
    id: set?.id ?? null,
    name: set?.name ?? null,
    year: set?.year ?? null,
    unitType: set ? UNIT_TYPE_WORDS[set.unitType] : null,
    version: set?.version ?? 1,
    isSample: set?.isSample ? YES : NO,
    'decision.number': set?.decision?.number ?? null,
    'decision.date': set?.decision ? formatDateVi(set.decision.date) : null,
    'decision.issuer': set?.decision?.issuer ?? null,
    'scale.max': set?.scale.max ?? 100,
    'scale.allowAboveMax': set?.scale.allowAboveMax ? YES : NO,
    // Blank when the set does not say, so JSON → Excel → JSON gives back the same content.
    rounding: set?.rounding ? ROUNDING_WORDS[set.rounding] : null,
    'survey.maxPoints': set?.survey?.maxPoints ?? null,
  };
}

function writeInfo(workbook: ExcelJS.Workbook, set: CriteriaSet | null): void {
  const sheet = workbook.addWorksheet(SHEETS.info);
  sheet.columns = [
    { header: 'Thông tin', width: 34 },
    { header: 'Giá trị', width: 70 },
  ];
  styleHeader(sheet.getRow(1));
  const values = infoValues(set);
  INFO_ROWS.forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = r.label;
    row.getCell(1).font = { bold: true };
    const cell = row.getCell(2);
    cell.value = values[r.key];
    // Dates and codes stay text so Excel does not reformat them.
    if (r.key === 'decision.date' || r.key === 'id') cell.numFmt = '@';
  });
  const rowOf = (key: InfoKey) => INFO_ROWS.findIndex((r) => r.key === key) + 2;
  const dv = validations(sheet);
  dv.add(`B${rowOf('unitType')}`, listValidation(Object.values(UNIT_TYPE_WORDS), 'Loại đơn vị được đánh giá bằng bộ chỉ số này.'));
  for (const key of ['isSample', 'scale.allowAboveMax'] as const) dv.add(`B${rowOf(key)}`, listValidation([YES, NO], 'Có hoặc Không.'));
  dv.add(`B${rowOf('rounding')}`, listValidation(Object.values(ROUNDING_WORDS), 'Làm tròn hoặc Cắt bỏ (2 chữ số thập phân).'));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function writeItems(workbook: ExcelJS.Workbook, set: CriteriaSet | null): void {
  const sheet = workbook.addWorksheet(SHEETS.items);
  sheet.columns = ITEM_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  styleHeader(sheet.getRow(1));
  const write = (item: CriteriaItem, depth: number) => {
    const row = sheet.addRow(itemCells(item));
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell('title').alignment = { vertical: 'top', wrapText: true, indent: depth * 2 };
    row.getCell('code').numFmt = '@';
    if (depth === 0) {
      row.font = { bold: true };
      row.fill = DOMAIN_FILL;
    }
    for (const child of item.children) write(child, depth + 1);
  };
  // Text format keeps "1.10" from becoming the number 1.1 when an author types it.
  sheet.getColumn('code').numFmt = '@';
  for (const domain of set?.domains ?? []) write(domain, 0);

  const col = (key: ItemColumnKey) => columnLetter(ITEM_COLUMNS.findIndex((c) => c.key === key));
  const range = (key: ItemColumnKey) => `${col(key)}2:${col(key)}${TEMPLATE_ROWS}`;
  const dv = validations(sheet);
  dv.add(range('kind'), listValidation(Object.values(ITEM_KIND_LABELS), 'thường: cộng điểm; thưởng: cộng tối đa bằng điểm tối đa; trừ: trừ tối đa bằng điểm tối đa.'));
  dv.add(range('assessedBy'), listValidation(Object.values(ASSESSED_BY_LABELS), 'Chỉ tiêu chí «tự chấm» được đơn vị chấm điểm.'));
  dv.add(range('ruleType'), listValidation(Object.values(RULE_TYPE_LABELS), 'Chỉ điền ở tiêu chí không có tiêu chí con.'));
  dv.add(range('mode'), listValidation(['Theo ngưỡng', 'Tỷ lệ thuận', 'Theo đơn vị'], 'Tỷ lệ %: Theo ngưỡng hoặc Tỷ lệ thuận; Số lượng: Theo ngưỡng hoặc Theo đơn vị.'));
  dv.add(range('input'), listValidation(Object.values(INPUT_WORDS), 'Đơn vị nhập thẳng tỷ lệ %, hay nhập tử số và mẫu số.'));
  dv.add(range('naAllowed'), listValidation([YES, NO], 'Tiêu chí có được chọn «Không áp dụng» không.'));
  dv.add(range('naEffect'), listValidation(Object.values(NOT_APPLICABLE_EFFECT_LABELS), 'Khi chọn KAD: bỏ khỏi điểm tối đa, hay tính đủ điểm.'));
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  sheet.autoFilter = { from: 'A1', to: `${columnLetter(ITEM_COLUMNS.length - 1)}1` };
}

const DEFAULT_BANDS = [
  { name: 'Tốt', minPercent: 80 },
  { name: 'Khá', minPercent: 65 },
  { name: 'Trung bình', minPercent: 50 },
  { name: 'Yếu', minPercent: 0 },
];

function writeBands(workbook: ExcelJS.Workbook, set: CriteriaSet | null): void {
  const sheet = workbook.addWorksheet(SHEETS.bands);
  sheet.columns = [
    { header: 'Xếp loại', width: 20 },
    { header: 'Từ (% trở lên)', width: 16 },
  ];
  styleHeader(sheet.getRow(1));
  for (const band of set?.bands ?? DEFAULT_BANDS) sheet.addRow([band.name, band.minPercent]);
}

const HELP_LINES = [
  'CÁCH ĐIỀN MẪU BỘ CHỈ SỐ CCHC',
  '',
  '1. Sheet «Thông tin»: mã bộ chỉ số (chữ thường không dấu, chữ số, dấu gạch ngang, ví dụ: qn-so-2026), tên, năm áp dụng, loại đơn vị, quyết định ban hành (nếu có), điểm tối đa của thang điểm (thường là 100).',
  '2. Sheet «Tiêu chí»: mỗi dòng một lĩnh vực, tiêu chí hoặc tiêu chí thành phần, theo đúng thứ tự của quyết định.',
  '   - Mã: 1, 2… cho lĩnh vực; 1.1, 1.2… cho tiêu chí; 1.1.1… cho tiêu chí thành phần. Tiêu chí con phải nằm ngay dưới tiêu chí cha.',
  '   - Điểm tối đa: số, dấu phẩy thập phân (ví dụ 2,5). Tổng điểm tối đa các lĩnh vực loại «thường» phải bằng điểm tối đa của thang điểm.',
  '   - Loại: «thường»; «thưởng» (điểm cộng, tối đa bằng điểm tối đa của lĩnh vực); «trừ» (điểm trừ, tối đa bằng điểm tối đa của lĩnh vực). Thường khai báo ở lĩnh vực; một tiêu chí con cũng có thể là «thưởng» hoặc «trừ» bên trong nội dung loại khác (tính riêng vào điểm thưởng/điểm trừ, không tính vào điểm của tiêu chí cha).',
  '   - Người chấm: «tự chấm»; «thẩm định» hoặc «điều tra XHH» cho tiêu chí đơn vị không tự chấm (không cần cách tính điểm).',
  '   - Cách tính điểm: chỉ điền ở tiêu chí không có tiêu chí con:',
  '       Có/Không: đạt được «Điểm khi Có» (để trống = điểm tối đa), không đạt được «Điểm khi Không» (để trống = 0).',
  '       Chọn mức: «Các mức lựa chọn» dạng: Thực hiện tốt=2,5; Đầy đủ=2; Chưa đầy đủ=1; Không thực hiện=0',
  '       Tỷ lệ %: «Cách nhập tỷ lệ» (Nhập tỷ lệ % hoặc Tử số/Mẫu số); «Chế độ tính» Theo ngưỡng (cột «Ngưỡng» dạng ≥100%=2; ≥80%=1, từ cao xuống thấp) hoặc Tỷ lệ thuận (điểm = điểm tối đa × tỷ lệ).',
  '       Số lượng: «Chế độ tính» Theo ngưỡng (≥3=1; ≥1=0,5) hoặc Theo đơn vị («Điểm mỗi đơn vị», tổng không vượt điểm tối đa).',
  '       Thời hạn: «Hạn» dạng dd/mm/yyyy; hoàn thành đến hết ngày hạn được «Điểm khi đúng hạn» (trống = tối đa), sau hạn được «Điểm khi trễ hạn», không thực hiện được «Điểm khi không thực hiện».',
  '       Tự nhập điểm: đơn vị tự nhập điểm từ 0 đến điểm tối đa và phải giải trình.',
  '   - Cho phép KAD: «Có» nếu tiêu chí được chọn «Không áp dụng»; «Khi KAD»: «Loại khỏi điểm tối đa» hoặc «Tính đủ điểm».',
  '   - Hướng dẫn, TLKC yêu cầu: cách chấm và tài liệu kiểm chứng cần có.',
  '   - Số TC / Số TCTP theo quyết định (chỉ ở dòng lĩnh vực, không bắt buộc): số tiêu chí và tiêu chí thành phần quyết định ghi cho lĩnh vực; nếu khác nội dung đã điền, ứng dụng cảnh báo (vẫn nhập được).',
  '   - Điểm XHH của lĩnh vực (chỉ ở dòng lĩnh vực, không bắt buộc): phần điểm tối đa của lĩnh vực đánh giá qua điều tra XHH mà không liệt kê tiêu chí XHH riêng; không dùng cùng tiêu chí «điều tra XHH» trong lĩnh vực đó. Phần XHH chung của cả bộ (ngoài các lĩnh vực) điền ở sheet «Thông tin».',
  '3. Sheet «Xếp loại»: tên xếp loại và tỷ lệ % tối thiểu, sắp từ cao xuống thấp; phải có một xếp loại từ 0%.',
  '4. Lưu tệp .xlsx rồi nhập vào CCHC Desk (Bộ chỉ số → Nhập). Ứng dụng báo mọi lỗi kèm ô cần sửa (ví dụ: Tiêu chí!D14) và không lưu gì cho đến khi hết lỗi.',
];

function writeHelp(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(SHEETS.help);
  sheet.getColumn(1).width = 140;
  HELP_LINES.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
}

async function build(set: CriteriaSet | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CCHC Desk';
  // A fixed date keeps the same set producing the same file.
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = workbook.created;
  writeInfo(workbook, set);
  writeItems(workbook, set);
  writeBands(workbook, set);
  writeHelp(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function writeSetWorkbook(set: CriteriaSet): Promise<Buffer> {
  return build(set);
}

export function writeBlankWorkbook(): Promise<Buffer> {
  return build(null);
}
