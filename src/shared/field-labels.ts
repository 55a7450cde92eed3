/**
 * Vietnamese names of input fields, so a validation message says «Tên viết tắt» rather than
 * «shortName». Keys are the last segment of the field's path.
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
  draftingUnit: 'Đơn vị soạn thảo (viết tắt)',
};
