import type { UnitType } from './contract/profile';

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  so: 'Sở, cơ quan tương đương sở',
  'ubnd-xa': 'UBND cấp xã (xã, phường, đặc khu)',
  'ubnd-huyen': 'UBND cấp huyện (chỉ các năm đến 2024)',
  khac: 'Đơn vị khác',
};
