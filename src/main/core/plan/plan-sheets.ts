import { TASK_SOURCE_LABELS, TASK_SOURCES, TASK_STATUS_LABELS, TASK_STATUSES } from '../../../shared/contract/plan';
import type { TaskFieldKey } from './plan-file';

/**
 * The plan workbook's sheet names and task columns, apart from the workbook code so that naming a
 * cell in an error does not load exceljs (the workbook code loads on first use).
 */
export const PLAN_SHEETS = { plan: 'Kế hoạch', tasks: 'Nhiệm vụ', example: 'Ví dụ', help: 'Hướng dẫn' } as const;

/** The plan's own lines (sheet «Kế hoạch»; the same fields in JSON's "year" and "plan"). */
export const PLAN_ROWS = [
  { key: 'year', label: 'Năm kế hoạch' },
  { key: 'number', label: 'Số, ký hiệu' },
  { key: 'date', label: 'Ngày ban hành' },
  { key: 'title', label: 'Trích yếu' },
] as const;

export const TASK_COLUMNS: readonly { key: TaskFieldKey; header: string; width: number; note: string }[] = [
  { key: 'code', header: 'Mã', width: 8, note: 'Bắt buộc, không trùng: 1, 2, 2.1 …' },
  { key: 'title', header: 'Nội dung nhiệm vụ', width: 50, note: 'Bắt buộc (rõ việc).' },
  { key: 'lead', header: 'Đơn vị/người chủ trì', width: 22, note: 'Rõ người.' },
  { key: 'cooperating', header: 'Đơn vị phối hợp', width: 22, note: '' },
  { key: 'due', header: 'Thời hạn', width: 13, note: 'dd/mm/yyyy (rõ thời gian).' },
  { key: 'product', header: 'Sản phẩm', width: 30, note: 'Văn bản, kết quả phải có.' },
  { key: 'source', header: 'Nguồn', width: 24, note: TASK_SOURCES.map((s) => TASK_SOURCE_LABELS[s]).join(' / ') },
  { key: 'sourceRef', header: 'Số KH của tỉnh / mã tiêu chí', width: 18, note: 'Bắt buộc khi nguồn là kế hoạch của tỉnh hoặc khắc phục.' },
  { key: 'status', header: 'Trạng thái', width: 16, note: TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s]).join(' / ') },
  { key: 'statusReason', header: 'Lý do không thực hiện', width: 24, note: 'Bắt buộc khi «Không thực hiện».' },
  { key: 'doneDate', header: 'Ngày hoàn thành', width: 14, note: 'dd/mm/yyyy, bắt buộc khi đã xong.' },
];

