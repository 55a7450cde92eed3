/**
 * Spreadsheet column names, for formulas and ranges written by any domain's workbook
 * (criteria template, reporting workbooks): 0 → "A", 25 → "Z", 26 → "AA".
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
