import { describe, expect, it } from 'vitest';
import { cleanRecipientLine, dateWarningFor } from '../../../src/main/core/reporting/document-options';
import { defaultRecipients, drafterOf, headerFromProfile } from '../../../src/main/core/reporting/unit-header';
import { recipientLines } from '../../../src/main/core/reporting/docx-writer';
import type { UnitProfile } from '../../../src/shared/contract/profile';
import { sampleProfile } from '../../helpers/sample-profile';

const profile = (overrides: Partial<UnitProfile> = {}): UnitProfile => ({
  focalOfficerPhone: '',
  focalOfficerEmail: '',
  draftingUnit: '',
  ...sampleProfile(),
  updatedAt: '',
  ...overrides,
});

describe('default Nơi nhận of a periodic report', () => {
  it('is Như trên, the body above for information, the unit’s leaders', () => {
    expect(defaultRecipients(profile({ name: 'Sở Tư pháp' }))).toEqual(['Như trên', 'UBND tỉnh Lâm Đồng (b/c)', 'Lãnh đạo Sở']);
    expect(defaultRecipients(profile({ name: 'UBND xã Đạ Tẻh', unitType: 'ubnd-xa', parentBody: 'UBND tỉnh Lâm Đồng' }))).toEqual([
      'Như trên',
      'UBND tỉnh Lâm Đồng (b/c)',
      'Chủ tịch, các Phó Chủ tịch UBND',
    ]);
  });

  it('does not name the Kính gửi twice: the Sở Nội vụ reports to the UBND tỉnh, which is "Như trên"', () => {
    expect(defaultRecipients(profile({ name: 'Sở Nội vụ', parentBody: 'UBND tỉnh Lâm Đồng' }))).toEqual(['Như trên', 'Lãnh đạo Sở']);
    expect(defaultRecipients(profile({ name: 'Sở Nội vụ', parentBody: 'Ủy ban nhân dân tỉnh Lâm Đồng' }))).toEqual(['Như trên', 'Lãnh đạo Sở']);
  });

  it('ends with "Lưu: VT, <drafting unit>." from the profile, "CCHC" while the profile has none', () => {
    expect(drafterOf({ draftingUnit: 'VP' })).toBe('VP');
    expect(drafterOf({ draftingUnit: '  ' })).toBe('CCHC');
    const h = headerFromProfile(profile({ draftingUnit: 'TCHC' }), { summary: 'x', isoDate: '2026-03-16', recipients: ['Như trên', 'Sở Tài chính'] });
    expect(recipientLines(h)).toEqual(['- Như trên;', '- Sở Tài chính;', '- Lưu: VT, TCHC.']);
  });
});

describe('document options helpers', () => {
  it('takes a line as printed ("- Sở Tài chính;") and keeps what it names', () => {
    expect(cleanRecipientLine('- Sở Tài chính;')).toBe('Sở Tài chính');
    expect(cleanRecipientLine('  – UBND tỉnh (b/c).')).toBe('UBND tỉnh (b/c)');
    expect(cleanRecipientLine('Giám đốc, các PGĐ Sở')).toBe('Giám đốc, các PGĐ Sở');
    expect(cleanRecipientLine(' - ')).toBe('');
  });

  it('warns only for a date before the data cut-off, naming both dates', () => {
    expect(dateWarningFor('2026-03-14', '2026-03-14')).toBeNull();
    expect(dateWarningFor('2026-03-20', '2026-03-14')).toBeNull();
    expect(dateWarningFor('2026-03-13', '2026-03-14')).toContain('13/03/2026 sớm hơn ngày chốt số liệu của kỳ (14/03/2026)');
  });
});
