import type { RatingBand } from './format';

/**
 * The arithmetic of the official Chỉ số CCHC (domain brief §2.3), pure and shared by main (the
 * appraisal domain, the CLI) and the renderer:
 * - with survey (XHH) results: Chỉ số = (điểm thẩm định + điểm XHH) / điểm tối đa × 100;
 * - without: Chỉ số = điểm thẩm định / điểm tối đa phần thẩm định × 100 (rescaled to 100).
 * Decisions differ on how the percentage is rounded (half-up or cut at 2 decimals), and on whether
 * the lowest band starts at 0 % (below it the unit is "chưa xếp loại"), so both are parameters.
 */

export const ROUNDING_RULES = ['half-up', 'truncate'] as const;
export type RoundingRule = (typeof ROUNDING_RULES)[number];

/** Shown where a result falls below the lowest band of a set that has no 0 % floor. */
export const UNRATED_LABEL = 'Chưa xếp loại';

/**
 * A percentage to 2 decimals. The value is first cleaned of binary noise at 9 decimals, so
 * 82.225 (stored as 82.22499999…) rounds half-up to 82.23 and 89.45 truncates to 89.45, not 89.44.
 */
export function roundPercent(value: number, rule: RoundingRule = 'half-up'): number {
  if (!Number.isFinite(value)) return 0;
  const cleaned = Number(value.toFixed(9));
  const hundredths = Number((cleaned * 100).toFixed(6));
  const sign = hundredths < 0 ? -1 : 1;
  const magnitude = Math.abs(hundredths);
  const whole = rule === 'truncate' ? Math.floor(magnitude) : Math.floor(magnitude + 0.5);
  // `+ 0` turns a −0 into 0.
  return (sign * whole) / 100 + 0;
}

/**
 * The band the percentage falls in: the highest band whose lower bound it reaches (inclusive).
 * Below the lowest band: that band when it starts at 0 %, else null ("chưa xếp loại").
 */
export function bandOf(bands: readonly RatingBand[], percent: number): string | null {
  const sorted = [...bands].sort((a, b) => b.minPercent - a.minPercent);
  const hit = sorted.find((b) => percent >= b.minPercent - 1e-9);
  return hit ? hit.name : null;
}

export interface PointsOutOf {
  points: number;
  max: number;
}

export interface IndexInput {
  /** The appraised part (self-scored and appraisal-only items, after N/A exclusions). */
  appraised: PointsOutOf;
  /** Survey (XHH) results, or null when none were run or entered. */
  survey: PointsOutOf | null;
  bands: readonly RatingBand[];
  rounding: RoundingRule;
}

export interface IndexResult {
  /** 0–100 (more only where a set lets bonus points pass the maximum), rounded by the set's rule. */
  index: number;
  /** The band on the full scale; null when below the lowest band of a set without a 0 % floor. */
  band: string | null;
  /** Which formula applied. */
  formula: 'appraised-plus-survey' | 'appraised-rescaled';
  /** The points and maximum the index was taken over. */
  points: number;
  max: number;
}

export function computeIndex(input: IndexInput): IndexResult {
  const withSurvey = input.survey !== null;
  const points = input.appraised.points + (input.survey?.points ?? 0);
  const max = input.appraised.max + (input.survey?.max ?? 0);
  const index = max > 0 ? roundPercent((points / max) * 100, input.rounding) : 0;
  return {
    index,
    band: bandOf(input.bands, index),
    formula: withSurvey ? 'appraised-plus-survey' : 'appraised-rescaled',
    points: roundPoints(points),
    max: roundPoints(max),
  };
}

/** Points to 2 decimals, half-up (the engine's rounding of points). */
export function roundPoints(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}
