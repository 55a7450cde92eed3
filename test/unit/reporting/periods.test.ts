import { describe, expect, it } from 'vitest';
import { daysBetween, parsePeriodsFile, resolvePeriods } from '../../../src/main/core/reporting/periods';
import bundled from '../../../resources/reporting/periods-default.json';

describe('reporting periods', () => {
  const file = parsePeriodsFile(bundled, 'bundled');

  it('resolves the bundled regime for a year, windows crossing the year boundary', () => {
    const periods = resolvePeriods(file, 2027, new Date('2027-06-01T00:00:00Z'));
    expect(periods.map((p) => [p.code, p.cutoffFrom, p.cutoffTo, p.deadline])).toEqual([
      ['q1', '2026-12-15', '2027-03-14', '2027-03-20'],
      ['h1', '2026-12-15', '2027-06-14', '2027-06-20'],
      ['q3', '2027-06-15', '2027-09-14', '2027-09-20'],
      ['9m', '2026-12-15', '2027-09-14', '2027-09-20'],
      ['year', '2026-12-15', '2027-12-14', '2027-12-20'],
    ]);
    expect(periods.map((p) => p.title)).toEqual(['quý I năm 2027', '6 tháng đầu năm 2027', 'quý III năm 2027', '9 tháng năm 2027', 'năm 2027']);
  });

  it('counts days left in Vietnam time: 23:30 UTC is already the next day there', () => {
    const [q1] = resolvePeriods(file, 2026, new Date('2026-03-19T17:30:00Z'));
    expect(q1?.daysLeft).toBe(0);
    expect(daysBetween('2026-03-20', '2026-03-19')).toBe(-1);
  });

  it('refuses bad period data with Vietnamese messages', () => {
    const bad = (patch: object) => () => parsePeriodsFile({ ...bundled, ...patch }, 'tỉnh.json');
    expect(bad({ periods: [bundled.periods[0], bundled.periods[0]] })).toThrow(/chỉ được khai báo một lần/);
    expect(bad({ periods: [{ ...bundled.periods[0], title: 'quý I' }] })).toThrow(/\{year\}/);
    expect(bad({ periods: [{ ...bundled.periods[0], deadline: { month: 4, day: 31 } }] })).toThrow(/Ngày không có trong tháng/);
    expect(bad({ periods: [{ ...bundled.periods[0], code: 'q4' }] })).toThrow(/tỉnh\.json/);
  });

  it('turns 29/02 into 28/02 in a common year', () => {
    const leap = parsePeriodsFile({ ...bundled, periods: [{ ...bundled.periods[0], deadline: { month: 2, day: 29 } }] }, 'x');
    expect(resolvePeriods(leap, 2027, new Date())[0]?.deadline).toBe('2027-02-28');
    expect(resolvePeriods(leap, 2028, new Date())[0]?.deadline).toBe('2028-02-29');
  });
});
