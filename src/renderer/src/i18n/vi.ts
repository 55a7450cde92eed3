/** Every string the UI shows, in one place (the UI is Vietnamese only). */
export const vi = {
  appName: 'CCHC Desk',
  appTagline: 'Tự đánh giá Chỉ số cải cách hành chính, tài liệu kiểm chứng và báo cáo CCHC',
  loading: 'Đang tải…',
  noTransport:
    'Không kết nối được với phần lõi của ứng dụng. Nếu đang dùng trình duyệt, hãy mở đúng địa chỉ (có mã phiên) do lệnh npm run dev:browser in ra.',
  nav: {
    home: 'Tổng quan',
    profile: 'Thông tin đơn vị',
  },
  firstStart: {
    title: 'Chào mừng đến với CCHC Desk',
    intro:
      'Lần đầu sử dụng: hãy khai báo thông tin đơn vị. Thông tin này được dùng trong phần đầu văn bản (tên cơ quan, số ký hiệu), khối chữ ký và hồ sơ tự đánh giá. Có thể sửa lại bất cứ lúc nào.',
    submit: 'Lưu và bắt đầu',
  },
  profile: {
    title: 'Thông tin đơn vị',
    yearNote: 'Tên và loại đơn vị được lưu theo từng năm đánh giá, vì tên cơ quan có thể thay đổi giữa các năm.',
    year: 'Năm đánh giá',
    name: 'Tên đơn vị',
    namePlaceholder: 'Ví dụ: Sở Nội vụ',
    shortName: 'Tên viết tắt (dùng trong số ký hiệu văn bản)',
    shortNamePlaceholder: 'Ví dụ: SNV',
    unitType: 'Loại đơn vị',
    parentBody: 'Cơ quan chủ quản',
    parentBodyPlaceholder: 'Ví dụ: UBND tỉnh Lâm Đồng',
    province: 'Tỉnh, thành phố',
    focalOfficerName: 'Cán bộ đầu mối CCHC',
    focalOfficerPhone: 'Điện thoại',
    focalOfficerEmail: 'Thư điện tử',
    leaderName: 'Lãnh đạo ký văn bản',
    leaderTitle: 'Chức vụ lãnh đạo',
    leaderTitlePlaceholder: 'Ví dụ: Giám đốc',
    save: 'Lưu thông tin',
    saved: 'Đã lưu thông tin đơn vị.',
    required: '(bắt buộc)',
  },
  home: {
    title: 'Tổng quan',
    unit: 'Đơn vị',
    year: 'Năm đánh giá',
    focalOfficer: 'Cán bộ đầu mối',
    leader: 'Lãnh đạo',
    dataDir: 'Thư mục dữ liệu',
  },
} as const;
