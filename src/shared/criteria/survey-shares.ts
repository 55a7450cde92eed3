import type { CriteriaSet } from './format';

/**
 * XHH shares (criteria format `survey`): a part of the scale scored through the sociological
 * survey without survey leaves, declared on a domain or on the whole set. The appraisal file
 * carries their points on lines of their own, under codes no criterion can have ("1.XHH" for
 * domain 1's share, "XHH" for the set's), so the points travel like a survey leaf's.
 */

/** The set-level share's line in the appraisal file. */
export const SET_SURVEY_CODE = 'XHH';

export function surveyShareCode(domainCode: string | null): string {
  return domainCode === null ? SET_SURVEY_CODE : `${domainCode}.${SET_SURVEY_CODE}`;
}

export function isSurveyShareCode(code: string): boolean {
  return code === SET_SURVEY_CODE || code.endsWith(`.${SET_SURVEY_CODE}`);
}

export interface SurveyShareEntry {
  code: string;
  /** The domain the share belongs to; null for the set-level share. */
  domainCode: string | null;
  title: string;
  maxPoints: number;
}

/** Every declared share: the domains' in the set's order, then the set's own. */
export function surveyShares(set: Pick<CriteriaSet, 'domains' | 'survey'>): SurveyShareEntry[] {
  const out: SurveyShareEntry[] = [];
  for (const d of set.domains) {
    if (d.survey) out.push({ code: surveyShareCode(d.code), domainCode: d.code, title: `Điểm điều tra XHH của lĩnh vực ${d.code}`, maxPoints: d.survey.maxPoints });
  }
  if (set.survey) out.push({ code: SET_SURVEY_CODE, domainCode: null, title: 'Điểm điều tra XHH (phần chung của bộ chỉ số)', maxPoints: set.survey.maxPoints });
  return out;
}

/** The sum of the declared shares' maxima. */
export function surveyShareMax(set: Pick<CriteriaSet, 'domains' | 'survey'>): number {
  return surveyShares(set).reduce((sum, s) => sum + s.maxPoints, 0);
}
