import type { UnitProfileInput } from '../../src/shared/contract/profile';

/** A realistic 2026 department profile, with the rare letters that break naive text handling. */
export function sampleProfile(overrides: Partial<UnitProfileInput> = {}): UnitProfileInput {
  return {
    year: 2026,
    name: 'Sở Nội vụ',
    shortName: 'SNV',
    unitType: 'so',
    parentBody: 'UBND tỉnh Lâm Đồng',
    province: 'Lâm Đồng',
    focalOfficerName: 'Nguyễn Thị Ặnh',
    focalOfficerPhone: '0263 3822 123',
    focalOfficerEmail: 'cchc.snv@lamdong.gov.vn',
    leaderName: 'Trần Văn Mỹ',
    leaderTitle: 'Giám đốc',
    ...overrides,
  };
}
