import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOf, computeIndex, roundPercent, type RoundingRule } from '../../../src/shared/criteria/index-math';
import type { RatingBand } from '../../../src/shared/criteria/format';

const cents = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((n) => n / 100);
const rule = fc.constantFrom<RoundingRule>('half-up', 'truncate');
const bandsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 })
  .map((mins) => [...mins].sort((a, b) => b - a).map((minPercent, i): RatingBand => ({ name: `Mức ${i + 1}`, minPercent })));

describe('roundPercent', () => {
  it('rounds half-up and truncates at 2 decimals, immune to binary noise', () => {
    expect(roundPercent(82.225)).toBe(82.23);
    expect(roundPercent(82.225, 'truncate')).toBe(82.22);
    expect(roundPercent(89.45, 'truncate')).toBe(89.45);
    expect(roundPercent((62.62 / 70) * 100)).toBe(89.46);
    expect(roundPercent((62.62 / 70) * 100, 'truncate')).toBe(89.45);
    expect(roundPercent(99.995)).toBe(100);
    expect(roundPercent(99.995, 'truncate')).toBe(99.99);
    expect(roundPercent(Number.NaN)).toBe(0);
  });

  it('is idempotent, within a hundredth, and truncate never exceeds half-up', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), rule, (x, r) => {
        const y = roundPercent(x, r);
        expect(roundPercent(y, r)).toBe(y);
        expect(Math.abs(y - x)).toBeLessThanOrEqual(0.01 + 1e-9);
        expect(Number.isInteger(Math.round(y * 100)) && Math.abs(y * 100 - Math.round(y * 100)) < 1e-6).toBe(true);
        expect(roundPercent(x, 'truncate')).toBeLessThanOrEqual(roundPercent(x, 'half-up'));
      }),
    );
  });

  it('is monotonic', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), rule, (a, b, r) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(roundPercent(lo, r)).toBeLessThanOrEqual(roundPercent(hi, r));
      }),
    );
  });
});

describe('bandOf', () => {
  it('is the highest band reached, inclusive; below a list without 0 % floor it is "chưa xếp loại" (null)', () => {
    const bands: RatingBand[] = [
      { name: 'Xuất sắc', minPercent: 90 },
      { name: 'Tốt', minPercent: 80 },
    ];
    expect(bandOf(bands, 90)).toBe('Xuất sắc');
    expect(bandOf(bands, 89.99)).toBe('Tốt');
    expect(bandOf(bands, 80)).toBe('Tốt');
    expect(bandOf(bands, 79.99)).toBeNull();
    expect(bandOf([...bands, { name: 'Yếu', minPercent: 0 }], 0)).toBe('Yếu');
  });

  it('never falls as the percentage rises, and a 0 % floor rates every result', () => {
    fc.assert(
      fc.property(bandsArb, cents(0, 100), cents(0, 100), (bands, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const rank = (name: string | null) => (name === null ? -1 : bands.length - bands.findIndex((x) => x.name === name));
        expect(rank(bandOf(bands, hi))).toBeGreaterThanOrEqual(rank(bandOf(bands, lo)));
        const floored = [...bands.filter((x) => x.minPercent > 0), { name: 'Sàn', minPercent: 0 }];
        expect(bandOf(floored, lo)).not.toBeNull();
        // The band found is one whose bound the value reaches, and no higher bound is reached.
        const found = bands.find((x) => x.name === bandOf(bands, lo));
        if (found) expect(lo).toBeGreaterThanOrEqual(found.minPercent);
        expect(bands.filter((x) => x.minPercent <= lo && x.minPercent > (found?.minPercent ?? -1))).toEqual([]);
      }),
    );
  });
});

describe('computeIndex', () => {
  const bands: RatingBand[] = [
    { name: 'Tốt', minPercent: 80 },
    { name: 'Khá', minPercent: 65 },
    { name: 'Trung bình', minPercent: 50 },
    { name: 'Yếu', minPercent: 0 },
  ];

  it('adds the survey to the appraised part over the full maximum; without survey rescales the appraised part', () => {
    const withSurvey = computeIndex({ appraised: { points: 62.5, max: 76 }, survey: { points: 18.4, max: 24 }, bands, rounding: 'half-up' });
    expect(withSurvey).toMatchObject({ index: 80.9, band: 'Tốt', formula: 'appraised-plus-survey', points: 80.9, max: 100 });
    // Nam Định 2020 (domain brief §2.2 e): 62,62 appraised of 70 → 89,46 % (89,45 % truncated).
    expect(computeIndex({ appraised: { points: 62.62, max: 70 }, survey: null, bands, rounding: 'half-up' }).index).toBe(89.46);
    expect(computeIndex({ appraised: { points: 62.62, max: 70 }, survey: null, bands, rounding: 'truncate' })).toMatchObject({ index: 89.45, formula: 'appraised-rescaled' });
    expect(computeIndex({ appraised: { points: 0, max: 0 }, survey: null, bands, rounding: 'half-up' }).index).toBe(0);
  });

  it('stays within 0–100 when points are within their maxima, and rises with either part', () => {
    fc.assert(
      fc.property(cents(1, 100), fc.double({ min: 0, max: 1, noNaN: true }), fc.option(fc.tuple(cents(1, 40), fc.double({ min: 0, max: 1, noNaN: true })), { nil: null }), rule, cents(0, 5), (aMax, aShare, survey, r, extra) => {
        const appraised = { points: Math.round(aMax * aShare * 100) / 100, max: aMax };
        const s = survey ? { points: Math.round(survey[0] * survey[1] * 100) / 100, max: survey[0] } : null;
        const result = computeIndex({ appraised, survey: s, bands, rounding: r });
        expect(result.index).toBeGreaterThanOrEqual(0);
        expect(result.index).toBeLessThanOrEqual(100);
        expect(result.band).toBe(bandOf(bands, result.index));
        const expected = ((appraised.points + (s?.points ?? 0)) / (appraised.max + (s?.max ?? 0))) * 100;
        expect(Math.abs(result.index - expected)).toBeLessThanOrEqual(0.01 + 1e-9);
        const more = computeIndex({ appraised: { ...appraised, points: Math.min(appraised.max, appraised.points + extra) }, survey: s, bands, rounding: r });
        expect(more.index).toBeGreaterThanOrEqual(result.index);
      }),
    );
  });
});
