import type ExcelJS from 'exceljs';

/**
 * The look every CCHC workbook shares: Times New Roman, thin borders, wrapped text, A4 landscape
 * fitted to the page width with the header rows repeated on each printed page.
 */

export const XLSX_FONT = 'Times New Roman';
/**
 * Number formats tagged with the vi-VN locale (LCID 042A): programs that honour the tag
 * (LibreOffice) print 1.234,50 whatever the machine's locale; Excel prints the machine's
 * separators, which on the officers' Vietnamese Windows are the same.
 */
export const POINTS_FORMAT = '[$-42A]#,##0.00';
export const COUNT_FORMAT = '[$-42A]#,##0';
export const PERCENT_FORMAT = '[$-42A]0.00%';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDER_ALL: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export function font(size = 12, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: XLSX_FONT, size, ...extra };
}

/** A bordered table cell with wrapped text. */
export function styleCell(
  cell: ExcelJS.Cell,
  options: { bold?: boolean; italic?: boolean; align?: 'left' | 'center' | 'right'; numFmt?: string; size?: number; indent?: number } = {},
): void {
  cell.font = font(options.size ?? 12, { bold: options.bold, italic: options.italic });
  cell.border = BORDER_ALL;
  cell.alignment = { vertical: 'middle', horizontal: options.align ?? 'left', wrapText: true, indent: options.indent };
  if (options.numFmt) cell.numFmt = options.numFmt;
}

/** A title line merged across the table width. */
export function titleRow(sheet: ExcelJS.Worksheet, row: number, lastColumn: number, text: string, options: { bold?: boolean; italic?: boolean; size?: number } = {}): void {
  sheet.mergeCells(row, 1, row, lastColumn);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = font(options.size ?? 14, { bold: options.bold, italic: options.italic });
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/** A4 landscape, one page wide, header rows repeated, page number in the footer. */
export function printSetup(sheet: ExcelJS.Worksheet, headerRows: string): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.59, right: 0.39, top: 0.59, bottom: 0.59, header: 0.3, footer: 0.3 },
    printTitlesRow: headerRows,
  };
  sheet.headerFooter = { oddFooter: `&C&"${XLSX_FONT},Regular"&11Trang &P/&N` };
}

/** A formula cell that also carries the value our engine computed, so readers need not recalculate. */
export function formula(cell: ExcelJS.Cell, expression: string, result: number | string): void {
  cell.value = { formula: expression, result } as ExcelJS.CellFormulaValue;
}

/**
 * Sets a row tall enough for its wrapped text. Neither Excel nor LibreOffice re-fits the rows of a
 * file written by a library, so long titles and thuyết minh would otherwise overlap the next row.
 * `cells` gives each text with the width (in Excel character units) it wraps in.
 */
export function fitRowHeight(sheet: ExcelJS.Worksheet, row: number, cells: { text: string; width: number; size?: number; bold?: boolean }[], minHeight = 16): void {
  let lines = 1;
  for (const c of cells) {
    const size = c.size ?? 12;
    // Times New Roman averages a little under one Excel character unit per letter at 11–12 pt.
    const perLine = Math.max(4, Math.floor(c.width * (c.bold ? 0.95 : 1.05) * (12 / size)));
    const count = c.text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil([...part].length / perLine)), 0);
    lines = Math.max(lines, count);
  }
  const size = Math.max(...cells.map((c) => c.size ?? 12), 12);
  sheet.getRow(row).height = Math.max(minHeight, Math.ceil(lines * size * 1.25 + 4));
}
