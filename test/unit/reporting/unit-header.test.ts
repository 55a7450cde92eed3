import { describe, expect, it } from 'vitest';
import { headerFromProfile, placeName, provinceInText, reportRecipient, signerOf } from '../../../src/main/core/reporting/unit-header';
import type { UnitProfile } from '../../../src/shared/contract/profile';
import { sampleProfile } from '../../helpers/sample-profile';

const profile = (overrides: Partial<UnitProfile> = {}): UnitProfile => ({ ...sampleProfile(), focalOfficerPhone: '', focalOfficerEmail: '', updatedAt: '', ...overrides }) as UnitProfile;

describe('the report header from the unit profile', () => {
  it('builds the Decree-30 header: bodies, Số …/BC-<short>, place without "tỉnh", leader as signer', () => {
    const h = headerFromProfile(profile({ name: 'Sở Tài chính', shortName: 'STC' }), { summary: 'Kết quả', isoDate: '2026-03-10' });
    expect(h).toMatchObject({ parentBody: 'UBND tỉnh Lâm Đồng', issuer: 'Sở Tài chính', unitShortName: 'STC', docTypeAbbrev: 'BC', place: 'Lâm Đồng' });
    expect(h.number).toBeUndefined();
    expect(h.kinhGui).toEqual(['Sở Nội vụ tỉnh Lâm Đồng']);
    expect(h.signer).toEqual({ authority: undefined, title: 'Giám đốc', name: 'Trần Văn Mỹ' });
  });

  it('sends the Sở Nội vụ’s own report to the UBND tỉnh, and keeps "thành phố" names', () => {
    expect(reportRecipient(profile())).toBe('Ủy ban nhân dân tỉnh Lâm Đồng');
    expect(provinceInText('Thành phố Hồ Chí Minh')).toBe('Thành phố Hồ Chí Minh');
    expect(provinceInText('Đắk Lắk')).toBe('tỉnh Đắk Lắk');
    expect(placeName('tỉnh Đắk Lắk')).toBe('Đắk Lắk');
  });

  it('signs KT. for a deputy and TM. for a People’s Committee', () => {
    expect(signerOf(profile({ leaderTitle: 'Phó Giám đốc' }))).toEqual({ authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: 'Trần Văn Mỹ' });
    expect(signerOf(profile({ unitType: 'ubnd-xa', leaderTitle: 'Chủ tịch' })).authority).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(signerOf(profile({ unitType: 'ubnd-xa', leaderTitle: 'Phó Chủ tịch' })).authority).toBe('TM. ỦY BAN NHÂN DÂN\nKT. Chủ tịch');
  });
});

describe('centrally-run cities from the province list', () => {
  it('names the six cities "thành phố …" and every other province "tỉnh …", whatever the officer typed', async () => {
    const { provinceInText, placeName } = await import('../../../src/main/core/reporting/unit-header');
    const { PROVINCES } = await import('../../../src/shared/provinces');
    expect(PROVINCES).toHaveLength(34);
    expect(PROVINCES.filter((p) => p.city)).toHaveLength(6);
    expect(provinceInText('Hà Nội')).toBe('thành phố Hà Nội');
    expect(provinceInText('ha noi')).toBe('thành phố Hà Nội');
    expect(provinceInText('Thành phố Hải Phòng')).toBe('thành phố Hải Phòng');
    expect(provinceInText('Huế')).toBe('thành phố Huế');
    expect(provinceInText('Hồ Chí Minh')).toBe('Thành phố Hồ Chí Minh');
    expect(provinceInText('Lâm Đồng')).toBe('tỉnh Lâm Đồng');
    expect(provinceInText('tỉnh Lâm Đồng')).toBe('tỉnh Lâm Đồng');
    // An earlier year's province, not on today's list.
    expect(provinceInText('Thừa Thiên Huế')).toBe('tỉnh Thừa Thiên Huế');
    expect(placeName('Hà Nội')).toBe('Hà Nội');
    expect(placeName('thành phố Đà Nẵng')).toBe('Đà Nẵng');
    expect(placeName('tỉnh Lâm Đồng')).toBe('Lâm Đồng');
  });

  it('sends the report to the Sở Nội vụ of the city', async () => {
    const { reportRecipient } = await import('../../../src/main/core/reporting/unit-header');
    const { sampleProfile } = await import('../../helpers/sample-profile');
    expect(reportRecipient({ focalOfficerPhone: '', focalOfficerEmail: '', draftingUnit: '', ...sampleProfile({ province: 'Hà Nội', name: 'Sở Tư pháp' }), updatedAt: '' })).toBe('Sở Nội vụ thành phố Hà Nội');
  });
});
