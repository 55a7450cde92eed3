import ExcelJS from 'exceljs';
import { ASSESSED_BY_LABELS } from '../../../shared/criteria/labels';
import { foldVietnamese, formatDateVi, parseDateVi, parseNumberVi, toNfc } from '../../../shared/text/vi';
import { APPRAISAL_FORMAT_VERSION } from './appraisal-file';
import type { TemplateData } from './appraisal-template';
import { POINTS_FORMAT, printSetup, styleCell, titleRow } from '../reporting/xlsx-style';
import { checkWorkbookSize, WORKBOOK_LIMITS } from '../criteria/xlsx-guard';
import { plainCellValue, type PlainCellValue } from '../xlsx-cells';

/**
 * The Excel face of the appraisal file: the template the unit sends to Sở Nội vụ (codes, titles,
 * maxima and self-scores filled in; the council fills "Điểm thẩm định / XHH", the request for a
 * giải trình and its note), and the reader that turns a filled workbook back into the JSON shape,
 * remembering which cell each value came from so every error points at its cell.
 */

import { SHEET } from './appraisal-sheet';

const LABELS = {
  year: 'Năm đánh giá',
  unit: 'Đơn vị (tên viết tắt)',
  round: 'Lần thẩm định (1 hoặc 2)',
  deadline: 'Hạn gửi giải trình (dd/mm/yyyy)',
  final: 'Kết quả cuối cùng (Có/Không)',
} as const;
const COLUMNS = [
  { title: 'Mã', width: 9 },
  { title: 'Tiêu chí, tiêu chí thành phần', width: 56 },
  { title: 'Chấm bởi', width: 13 },
  { title: 'Điểm tối đa', width: 10 },
  { title: 'Điểm tự chấm', width: 10 },
  { title: 'Điểm thẩm định / XHH', width: 12 },
  { title: 'Yêu cầu giải trình (Có/Không)', width: 12 },
  { title: 'Ghi chú của Hội đồng thẩm định', width: 44 },
] as const;
const FIRST_INFO_ROW = 4;
const HEADER_ROW = 11;

export async function writeAppraisalTemplate(data: TemplateData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CCHC Desk';
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(SHEET);
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  titleRow(ws, 1, COLUMNS.length, `KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${data.year}`, { bold: true, size: 14 });
  titleRow(ws, 2, COLUMNS.length, toNfc(`Đơn vị: ${data.unitName}`), { size: 13 });
  const info: [string, string | number][] = [
    [LABELS.year, data.year],
    [LABELS.unit, data.unit],
    [LABELS.round, data.round],
    [LABELS.deadline, ''],
    [LABELS.final, 'Không'],
  ];
  info.forEach(([label, value], i) => {
    const row = FIRST_INFO_ROW + i;
    ws.mergeCells(row, 1, row, 2);
    styleCell(ws.getCell(row, 1), { bold: true });
    ws.getCell(row, 1).value = label;
    styleCell(ws.getCell(row, 3), { align: 'center' });
    ws.getCell(row, 3).value = value;
  });
  ws.mergeCells(HEADER_ROW - 1, 1, HEADER_ROW - 1, COLUMNS.length);
  const help = ws.getCell(HEADER_ROW - 1, 1);
  help.value =
    'Cột «Điểm thẩm định / XHH»: để trống là công nhận điểm tự chấm; điểm trừ ghi số điểm bị trừ (ví dụ 1). Tiêu chí điều tra XHH và tiêu chí do Hội đồng chấm ghi điểm tại cột này.';
  help.font = { name: 'Times New Roman', size: 11, italic: true };
  help.alignment = { wrapText: true, vertical: 'middle' };
  ws.getRow(HEADER_ROW - 1).height = 30;
  COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.value = c.title;
    styleCell(cell, { bold: true, align: 'center' });
  });
  ws.getRow(HEADER_ROW).height = 45;
  data.items.forEach((item, i) => {
    const row = HEADER_ROW + 1 + i;
    const values: (string | number | null)[] = [
      item.code,
      toNfc(item.title),
      ASSESSED_BY_LABELS[item.assessedBy],
      item.maxPoints,
      item.selfPoints,
      null,
      null,
      null,
    ];
    values.forEach((v, c) => {
      const cell = ws.getCell(row, c + 1);
      if (v !== null) cell.value = v;
      styleCell(cell, { align: c === 0 || c === 2 || c === 6 ? 'center' : c >= 3 && c <= 5 ? 'right' : 'left', numFmt: c >= 3 && c <= 5 ? POINTS_FORMAT : undefined });
    });
  });
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }];
  printSetup(ws, `${HEADER_ROW}:${HEADER_ROW}`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Plain = PlainCellValue;
const plain = plainCellValue;

const text = (v: Plain) => (v === null ? '' : v instanceof Date ? formatDateVi(v.toISOString().slice(0, 10)) : String(v).trim());

/** A number cell, a "0,5" text, or blank (null); anything else is passed on as text for the checker to refuse. */
function numberOf(v: Plain): number | string | null {
  if (v === null || (typeof v === 'string' && !v.trim())) return null;
  if (typeof v === 'number') return v;
  const parsed = parseNumberVi(String(v));
  return parsed ?? String(v);
}

function yesNo(v: Plain): boolean | string | undefined {
  const word = foldVietnamese(text(v));
  if (!word) return undefined;
  if (word === 'co' || word === 'x') return true;
  if (word === 'khong') return false;
  return text(v);
}

export interface ReadWorkbook {
  raw: Record<string, unknown>;
  /** JSON path → "Kết quả thẩm định!F14". */
  where(path: string): string;
}

export async function readAppraisalWorkbook(bytes: Buffer): Promise<ReadWorkbook | { error: string }> {
  // The same caps as a criteria workbook, checked before exceljs builds anything.
  const tooBig = await checkWorkbookSize(bytes, WORKBOOK_LIMITS, {
    noun: 'kết quả thẩm định',
    hint: 'Hãy dùng mẫu kết quả thẩm định do CCHC Desk tạo.',
  });
  if (tooBig) return { error: tooBig.map((e) => e.message).join(' ') };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { error: 'Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải Excel.' };
  }
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) return { error: 'Tệp Excel không có trang tính nào.' };
  const cells = new Map<string, string>();
  const ref = (row: number, col: number) => `${ws.name}!${String.fromCharCode(64 + col)}${row}`;
  const raw: Record<string, unknown> = { formatVersion: APPRAISAL_FORMAT_VERSION, kind: 'appraisal' };
  let header = 0;
  for (let row = 1; row <= Math.min(ws.rowCount, 40); row++) {
    const label = foldVietnamese(text(plain(ws.getCell(row, 1))));
    const value = plain(ws.getCell(row, 3));
    const at = ref(row, 3);
    if (label === foldVietnamese(LABELS.year)) {
      raw.year = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
      cells.set('year', at);
    } else if (label === foldVietnamese(LABELS.unit)) {
      raw.unit = text(value);
      cells.set('unit', at);
    } else if (label === foldVietnamese(LABELS.round)) {
      raw.round = typeof value === 'string' ? Number(value) : value;
      cells.set('round', at);
    } else if (label === foldVietnamese(LABELS.deadline)) {
      cells.set('responseDeadline', at);
      if (value instanceof Date) raw.responseDeadline = value.toISOString().slice(0, 10);
      else if (text(value)) raw.responseDeadline = parseDateVi(text(value)) ?? text(value);
    } else if (label === foldVietnamese(LABELS.final)) {
      raw.final = yesNo(value) ?? false;
      cells.set('final', at);
    }
    else if (label === 'ma') {
      header = row;
      break;
    }
  }
  if (!header) return { error: `Không tìm thấy dòng tiêu đề bảng (ô «Mã» ở cột A) trong trang «${ws.name}». Hãy dùng mẫu Excel do ứng dụng tạo.` };
  const items: Record<string, unknown>[] = [];
  for (let row = header + 1; row <= ws.rowCount; row++) {
    const code = text(plain(ws.getCell(row, 1)));
    if (!code) continue;
    const i = items.length;
    const item: Record<string, unknown> = { code };
    cells.set(`items[${i}]`, ref(row, 1));
    cells.set(`items[${i}].code`, ref(row, 1));
    const points = numberOf(plain(ws.getCell(row, 6)));
    if (points !== null) item.points = points;
    cells.set(`items[${i}].points`, ref(row, 6));
    const request = yesNo(plain(ws.getCell(row, 7)));
    if (request !== undefined) item.requestExplanation = request;
    cells.set(`items[${i}].requestExplanation`, ref(row, 7));
    const note = text(plain(ws.getCell(row, 8)));
    if (note) item.note = note;
    cells.set(`items[${i}].note`, ref(row, 8));
    items.push(item);
  }
  raw.items = items;
  return { raw, where: (path) => cells.get(path) ?? `${ws.name} (${path})` };
}
