import { foldVietnamese } from './text/vi';

/**
 * The 34 provinces and centrally-run cities after the 2025 mergers (Nghị quyết 202/2025/QH15,
 * from 01/07/2025; domain brief §0). A report names a city "thành phố Hà Nội" (Sở Nội vụ thành
 * phố Hà Nội, Ủy ban nhân dân thành phố Hà Nội) and a province "tỉnh Lâm Đồng"; the officer types
 * only the name. Huế has been a centrally-run city since 01/01/2025; an earlier year's "Thừa
 * Thiên Huế" is not on the list and stays a tỉnh.
 */
export interface Province {
  name: string;
  city: boolean;
}

export const PROVINCES: readonly Province[] = [
  ...['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'].map((name) => ({ name, city: true })),
  ...[
    'An Giang', 'Bắc Ninh', 'Cà Mau', 'Cao Bằng', 'Đắk Lắk', 'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Tĩnh',
    'Hưng Yên', 'Khánh Hòa', 'Lai Châu', 'Lâm Đồng', 'Lạng Sơn', 'Lào Cai', 'Nghệ An', 'Ninh Bình', 'Phú Thọ', 'Quảng Ngãi',
    'Quảng Ninh', 'Quảng Trị', 'Sơn La', 'Tây Ninh', 'Thái Nguyên', 'Thanh Hóa', 'Tuyên Quang', 'Vĩnh Long',
  ].map((name) => ({ name, city: false })),
];

/** "Thành phố Hà Nội", "TP. Hà Nội", "tỉnh Lâm Đồng" → the bare name as typed ("Hà Nội"). */
export function bareProvinceName(text: string): string {
  return text.trim().replace(/^(tỉnh|thành phố|tp\.?)\s+/iu, '').trim();
}

const key = (name: string) => foldVietnamese(bareProvinceName(name)).replace(/^thanh pho /, '').replace(/\s+/g, ' ');

/** The list entry for a typed name (with or without "tỉnh"/"thành phố", any case or marks), or null. */
export function findProvince(text: string): Province | null {
  const k = key(text);
  return PROVINCES.find((p) => key(p.name) === k) ?? null;
}

/** How the province reads inside a sentence: "thành phố Hà Nội", "Thành phố Hồ Chí Minh", "tỉnh Lâm Đồng". */
export function provincePhrase(text: string): string {
  const found = findProvince(text);
  const name = found?.name ?? bareProvinceName(text);
  if (found?.name === 'Hồ Chí Minh') return 'Thành phố Hồ Chí Minh';
  if (found?.city) return `thành phố ${name}`;
  // A name not on the list (an earlier year's province) keeps what the officer wrote when it says "thành phố".
  if (!found && /^(thành phố|tp\.?)\s/iu.test(text.trim())) return `thành phố ${name}`;
  return `tỉnh ${name}`;
}

/** Địa danh of ô 4: "Hà Nội", "Thành phố Hồ Chí Minh", "Lâm Đồng" — never "tỉnh …". */
export function provincePlace(text: string): string {
  const found = findProvince(text);
  if (found?.name === 'Hồ Chí Minh') return 'Thành phố Hồ Chí Minh';
  return found?.name ?? bareProvinceName(text);
}
