import { describe, expect, it } from 'vitest';
import {
  formatBytesVi,
  compareVietnamese,
  foldVietnamese,
  formatDateVi,
  formatDecreeDate,
  formatInstantVi,
  formatNumberVi,
  formatPercentVi,
  formatPointsVi,
  isIsoDate,
  numberInputTextVi,
  parseNumberVi,
  parseDateVi,
  toNfc,
} from '../../../src/shared/text/vi';

describe('Vietnamese text helpers', () => {
  it('folds diacritics, đ and case so search matches both ways', () => {
    expect(foldVietnamese('Kế hoạch')).toBe('ke hoach');
    expect(foldVietnamese('ĐẢNG ỦY')).toBe('dang uy');
    expect(foldVietnamese('Kế hoạch'.normalize('NFD'))).toBe('ke hoach');
    expect(foldVietnamese('Ặỹữ')).toBe('ayu');
  });

  it('stores NFC', () => {
    const nfd = 'Nguyễn'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn');
    expect(toNfc(nfd)).toBe('Nguyễn');
  });

  it('formats numbers and percentages the Vietnamese way', () => {
    expect(formatPercentVi(82.2222)).toBe('82,22%');
    expect(formatNumberVi(1234567.5)).toBe('1.234.567,5');
    expect(formatPointsVi(2.5)).toBe('2,50');
  });

  it('formats and parses dd/mm/yyyy and rejects impossible dates', () => {
    expect(formatDateVi('2026-01-05')).toBe('05/01/2026');
    expect(parseDateVi('5/1/2026')).toBe('2026-01-05');
    expect(parseDateVi('30/02/2026')).toBeNull();
    expect(parseDateVi('2026-01-05')).toBeNull();
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
  });

  it('writes the Decree 30 date line with leading zeros for days < 10 and months 1–2', () => {
    expect(formatDecreeDate('2020-01-05')).toBe('ngày 05 tháng 01 năm 2020');
    expect(formatDecreeDate('2026-11-22')).toBe('ngày 22 tháng 11 năm 2026');
    expect(formatDecreeDate('2026-03-09')).toBe('ngày 09 tháng 3 năm 2026');
  });

  it('sorts in Vietnamese order (Đ after D)', () => {
    expect(['Đà Lạt', 'Bảo Lộc', 'Di Linh', 'An Giang'].sort(compareVietnamese)).toEqual([
      'An Giang',
      'Bảo Lộc',
      'Di Linh',
      'Đà Lạt',
    ]);
  });
});

describe('parseNumberVi', () => {
  it.each([
    ['85,5', 85.5],
    ['85.5', 85.5],
    ['1.234,5', 1234.5],
    ['1.234', 1234],
    [' 12 ', 12],
    ['-3', -3],
    ['0', 0],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumberVi(text)).toBe(value);
  });

  it.each(['', 'abc', '1,2,3', '12%', '--1'])('refuses %j', (text) => {
    expect(parseNumberVi(text)).toBeNull();
  });
});

describe('numberInputTextVi', () => {
  it.each([
    [null, ''],
    [0, '0'],
    [85.5, '85,5'],
    [1234567.25, '1234567,25'],
    [1 / 3, '0,3333'],
  ])('shows %s as %j, which reads back as the value', (value, text) => {
    expect(numberInputTextVi(value)).toBe(text);
    if (value !== null) expect(parseNumberVi(text)).toBeCloseTo(value, 4);
  });
});

describe('formatBytesVi', () => {
  it.each([
    [0, '0 byte'],
    [750, '750 byte'],
    [1536, '1,5 KB'],
    [9 * 1024 ** 2, '9 MB'],
    [1.5 * 1024 ** 3, '1,5 GB'],
  ])('writes %d as %s', (bytes, text) => {
    expect(formatBytesVi(bytes)).toBe(text);
  });
});

describe('formatInstantVi', () => {
  it('shows an instant in Vietnam time, to the minute or the second, across midnight', () => {
    expect(formatInstantVi('2026-11-25T07:05:09Z')).toBe('25/11/2026 14:05');
    expect(formatInstantVi('2026-11-25T17:05:09.000Z', { seconds: true })).toBe('26/11/2026 00:05:09');
    expect(formatInstantVi('không phải ngày')).toBe('không phải ngày');
  });
});
