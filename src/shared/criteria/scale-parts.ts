import { formatPointsVi } from '../text/vi';
import type { CriteriaItem, CriteriaSet } from './format';
import type { SetScore } from './score-types';
import { flattenItems } from './tree';
import { roundPoints } from './index-math';
import { surveyShareMax } from './survey-shares';

/**
 * What part of the scale a self-score covers, and why the rest is not in it. Every total the app
 * prints says which it is (issue: a self-score of 68,20/76 is not a result on the 100-point scale):
 * the .docx and the .xlsx both print these same numbers.
 */
export interface ScaleParts {
  /** Sum of the normal domains' maxima as the set declares them, plus a set-level XHH share (usually the scale, 100). */
  scaleMax: number;
  /** Leaves assessed through the sociological survey (điều tra XHH), and declared XHH shares. */
  surveyMax: number;
  /** Leaves only the appraisal council scores. */
  appraisalOnlyMax: number;
  /** Self-scored leaves answered "Không áp dụng" that leave the maximum. */
  notApplicableMax: number;
  /** Codes of those N/A leaves, with the officer's reason. */
  notApplicable: { code: string; title: string; maxPoints: number; reason: string }[];
  /** The maximum of the self-scored part (the engine's max). */
  selfMax: number;
}

export function scaleParts(set: CriteriaSet, score: SetScore, reasons: Readonly<Record<string, string>> = {}): ScaleParts {
  let surveyMax = 0;
  let appraisalOnlyMax = 0;
  let notApplicableMax = 0;
  const notApplicable: ScaleParts['notApplicable'] = [];
  for (const { item, kind } of flattenItems(set)) {
    if (item.children.length > 0 || kind !== 'normal') continue;
    if (item.assessedBy === 'survey') surveyMax += item.maxPoints;
    else if (item.assessedBy === 'appraisal') appraisalOnlyMax += item.maxPoints;
    else if (score.items[item.code]?.notApplicable && score.items[item.code]?.effectiveMax === 0) {
      notApplicableMax += item.maxPoints;
      notApplicable.push({ code: item.code, title: item.title, maxPoints: item.maxPoints, reason: reasons[item.code] ?? '' });
    }
  }
  // Declared XHH shares (criteria format `survey`) are survey points too; the set's own share is
  // part of the scale outside every domain.
  surveyMax += surveyShareMax(set);
  const domainsMax = set.domains.filter((d) => d.kind === 'normal').reduce((s, d) => s + d.maxPoints, 0);
  const scaleMax = roundPoints(domainsMax + (set.survey?.maxPoints ?? 0));
  return {
    scaleMax,
    surveyMax: roundPoints(surveyMax),
    appraisalOnlyMax: roundPoints(appraisalOnlyMax),
    notApplicableMax: roundPoints(notApplicableMax),
    notApplicable,
    selfMax: score.max,
  };
}

/** "phần tự chấm 76/100 điểm". */
export function selfScopeText(parts: ScaleParts): string {
  return `phần tự chấm ${formatPointsVi(parts.selfMax)}/${formatPointsVi(parts.scaleMax)} điểm`;
}

/**
 * Why the self-scored maximum is below the scale, one clause per reason:
 * "không tính 20,00 điểm đánh giá qua điều tra XHH; 3,00 điểm do cơ quan thẩm định chấm; 1,00 điểm của tiêu chí không áp dụng, KAD: 1.3.1".
 */
export function exclusionsText(parts: ScaleParts): string {
  const clauses = [
    parts.surveyMax > 0 ? `${formatPointsVi(parts.surveyMax)} điểm đánh giá qua điều tra xã hội học (XHH)` : '',
    parts.appraisalOnlyMax > 0 ? `${formatPointsVi(parts.appraisalOnlyMax)} điểm do cơ quan thẩm định chấm` : '',
    parts.notApplicableMax > 0
      ? `${formatPointsVi(parts.notApplicableMax)} điểm của tiêu chí không áp dụng, KAD: ${parts.notApplicable.map((n) => n.code).join(', ')}`
      : '',
  ].filter(Boolean);
  return clauses.length ? `không tính ${clauses.join('; ')}` : 'toàn bộ thang điểm do đơn vị tự chấm';
}

/**
 * Points as they count toward the total: a deduction reads "−1,00", a bonus "+1,00", the rest as is.
 * Zero stays "0,00" either way: nothing was deducted or added.
 */
export function signedPointsText(points: number, kind: CriteriaItem['kind']): string {
  if (points <= 0) return formatPointsVi(0);
  if (kind === 'penalty') return `−${formatPointsVi(points)}`;
  if (kind === 'bonus') return `+${formatPointsVi(points)}`;
  return formatPointsVi(points);
}
