import ExcelJS from 'exceljs';
import { TASK_SOURCE_LABELS, TASK_SOURCES, TASK_STATUS_LABELS, TASK_STATUSES, type PlanImportError } from '../../../shared/contract/plan';
import { columnLetter } from '../xlsx-columns';
import { MAX_PLAN_TASKS, type RawPlanFile, type RawTask, type TaskFieldKey } from './plan-file';
import { checkWorkbookSize, WORKBOOK_LIMITS } from '../criteria/xlsx-guard';
import { plainCellValue } from '../xlsx-cells';
import { PLAN_ROWS, PLAN_SHEETS, TASK_COLUMNS } from './plan-sheets';

/**
 * The Excel face of a plan: sheet «Kế hoạch» (năm, số, ngày, trích yếu), sheet «Nhiệm vụ» (one
 * task a row, under a header row), and «Ví dụ» / «Hướng dẫn» for the officer. Errors name their
 * cell (Nhiệm vụ!E7).
 */



const EXAMPLES: Partial<Record<TaskFieldKey, string>>[] = [
  { code: '1', title: 'Ban hành Kế hoạch CCHC năm 2026 của Sở', lead: 'Văn phòng Sở', due: '15/01/2026', product: 'Kế hoạch CCHC năm 2026', source: TASK_SOURCE_LABELS.own, status: TASK_STATUS_LABELS.xong, doneDate: '12/01/2026' },
  { code: '2', title: 'Rà soát, đơn giản hóa TTHC thuộc thẩm quyền giải quyết', lead: 'Phòng Hành chính tư pháp', cooperating: 'Văn phòng Sở', due: '30/06/2026', product: 'Báo cáo rà soát, phương án đơn giản hóa', source: TASK_SOURCE_LABELS.province, sourceRef: '47/KH-UBND', status: TASK_STATUS_LABELS['dang-lam'] },
  { code: '3', title: 'Khắc phục tiêu chí tỷ lệ hồ sơ trực tuyến bị trừ điểm năm trước', lead: 'Văn phòng Sở', due: '30/09/2026', product: 'Tỷ lệ hồ sơ trực tuyến đạt ≥ 80%', source: TASK_SOURCE_LABELS.remediation, sourceRef: '5.3', status: TASK_STATUS_LABELS['chua-lam'] },
  { code: '4', title: 'Tổ chức hội nghị tập huấn CCHC', lead: 'Văn phòng Sở', due: '31/03/2026', product: 'Hội nghị', source: TASK_SOURCE_LABELS.own, status: TASK_STATUS_LABELS['khong-thuc-hien'], statusReason: 'Ghép với hội nghị của tỉnh theo Công văn 120/UBND-NC' },
];

function headerRow(sheet: ExcelJS.Worksheet): void {
  sheet.columns = TASK_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const row = sheet.getRow(1);
  row.font = { bold: true, name: 'Times New Roman', size: 12 };
  row.alignment = { wrapText: true, vertical: 'middle' };
  row.height = 32;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function listValidation(sheet: ExcelJS.Worksheet, key: TaskFieldKey, values: string[], rows: number): void {
  const col = columnLetter(TASK_COLUMNS.findIndex((c) => c.key === key));
  for (let r = 2; r <= rows + 1; r++) {
    sheet.getCell(`${col}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] };
  }
}

/** The blank template: an empty «Nhiệm vụ» sheet with drop-down lists, examples on «Ví dụ». */
export async function planTemplateXlsx(year: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CCHC Desk';
  const info = wb.addWorksheet(PLAN_SHEETS.plan);
  info.columns = [{ width: 20 }, { width: 70 }];
  PLAN_ROWS.forEach((r, i) => {
    info.getCell(i + 1, 1).value = r.label;
    info.getCell(i + 1, 1).font = { bold: true };
  });
  info.getCell(1, 2).value = year;
  const tasks = wb.addWorksheet(PLAN_SHEETS.tasks);
  headerRow(tasks);
  listValidation(tasks, 'status', TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s]), 300);
  listValidation(tasks, 'source', TASK_SOURCES.map((s) => TASK_SOURCE_LABELS[s]), 300);
  const example = wb.addWorksheet(PLAN_SHEETS.example);
  headerRow(example);
  for (const e of EXAMPLES) example.addRow(e);
  const help = wb.addWorksheet(PLAN_SHEETS.help);
  help.columns = [{ width: 30 }, { width: 80 }];
  help.addRow(['Cách dùng', `Ghi số, ngày, trích yếu ở sheet «${PLAN_SHEETS.plan}»; mỗi nhiệm vụ một dòng ở sheet «${PLAN_SHEETS.tasks}» (xem sheet «${PLAN_SHEETS.example}»). Nhập lại tệp sẽ cập nhật nhiệm vụ theo mã.`]);
  for (const c of TASK_COLUMNS) help.addRow([c.header, c.note]);
  help.getColumn(2).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Plain = string | number | Date | null;

/** A plan cell's value; a yes/no cell reads as its text (the plan has no yes/no fields). */
function plain(cell: ExcelJS.Cell): Plain {
  const v = plainCellValue(cell);
  return typeof v === 'boolean' ? String(v) : v;
}

/** A date cell becomes dd/mm/yyyy text (Excel keeps calendar days at UTC midnight); a serial number too. */
function cellText(v: Plain): string | number | null {
  const asDate = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  if (v instanceof Date) return asDate(v);
  return v;
}

function dateCellText(v: Plain): string | number | null {
  if (typeof v === 'number' && Number.isInteger(v) && v > 20000 && v < 2958466) return cellText(new Date(Date.UTC(1899, 11, 30) + v * 86_400_000));
  return cellText(v);
}

export async function readPlanXlsx(bytes: Buffer): Promise<RawPlanFile> {
  const errors: PlanImportError[] = [];
  const raw: RawPlanFile = { year: null, plan: null, tasks: [], errors };
  // The same caps as a criteria workbook, checked before exceljs builds anything (a small hostile
  // workbook can otherwise take gigabytes of memory).
  const tooBig = await checkWorkbookSize(bytes, WORKBOOK_LIMITS, {
    noun: 'kế hoạch CCHC',
    hint: 'Hãy dùng mẫu Excel kế hoạch do CCHC Desk tạo (Kế hoạch CCHC → Tải mẫu Excel).',
  });
  if (tooBig) {
    errors.push(...tooBig);
    return raw;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    errors.push({ where: '(tệp)', message: 'Không đọc được tệp Excel (.xlsx); tệp có thể bị hỏng hoặc không phải .xlsx.' });
    return raw;
  }
  const info = wb.getWorksheet(PLAN_SHEETS.plan);
  if (info) {
    const value = (key: (typeof PLAN_ROWS)[number]['key']) => {
      const row = PLAN_ROWS.findIndex((r) => r.key === key) + 1;
      return { value: key === 'date' ? dateCellText(plain(info.getCell(row, 2))) : cellText(plain(info.getCell(row, 2))), where: `${PLAN_SHEETS.plan}!B${row}` };
    };
    raw.year = value('year');
    const number = value('number');
    const date = value('date');
    const title = value('title');
    raw.plan = {
      number: number.value,
      date: date.value,
      title: title.value,
      where: (f) => ({ number, date, title })[f].where,
    };
  }
  const sheet = wb.getWorksheet(PLAN_SHEETS.tasks);
  if (!sheet) {
    errors.push({ where: '(tệp)', message: `Tệp không có sheet «${PLAN_SHEETS.tasks}»; hãy dùng tệp mẫu của ứng dụng.` });
    return raw;
  }
  const headers = TASK_COLUMNS.map((c, i) => String(plain(sheet.getCell(1, i + 1)) ?? '').trim());
  TASK_COLUMNS.forEach((c, i) => {
    if (headers[i] !== c.header) errors.push({ where: `${PLAN_SHEETS.tasks}!${columnLetter(i)}1`, message: `Cột này phải là «${c.header}» (đang là «${headers[i]}»); hãy dùng tệp mẫu, không chèn hay xóa cột.` });
  });
  if (errors.length) return raw;
  if (sheet.rowCount > MAX_PLAN_TASKS + 1) {
    errors.push({ where: `${PLAN_SHEETS.tasks}`, message: `Sheet có ${sheet.rowCount - 1} dòng, quá giới hạn ${MAX_PLAN_TASKS} nhiệm vụ.` });
    return raw;
  }
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values: RawTask['values'] = {};
    let blank = true;
    TASK_COLUMNS.forEach((c, i) => {
      const v = plain(sheet.getCell(r, i + 1));
      const t = c.key === 'due' || c.key === 'doneDate' ? dateCellText(v) : cellText(v);
      if (t !== null && String(t).trim() !== '') blank = false;
      values[c.key] = t;
    });
    if (blank) continue;
    const row = r;
    raw.tasks.push({
      values,
      where: (f) => (f ? `${PLAN_SHEETS.tasks}!${columnLetter(TASK_COLUMNS.findIndex((c) => c.key === f))}${row}` : `${PLAN_SHEETS.tasks}!A${row}`),
    });
  }
  return raw;
}
