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
};
