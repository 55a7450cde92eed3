import { ROLE_LABELS } from '../contract/access';
import { TASK_SOURCE_LABELS, TASK_STATUS_LABELS } from '../contract/plan';
import { answerText } from '../criteria/answer-text';
import { ITEM_STATUS_LABELS, type Answer, type CriteriaItem } from '../criteria/format';
import { ASSESSED_BY_LABELS, ITEM_KIND_LABELS } from '../criteria/labels';
import { FIELD_LABELS as INPUT_FIELD_LABELS } from '../field-labels';
import { UNIT_TYPE_LABELS } from '../profile-labels';
import { formatDateTimeVi, VERSION_STATUS_LABELS } from '../review-labels';
import { formatDateVi, formatNumberVi, formatPointsVi } from '../text/vi';

/**
 * An audit entry's old and new values as plain Vietnamese, for the change log: «label: value»
 * lines with statuses, sources, roles, kinds in words, booleans as Có/Không and dates as
 * dd/mm/yyyy. The export keeps the stored JSON; only the reading is translated.
 */

const FIELD_LABELS: Record<string, string> = {
  answer: 'Trả lời',
  points: 'Điểm',
  explanation: 'Thuyết minh',
  status: 'Trạng thái',
  versionNo: 'Phiên bản',
  note: 'Ghi chú',
  comment: 'Ý kiến',
  comments: 'Ý kiến',
  body: 'Nội dung',
  resolved: 'Đã xử lý',
  commentId: 'Mã ý kiến',
  snapshotSha256: 'SHA-256',
  sha256: 'SHA-256',
  name: 'Tệp',
  size: 'Dung lượng (byte)',
  fromYear: 'Từ năm',
  carried: 'Tiêu chí đã chuyển',
  notCarried: 'Tiêu chí không chuyển được',
  linksAdded: 'Liên kết tài liệu đã thêm',
  evidenceLinksCarried: 'Liên kết tài liệu đã chuyển',
  displayName: 'Họ và tên',
  roles: 'Vai trò',
  disabled: 'Vô hiệu hóa',
  reason: 'Lý do',
  evidenceOffered: 'Tài liệu năm trước được gợi ý',
  sameSubmitterAndApprover: 'Người trình cũng là người duyệt',
  target: 'Mục',
  // Plan and its tasks.
  code: 'Mã',
  title: 'Nội dung',
  lead: 'Chủ trì',
  cooperating: 'Phối hợp',
  due: 'Thời hạn',
  product: 'Sản phẩm',
  source: 'Nguồn',
  sourceRef: 'Số KH của tỉnh / mã tiêu chí',
  statusReason: 'Lý do không thực hiện',
  doneDate: 'Ngày hoàn thành',
  resultFileIds: 'Văn bản kết quả (số tệp)',
  number: 'Số, ký hiệu',
  date: 'Ngày',
  documentFileId: 'Văn bản kế hoạch (số tệp)',
  created: 'Đã tạo',
  updated: 'Đã sửa',
  planChanged: 'Thông tin kế hoạch đã đổi',
  // Appraisal.
  file: 'Tệp',
  round: 'Lần thẩm định',
  items: 'Số tiêu chí',
  final: 'Kết quả cuối cùng',
  deadline: 'Hạn giải trình',
  rank: 'Thứ hạng',
  rankOf: 'Trên tổng số đơn vị',
  // Evidence metadata and report sending.
  docType: 'Loại văn bản',
  docNumber: 'Số',
  docSymbol: 'Ký hiệu',
  issueDate: 'Ngày ban hành',
  issuer: 'Cơ quan ban hành',
  summary: 'Trích yếu',
  period: 'Kỳ',
  confirmed: 'Đã xác nhận',
  channel: 'Kênh gửi',
  kind: 'Loại',
  assessedBy: 'Người chấm',
  decision: 'Quyết định ban hành',
};

/** Value words for keys whose values are codes. "status" is shared by items, versions and tasks. */
const VALUE_WORDS: Record<string, Record<string, string>[]> = {
  status: [ITEM_STATUS_LABELS, VERSION_STATUS_LABELS, TASK_STATUS_LABELS],
  source: [TASK_SOURCE_LABELS],
  roles: [ROLE_LABELS],
  role: [ROLE_LABELS],
  unitType: [UNIT_TYPE_LABELS],
  kind: [ITEM_KIND_LABELS],
  assessedBy: [ASSESSED_BY_LABELS],
};

/** In the plan's entries a status is a task's. */
const PLAN_WORDS: Record<string, Record<string, string>[]> = { ...VALUE_WORDS, status: [TASK_STATUS_LABELS] };

const MAX_CHARS = 160;

/** The Vietnamese name of a field in the log, falling back to the input forms' names, then the key. */
export function auditFieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? INPUT_FIELD_LABELS[key] ?? key;
}

/**
 * A whole old/new value: one «label: value» line per field that has a value. The entry's action
 * says whose codes they are where two domains share one ("xong" is a task's «Đã xong»).
 */
export function auditValueText(value: unknown, action = ''): string {
  if (value === null || value === undefined) return '';
  const words = action.startsWith('plan.') ? PLAN_WORDS : VALUE_WORDS;
  if (typeof value !== 'object' || Array.isArray(value)) return shortText(valueText('', value, words));
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== '' && v !== null && v !== undefined)
    .map(([k, v]) => `${auditFieldLabel(k)}: ${shortText(valueText(k, v, words))}`)
    .join('\n');
}

/** One field's value in words; `key` says which words its codes need. */
export function auditFieldText(key: string, value: unknown, action = ''): string {
  return shortText(valueText(key, value, action.startsWith('plan.') ? PLAN_WORDS : VALUE_WORDS));
}

function valueText(key: string, v: unknown, words: typeof VALUE_WORDS): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  // Points print as the official tables print them (2,50), other numbers as they are.
  if (typeof v === 'number') return POINT_KEYS.has(key) ? formatPointsVi(v) : formatNumberVi(v);
  if (typeof v === 'string') return stringText(key, v, words);
  // Answers and comments in words, not as the stored JSON.
  if (key === 'answer' && typeof v === 'object' && 'kind' in v) return answerText(NO_ITEM, v as Answer);
  if (key === 'comments' && Array.isArray(v)) {
    return v.map((c: { target?: string; body?: string }) => `${c.target === '*' ? 'Chung' : (c.target ?? '')}: ${c.body ?? ''}`).join('; ');
  }
  if (Array.isArray(v)) return v.length === 0 ? '(không có)' : v.map((x) => valueText(key, x, words)).join(', ');
  // A nested object (a decision, a plan's fields): its fields on one line.
  return Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== '' && x !== null && x !== undefined)
    .map(([k, x]) => `${auditFieldLabel(k)}: ${valueText(k, x, words)}`)
    .join('; ');
}

/** Fields that hold points (self-scored, appraised, survey). */
const POINT_KEYS = new Set(['points', 'selfPoints', 'appraisedPoints', 'surveyPoints', 'maxPoints', 'total']);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function stringText(key: string, s: string, words: typeof VALUE_WORDS): string {
  for (const table of words[key] ?? []) {
    if (Object.hasOwn(table, s)) return table[s]!;
  }
  if (ISO_DATE.test(s)) return formatDateVi(s);
  if (ISO_INSTANT.test(s)) return formatDateTimeVi(s);
  return s;
}

function shortText(text: string): string {
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}

/** The log does not carry the set: an answer reads without the item's option labels. */
const NO_ITEM: CriteriaItem = { code: '', title: '', kind: 'normal', maxPoints: 0, assessedBy: 'self', guidance: '', evidenceRequired: '', children: [] };
