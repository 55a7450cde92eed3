import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

describe('profile channels through the registry', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(() => {
    temp = makeTempDir();
    core = openCore({ dataDir: temp.dir, now: () => new Date('2026-11-22T03:00:00Z') });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  const table = () => core.db.prepare('SELECT * FROM unit_profile ORDER BY year').all();

  it('saves a profile per year, NFC-normalised, and reads it back', async () => {
    const saved = await core.registry.invoke('profile/save', { profile: sampleProfile({ name: 'Sở Nội vụ'.normalize('NFD') }) });
    expect(saved.ok).toBe(true);
    const got = await core.registry.invoke('profile/get', { year: 2026 });
    expect(got).toMatchObject({ ok: true, value: { name: 'Sở Nội vụ', shortName: 'SNV', updatedAt: '2026-11-22T03:00:00.000Z' } });

    // A later year can carry a new name (mergers), the earlier year keeps its own.
    await core.registry.invoke('profile/save', { profile: sampleProfile({ year: 2025, name: 'Sở Nội vụ (trước sáp nhập)' }) });
    expect(await core.registry.invoke('profile/years', {})).toEqual({ ok: true, value: [2026, 2025] });
    expect(await core.registry.invoke('profile/latest', {})).toMatchObject({ ok: true, value: { year: 2026 } });
  });

  it('updates an existing year in place', async () => {
    await core.registry.invoke('profile/save', { profile: sampleProfile() });
    await core.registry.invoke('profile/save', { profile: sampleProfile({ leaderName: 'Lê Thị Đào' }) });
    expect(table()).toHaveLength(1);
    expect(await core.registry.invoke('profile/get', { year: 2026 })).toMatchObject({ value: { leaderName: 'Lê Thị Đào' } });
  });

  const badInputs: [string, unknown, RegExp][] = [
    ['no profile at all', {}, /profile/],
    ['the profile is a string', { profile: 'Sở Nội vụ' }, /sai kiểu/],
    ['the year is text', { profile: sampleProfile({ year: '2026' as unknown as number }) }, /year/],
    ['the year is a fraction', { profile: sampleProfile({ year: 2026.5 }) }, /year/],
    ['the name is missing', { profile: { ...sampleProfile(), name: undefined } }, /name.*bắt buộc/],
    ['the name is blank', { profile: sampleProfile({ name: '   ' }) }, /name.*không được để trống/],
    ['the name is oversized', { profile: sampleProfile({ name: 'Sở '.repeat(500) }) }, /name.*quá dài/],
    ['the short name has spaces', { profile: sampleProfile({ shortName: 'S NV' }) }, /shortName.*chữ in hoa/],
    ['the unit type is unknown', { profile: sampleProfile({ unitType: 'bo' as never }) }, /unitType/],
    ['a district in 2026', { profile: sampleProfile({ unitType: 'ubnd-huyen' }) }, /UBND cấp huyện chỉ được chọn/],
    ['an extra field', { profile: { ...sampleProfile(), isAdmin: true } }, /isAdmin/],
    ['input is null', null, /profile/],
  ];

  it.each(badInputs)('refuses bad input (%s) with a coded Vietnamese error and changes nothing', async (_name, input, message) => {
    await core.registry.invoke('profile/save', { profile: sampleProfile() });
    const before = JSON.stringify(table());
    const result = await core.registry.invoke('profile/save', input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toMatch(/^Dữ liệu gửi lên không hợp lệ/);
      expect(result.error.message).toMatch(message);
    }
    expect(JSON.stringify(table())).toBe(before);
  });

  it('returns every wrong field at once, each with its path and Vietnamese name, for the form to place', async () => {
    const result = await core.registry.invoke('profile/save', { profile: sampleProfile({ name: '', shortName: 'S NV', province: '' }) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toEqual([
      { path: 'profile.name', label: 'Tên đơn vị', message: 'Tên đơn vị: không được để trống.' },
      { path: 'profile.shortName', label: 'Tên viết tắt', message: expect.stringContaining('chữ in hoa') },
      { path: 'profile.province', label: 'Tỉnh, thành phố', message: 'Tỉnh, thành phố: không được để trống.' },
    ]);
    // The message still names all three, for the CLI and the log.
    expect(result.error.message).toMatch(/Tên đơn vị \(profile\.name\).*Tên viết tắt.*Tỉnh, thành phố/);
  });

  it('accepts UBND cấp huyện for 2024 and earlier', async () => {
    const result = await core.registry.invoke('profile/save', { profile: sampleProfile({ year: 2024, unitType: 'ubnd-huyen', name: 'UBND huyện Lâm Hà' }) });
    expect(result.ok).toBe(true);
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    expect(await core.registry.invoke('profile/delete-everything', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});
