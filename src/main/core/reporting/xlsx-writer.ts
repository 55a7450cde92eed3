import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { formatPointsVi, toNfc } from '../../../shared/text/vi';
import { stripXmlForbidden, stripXmlForbiddenDeep } from '../../../shared/text/xml-safe';
import { exclusionsText, selfScopeText } from '../../../shared/criteria/scale-parts';
import { UNRATED_LABEL } from '../../../shared/criteria/index-math';
import { round2 } from '../criteria/rule-scoring';
import { columnLetter } from '../xlsx-columns';
import { formatEvidenceRef, type SelfScoreModel, type SelfScoreRow } from './self-score-model';
import { BLANK_VALUE, evaluateStatistics, type StatisticsModel } from './statistics-model';
import { COUNT_FORMAT, fitRowHeight, XLSX_FONT, formula, PERCENT_FORMAT, POINTS_FORMAT, printSetup, styleCell, titleRow } from './xlsx-style';

/**
 * The two workbooks of the reporting domain. Totals are live formulas (Excel users re-check and
 * adjust them) and each formula carries the engine's number as its cached result, so a reader that
 * does not recalculate, or a quick look in a previewer, shows exactly what the app showed.
 */

const SELF_COLUMNS = [
  { title: 'Mã', width: 8 },
  { title: 'Tiêu chí, tiêu chí thành phần', width: 52 },
  { title: 'Điểm tối đa', width: 11 },
  { title: 'Điểm tự chấm', width: 11 },
  { title: 'Thuyết minh', width: 44 },
  { title: 'Tài liệu kiểm chứng', width: 30 },
] as const;

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CCHC Desk';
  // Fixed so the same data gives the same bytes (tests, benchmark, change detection).
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  // Recalculate on open, so a hand-edited score updates the totals in every spreadsheet program.
  wb.calcProperties = { fullCalcOnLoad: true };
  return wb;
}

/**
 * ExcelJS writes its default font (index 0) with <color> before <sz>, which the OOXML schema
 * (CT_Font is an ordered sequence) rejects and strict readers may refuse. The default font is
 * rewritten in schema order, as Times New Roman 12 so unstyled cells match the rest of the sheet.
 */
const EXCELJS_DEFAULT_FONT = /<font><color theme="1"\/><family val="2"\/><scheme val="minor"\/><sz val="11"\/><name val="Calibri"\/><\/font>/;
const DEFAULT_FONT = `<font><sz val="12"/><color theme="1"/><name val="${XLSX_FONT}"/><family val="1"/></font>`;

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const stylesFile = zip.file('xl/styles.xml');
  if (stylesFile) {
    const styles = await stylesFile.async('string');
    zip.file('xl/styles.xml', styles.replace(EXCELJS_DEFAULT_FONT, DEFAULT_FONT));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The band as a formula over the percentage cell: highest lower bound first, as the engine does. */
export function bandFormula(percentCell: string, bands: SelfScoreModel['bands']): string {
  const sorted = [...bands].sort((a, b) => b.minPercent - a.minPercent);
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  // A 0 % lowest band is the fallback; without one, below the lowest band is "Chưa xếp loại".
  const floored = (sorted.at(-1)?.minPercent ?? 0) <= 0;
  const tested = floored ? sorted.slice(0, -1) : sorted;
  const fallback = floored ? (sorted.at(-1)?.name ?? '') : UNRATED_LABEL;
  return tested.reduceRight((otherwise, band) => `IF(${percentCell}*100>=${band.minPercent}-0.000000001,${quote(band.name)},${otherwise})`, quote(fallback));
}

/** Where each part of the self-score sheet landed, for tests and for callers adding notes. */
export interface SelfScoreLayout {
  headerRows: [number, number];
  rowOf: Record<string, number>;
  normalRow: number;
  bonusRow: number;
  penaltyRow: number;
  maxRow: number;
  totalRow: number;
  percentRow: number;
  bandRow: number;
}

export function writeSelfScoreSheet(wb: ExcelJS.Workbook, input: SelfScoreModel): SelfScoreLayout {
  // A character XML forbids would make the workbook unreadable (see stripXmlForbidden).
  const model = stripXmlForbiddenDeep(input);
  const ws = wb.addWorksheet('Bảng tự chấm điểm');
  const last = SELF_COLUMNS.length;
  ws.columns = SELF_COLUMNS.map((c) => ({ width: c.width }));

  titleRow(ws, 1, last, model.title, { bold: true, size: 14 });
  titleRow(ws, 2, last, model.unitName ? `Đơn vị: ${model.unitName}` : model.setName, { size: 13 });
  titleRow(ws, 3, last, `(Theo ${model.setName})`, { italic: true, size: 12 });

  const head = 5;
  SELF_COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(head, i + 1);
    cell.value = c.title;
    styleCell(cell, { bold: true, align: 'center' });
    const number = ws.getCell(head + 1, i + 1);
    number.value = `(${i + 1})`;
    styleCell(number, { italic: true, align: 'center', size: 11 });
  });
  ws.getRow(head).height = 33;

  // Rows first, so every parent knows where its children are before formulas are written.
  const first = head + 2;
  const rowOf: Record<string, number> = {};
  model.rows.forEach((r, i) => (rowOf[r.code] = first + i));

  const kindOf: Record<string, SelfScoreRow['kind']> = Object.fromEntries(model.rows.map((r) => [r.code, r.kind]));
  const parentKind: Record<string, SelfScoreRow['kind']> = {};
  for (const r of model.rows) for (const c of r.childCodes) parentKind[c] = r.kind;
  for (const r of model.rows) writeItemRow(ws, r, rowOf, kindOf);
  if (model.appraisalRound !== null) writeAppraisedColumn(ws, model, head, rowOf, kindOf);

  const domains = model.rows.filter((r) => r.depth === 0);
  // A bucket adds the highest rows of its kind: its domains, and bonus/penalty sub-items sitting
  // inside a content of another kind (the engine passes those up past their parent's cap).
  const refs = (kind: SelfScoreRow['kind'], col: 'C' | 'D') =>
    model.rows.filter((r) => r.kind === kind && (r.depth === 0 || (parentKind[r.code] !== undefined && parentKind[r.code] !== kind))).map((d) => `${col}${rowOf[d.code]}`);
  const sumOf = (cells: string[]) => (cells.length ? `SUM(${cells.join(',')})` : '0');

  let row = first + model.rows.length;
  const summary = (label: string, bold = false) => {
    ws.mergeCells(row, 1, row, 2);
    const labelCell = ws.getCell(row, 1);
    labelCell.value = label;
    styleCell(labelCell, { bold, align: 'left' });
    for (let c = 3; c <= last; c++) styleCell(ws.getCell(row, c), { bold, align: c <= 4 ? 'right' : 'left', numFmt: POINTS_FORMAT });
    fitRowHeight(ws, row, [{ text: label, width: SELF_COLUMNS[0].width + SELF_COLUMNS[1].width, bold }]);
    return row++;
  };

  const normalRow = summary('A. Điểm các lĩnh vực');
  formula(ws.getCell(`C${normalRow}`), sumOf(refs('normal', 'C')), round2(domains.filter((d) => d.kind === 'normal').reduce((s, d) => s + d.maxPoints, 0)));
  formula(ws.getCell(`D${normalRow}`), sumOf(refs('normal', 'D')), model.normalPoints);
  const bonusRow = summary('B. Điểm thưởng');
  formula(ws.getCell(`D${bonusRow}`), sumOf(refs('bonus', 'D')), model.bonusPoints);
  const penaltyRow = summary('C. Điểm trừ');
  formula(ws.getCell(`D${penaltyRow}`), sumOf(refs('penalty', 'D')), model.penaltyPoints);
  // The same maximum, and the same reasons for it, as the .docx prints (scale-parts).
  const maxRow = summary(`Điểm tối đa: ${selfScopeText(model.parts)} (${exclusionsText(model.parts)})`);
  ws.getCell(`C${maxRow}`).value = model.max;

  const totalRow = summary('TỔNG ĐIỂM TỰ CHẤM, TẠM TÍNH (A + B − C)', true);
  const raw = `MAX(D${normalRow}+D${bonusRow}-D${penaltyRow},0)`;
  // Without allowAboveMax the bonus may fill up to the maximum but not past it (engine rule).
  const capped = model.scale.allowAboveMax ? raw : `MIN(${raw},MIN(C${maxRow},${model.scale.max}))`;
  formula(ws.getCell(`D${totalRow}`), `ROUND(${capped},2)`, model.total);
  ws.getCell(`C${totalRow}`).value = { formula: `C${maxRow}`, result: model.max } as ExcelJS.CellFormulaValue;

  const percentRow = summary('Tỷ lệ so với điểm tối đa phần tự chấm (tạm tính)', true);
  formula(ws.getCell(`D${percentRow}`), `IF(C${maxRow}>0,D${totalRow}/C${maxRow},0)`, model.percent / 100);
  ws.getCell(`D${percentRow}`).numFmt = PERCENT_FORMAT;
  const bandRow = summary(
    `Xếp loại tạm tính, chỉ trên phần tự chấm (không phải kết quả chính thức: Sở Nội vụ xếp loại trên thang điểm ${formatPointsVi(model.parts.scaleMax)} sau thẩm định và điều tra XHH)`,
    true,
  );
  formula(ws.getCell(`D${bandRow}`), bandFormula(`D${percentRow}`, model.bands), model.band);
  ws.getCell(`D${bandRow}`).alignment = { horizontal: 'center', vertical: 'middle' };

  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: head + 1, topLeftCell: `C${head + 2}`, activeCell: `C${head + 2}` }];
  printSetup(ws, `${head}:${head + 1}`);
  return { headerRows: [head, head + 1], rowOf, normalRow, bonusRow, penaltyRow, maxRow, totalRow, percentRow, bandRow };
}

function writeItemRow(ws: ExcelJS.Worksheet, r: SelfScoreRow, rowOf: Record<string, number>, kindOf: Record<string, SelfScoreRow['kind']> = {}): void {
  const n = rowOf[r.code] ?? 0;
  const bold = r.depth <= 1;
  const italic = r.depth >= 3;
  const values: [string, string, number, null, string, string] = [
    r.code,
    r.title,
    r.maxPoints,
    null,
    [notApplicableNote(r), r.explanation].filter(Boolean).join('\n'),
    r.evidence.map(formatEvidenceRef).join(';\n'),
  ];
  values.forEach((v, i) => {
    const cell = ws.getCell(n, i + 1);
    if (v !== null) cell.value = v;
    styleCell(cell, {
      bold: bold && i < 4,
      italic: italic && i < 2,
      align: i === 0 ? 'center' : i === 2 || i === 3 ? 'right' : 'left',
      numFmt: i === 2 || i === 3 ? POINTS_FORMAT : undefined,
      indent: i === 1 ? Math.min(r.depth, 3) : undefined,
    });
  });
  fitRowHeight(ws, n, [
    { text: r.title, width: SELF_COLUMNS[1].width - 2 * Math.min(r.depth, 3), bold },
    { text: r.explanation, width: SELF_COLUMNS[4].width },
    { text: values[5], width: SELF_COLUMNS[5].width },
  ]);
  const points = ws.getCell(n, 4);
  if (r.childCodes.length > 0) {
    // Same rule as the engine: the sum of the children of the item's own kind, never above the
    // item's own maximum (a bonus or deduction sub-item counts in its bucket, not here).
    const same = r.childCodes.filter((c) => (kindOf[c] ?? r.kind) === r.kind);
    const children = same.map((c) => `D${rowOf[c]}`).join(',');
    formula(points, same.length ? `ROUND(MIN(SUM(${children}),C${n}),2)` : '0', r.points);
  } else if (r.assessedBy === 'self') {
    points.value = r.points;
  }
  // The value stays what the formulas add up; only its face changes: a deduction reads −1,00, a
  // bonus +1,00, and an item left out of the maximum reads KAD.
  if (r.notApplicable && r.childCodes.length === 0 && r.points === 0) points.numFmt = '"KAD"';
  else if (r.kind === 'penalty') points.numFmt = SIGNED_FORMAT('−');
  else if (r.kind === 'bonus') points.numFmt = SIGNED_FORMAT('+');
  if (r.depth === 0) {
    for (let c = 1; c <= SELF_COLUMNS.length; c++) ws.getCell(n, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  }
}

/** A points format that prints the sign of a bonus or a deduction; zero stays 0,00. */
const SIGNED_FORMAT = (sign: '−' | '+') => `[$-42A]"${sign}"#,##0.00;[$-42A]-#,##0.00;[$-42A]#,##0.00`;

/** "KAD (không áp dụng): <lý do>. Không tính 2,00 điểm vào điểm tối đa." */
export function notApplicableNote(r: Pick<SelfScoreRow, 'notApplicable' | 'notApplicableReason' | 'maxPoints' | 'points' | 'childCodes'>): string {
  if (!r.notApplicable || r.childCodes.length > 0) return '';
  const reason = r.notApplicableReason.trim() ? `: ${r.notApplicableReason.trim()}` : '';
  const effect = r.points === 0 ? `Không tính ${formatPointsVi(r.maxPoints)} điểm vào điểm tối đa.` : 'Theo bộ chỉ số được tính đủ điểm.';
  return `KAD (không áp dụng)${reason}. ${effect}`;
}

/** "Bảng tự chấm điểm" as .xlsx. */
export async function writeSelfScoreWorkbook(model: SelfScoreModel): Promise<Buffer> {
  const wb = newWorkbook();
  wb.title = stripXmlForbidden(model.title);
  writeSelfScoreSheet(wb, model);
  return toBuffer(wb);
}

/** Where each indicator landed in the statistics sheet. */
export interface StatisticsLayout {
  headerRow: number;
  rowOf: Record<string, number>;
  /** Column letter of each period, in order. */
  periodColumns: string[];
}

const STATISTICS_NAME_WIDTH = 56;
const STATISTICS_NOTE_WIDTH = 28;

export function writeStatisticsSheet(wb: ExcelJS.Workbook, input: StatisticsModel): StatisticsLayout {
  // A character XML forbids would make the workbook unreadable (see stripXmlForbidden).
  const model = stripXmlForbiddenDeep(input);
  const ws = wb.addWorksheet('Biểu số liệu');
  const values = evaluateStatistics(model);
  const periodStart = 4;
  const last = periodStart + model.periods.length; // + Ghi chú
  ws.columns = [{ width: 6 }, { width: STATISTICS_NAME_WIDTH }, { width: 12 }, ...model.periods.map(() => ({ width: 16 })), { width: STATISTICS_NOTE_WIDTH }];
  titleRow(ws, 1, last, model.title, { bold: true, size: 14 });
  if (model.subtitle) titleRow(ws, 2, last, model.subtitle, { italic: true, size: 12 });

  const head = 4;
  const headers = ['STT', 'Chỉ tiêu', 'Đơn vị tính', ...model.periods, 'Ghi chú'];
  headers.forEach((h, i) => {
    const cell = ws.getCell(head, i + 1);
    cell.value = toNfc(h);
    styleCell(cell, { bold: true, align: 'center' });
  });
  ws.getRow(head).height = 33;

  const periodColumns = model.periods.map((_, i) => columnLetter(periodStart + i - 1));
  const rowOf: Record<string, number> = {};
  let row = head + 1;
  let group: string | undefined;
  for (const ind of model.indicators) {
    if (ind.group && ind.group !== group) {
      group = ind.group;
      ws.mergeCells(row, 1, row, last);
      const cell = ws.getCell(row, 1);
      cell.value = toNfc(ind.group);
      styleCell(cell, { bold: true });
      row++;
    }
    rowOf[ind.code] = row;
    row++;
  }
  let stt = 0;
  for (const ind of model.indicators) {
    const n = rowOf[ind.code] ?? 0;
    const numFmt = ind.unit === 'percent' ? PERCENT_FORMAT : COUNT_FORMAT;
    const derived = !!ind.formula;
    const cells: [number, string, string] = [++stt, toNfc(ind.name), toNfc(ind.unit === 'percent' ? '%' : (ind.unitLabel ?? ''))];
    cells.forEach((v, i) => {
      const cell = ws.getCell(n, i + 1);
      cell.value = v;
      styleCell(cell, { align: i === 1 ? 'left' : 'center', bold: derived && i === 1 });
    });
    periodColumns.forEach((col, p) => {
      const cell = ws.getCell(`${col}${n}`);
      const value = values[ind.code]?.[p] ?? null;
      styleCell(cell, { align: 'right', numFmt, bold: derived });
      // No data prints "—", never 0 or an empty cell; COUNT, SUM and N skip the text, so formulas
      // that refer to it still see "no number".
      const cached = value === null ? BLANK_VALUE : ind.unit === 'percent' ? value / 100 : value;
      // Same rules as evaluateStatistics, so a recalculating program agrees with the cached value:
      // a sum of nothing is blank (not 0), and a ratio is blank without a numerator or denominator.
      if (ind.formula?.op === 'sum') {
        const refs = ind.formula.of.map((c) => `${col}${rowOf[c]}`).join(',');
        formula(cell, `IF(COUNT(${refs})=0,"${BLANK_VALUE}",SUM(${refs}))`, cached);
      } else if (ind.formula?.op === 'ratio') {
        const num = `${col}${rowOf[ind.formula.numerator]}`;
        const den = `${col}${rowOf[ind.formula.denominator]}`;
        formula(cell, `IF(OR(COUNT(${num})=0,N(${den})=0),"${BLANK_VALUE}",${num}/${den})`, cached);
      } else {
        cell.value = cached;
      }
    });
    const note = ws.getCell(n, last);
    if (ind.note) note.value = toNfc(ind.note);
    styleCell(note, { italic: true, size: 11 });
    fitRowHeight(ws, n, [
      { text: ind.name, width: STATISTICS_NAME_WIDTH, bold: derived },
      { text: ind.note ?? '', width: STATISTICS_NOTE_WIDTH, size: 11 },
    ]);
  }
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: head, topLeftCell: `D${head + 1}`, activeCell: `D${head + 1}` }];
  printSetup(ws, `${head}:${head}`);
  return { headerRow: head, rowOf, periodColumns };
}

/** "Biểu số liệu" as .xlsx. */
export async function writeStatisticsWorkbook(model: StatisticsModel): Promise<Buffer> {
  const wb = newWorkbook();
  wb.title = stripXmlForbidden(model.title);
  writeStatisticsSheet(wb, model);
  return toBuffer(wb);
}

/** Column G, once an appraisal exists: "Điểm thẩm định lần N", after the existing columns so nothing moves. */
const APPRAISED_COLUMN = 7;

/**
 * The appraised points per row. Leaves carry the appraised (or XHH) points; a parent is a live
 * formula over its same-kind children, survey leaves included, plus a domain's declared XHH share,
 * never above its maximum: the same numbers the .docx prints.
 */
function writeAppraisedColumn(ws: ExcelJS.Worksheet, model: SelfScoreModel, head: number, rowOf: Record<string, number>, kindOf: Record<string, SelfScoreRow['kind']>): void {
  const col = columnLetter(APPRAISED_COLUMN - 1);
  ws.getColumn(APPRAISED_COLUMN).width = 12;
  const title = ws.getCell(head, APPRAISED_COLUMN);
  title.value = `Điểm thẩm định lần ${model.appraisalRound}`;
  styleCell(title, { bold: true, align: 'center' });
  const number = ws.getCell(head + 1, APPRAISED_COLUMN);
  number.value = `(${APPRAISED_COLUMN})`;
  styleCell(number, { italic: true, align: 'center', size: 11 });
  for (const r of model.rows) {
    const n = rowOf[r.code] ?? 0;
    const cell = ws.getCell(n, APPRAISED_COLUMN);
    styleCell(cell, { bold: r.depth <= 1, align: 'right', numFmt: POINTS_FORMAT });
    if (r.childCodes.length > 0) {
      const same = r.childCodes.filter((c) => (kindOf[c] ?? r.kind) === r.kind).map((c) => `${col}${rowOf[c]}`);
      const share = r.appraisedSurveyShare ? `+${r.appraisedSurveyShare}` : '';
      formula(cell, `ROUND(MIN(${same.length ? `SUM(${same.join(',')})` : '0'}${share},C${n}),2)`, r.appraisedPoints ?? 0);
    } else if (r.appraisedPoints !== null) {
      cell.value = r.appraisedPoints;
    }
    if (r.kind === 'penalty') cell.numFmt = SIGNED_FORMAT('−');
    else if (r.kind === 'bonus') cell.numFmt = SIGNED_FORMAT('+');
    if (r.depth === 0) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  }
}
