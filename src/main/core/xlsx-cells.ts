import type ExcelJS from 'exceljs';

/** What a cell holds once exceljs's wrappers (rich text, hyperlinks, formulas) are taken off. */
export type PlainCellValue = string | number | boolean | Date | null;

/**
 * The value an officer sees in a cell, for any domain that reads a workbook back (criteria set,
 * appraisal results, plan): rich text joined, a hyperlink's text, a formula's cached result.
 */
export function plainCellValue(cell: ExcelJS.Cell): PlainCellValue {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v !== 'object') return v as PlainCellValue;
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r: { text: string }) => r.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('result' in v) return (v.result as PlainCellValue) ?? null;
  return null;
}
