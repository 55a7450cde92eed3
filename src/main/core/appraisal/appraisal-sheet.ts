/** The appraisal workbook's one sheet: here so that naming its cells does not load exceljs. */
export const SHEET = 'Kết quả thẩm định';
