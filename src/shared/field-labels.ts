/**
 * Vietnamese names of input fields, so a validation message says «Tên viết tắt» rather than
 * «shortName». Keys are the last segment of the field's path, or "parent.field" where the bare
 * name would be too vague.
 */
export const FIELD_LABELS: Record<string, string> = {
  profile: 'Thông tin đơn vị',
  year: 'Năm đánh giá',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  unitType: 'Loại đơn vị',
  parentBody: 'Cơ quan chủ quản',
  province: 'Tỉnh, thành phố',
  focalOfficerName: 'Cán bộ đầu mối CCHC',
  focalOfficerPhone: 'Điện thoại',
  focalOfficerEmail: 'Thư điện tử',
  leaderName: 'Lãnh đạo ký văn bản',
  leaderTitle: 'Chức vụ lãnh đạo',
  username: 'Tên đăng nhập',
  displayName: 'Họ và tên',
  password: 'Mật khẩu',
  newPassword: 'Mật khẩu mới',
  currentPassword: 'Mật khẩu hiện tại',
  roles: 'Vai trò',
  minutes: 'Số phút',
  'profile.name': 'Tên đơn vị',
  draftingUnit: 'Đơn vị soạn thảo (viết tắt)',
  // A piece of evidence's document facts (evidence/update-meta).
  'meta.docType': 'Loại văn bản',
  'meta.docNumber': 'Số (phần trước dấu «/»)',
  'meta.docSymbol': 'Ký hiệu (phần sau dấu «/»)',
  'meta.issueDate': 'Ngày ban hành',
  'meta.issuer': 'Cơ quan ban hành',
  'meta.summary': 'Trích yếu',
  'meta.period': 'Kỳ, năm áp dụng',
};
