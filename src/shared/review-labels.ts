import { REPORT_PERIOD_WORDS, reportPeriodPhrase } from './contract/reports';
import type { SubjectKind, VersionStatus } from './contract/review';
import { formatInstantVi } from './text/vi';

/** Vietnamese names of review states and audit actions, shared by the UI, the CLI and exports. */

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã trình, chờ duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'assessment.entry': 'Sửa tiêu chí tự đánh giá',
  'assessment.carry-over': 'Chuyển kết quả từ năm trước',
  'assessment.set-switch': 'Chuyển sang phiên bản mới của bộ chỉ số',
  'assessment.suggestion-dismiss': 'Bỏ qua gợi ý từ năm trước',
  'package.continue': 'Tiếp tục từ gói nộp hồ sơ',
  'account.create': 'Tạo tài khoản',
  'account.update': 'Sửa tài khoản, vai trò',
  'account.reset-password': 'Đặt lại mật khẩu',
  'account.change-password': 'Đổi mật khẩu',
  'settings.lock-minutes': 'Đổi thời gian tự khóa',
  'report.section': 'Sửa nội dung báo cáo',
  'report.statistics': 'Sửa biểu số liệu',
  'report.carry-over': 'Chép báo cáo kỳ trước',
  'report.prefill': 'Điền sẵn từ kết quả tự đánh giá',
  'report.sent': 'Ghi nhận đã gửi báo cáo',
  'report.unsent': 'Xóa ghi nhận đã gửi báo cáo',
  'report.document': 'Sửa ngày văn bản, nơi nhận',
  'plan.save': 'Sửa thông tin kế hoạch CCHC',
  'plan.task-create': 'Thêm nhiệm vụ kế hoạch CCHC',
  'plan.task-update': 'Sửa nhiệm vụ kế hoạch CCHC',
  'plan.task-delete': 'Xóa nhiệm vụ kế hoạch CCHC',
  'plan.import': 'Nhập kế hoạch CCHC từ tệp',
  'review.version-open': 'Mở phiên bản mới',
  'review.submit': 'Trình lãnh đạo duyệt',
  'review.return': 'Trả lại kèm ý kiến',
  'review.approve': 'Duyệt hồ sơ',
  'review.resolve-comment': 'Xử lý ý kiến',
  'review.signed-copy': 'Đính kèm bản đã ký',
  'evidence.meta': 'Sửa thông tin tài liệu kiểm chứng',
  'appraisal.import': 'Nhập kết quả thẩm định',
  'appraisal.deadline': 'Đặt hạn gửi giải trình',
  'appraisal.giai-trinh': 'Sửa nội dung giải trình',
  'appraisal.outcome': 'Ghi kết quả công bố (thứ hạng)',
  'assessment.note': 'Sửa khó khăn, vướng mắc, kiến nghị',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** 'assessment:2026' → 'Tự đánh giá năm 2026'; 'report:2026:q1' → 'Báo cáo 2026:q1'. */
export function subjectLabel(subject: string): string {
  const [kind, ...rest] = subject.split(':');
  const key = rest.join(':');
  const giaiTrinh = /^(\d{4}):giai-trinh-(\d)$/.exec(key);
  if (kind === 'assessment' && giaiTrinh) return `Giải trình thẩm định lần ${giaiTrinh[2]} năm ${giaiTrinh[1]}`;
  if (kind === 'assessment') return `Tự đánh giá năm ${key}`;
  if (kind === 'accounts') return 'Tài khoản';
  if (kind === 'report') return `Báo cáo ${reportKeyLabel(key)}`;
  if (kind === 'plan') return `Kế hoạch CCHC năm ${key}`;
  return subject;
}

export function subjectId(kind: SubjectKind, key: string): string {
  return `${kind}:${key}`;
}

/** Review and audit times keep the seconds: several steps often fall within one minute. */
export function formatDateTimeVi(iso: string): string {
  return formatInstantVi(iso, { seconds: true });
}

/** '2026:q1' → 'quý I năm 2026'; an unknown period is shown as stored. */
function reportKeyLabel(key: string): string {
  const [year, period = ''] = key.split(':');
  return period in REPORT_PERIOD_WORDS ? reportPeriodPhrase(period, Number(year)) : key;
}
