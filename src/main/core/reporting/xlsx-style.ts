import type ExcelJS from 'exceljs';

/**
 * The look every CCHC workbook shares: Times New Roman, thin borders, wrapped text, A4 landscape
 * fitted to the page width with the header rows repeated on each printed page.
 */

export const XLSX_FONT = 'Times New Roman';
export const POINTS_FORMAT = '#,##0.00';
export const COUNT_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.00%';

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
