import { formatPointsVi } from '../../shared/text/vi';

/**
 * How the command line prints scores and rates in text mode: vi-VN with two decimals, as the
 * official tables do ("68,20", "87,80%"). JSON output (--json) keeps plain numbers.
 */
export const pointsText = formatPointsVi;

/** A percentage on the 0–100 scale: 87.8 → "87,80%". */
export function percentText(percent: number): string {
  return `${formatPointsVi(percent)}%`;
}
