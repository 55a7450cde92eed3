import type { AssessmentView } from '../../../shared/contract/assessment';
import type { CriteriaItem } from '../../../shared/criteria/format';
import { flattenItems } from '../../../shared/criteria/tree';
import { surveyShares } from '../../../shared/criteria/survey-shares';
import { toNfc } from '../../../shared/text/vi';
import { APPRAISAL_FORMAT_VERSION } from './appraisal-file';

/** What the template carries: every leaf with its code, title, maximum and self-score. */
export interface TemplateData {
  year: number;
  unit: string;
  unitName: string;
  round: 1 | 2;
  items: { code: string; title: string; assessedBy: CriteriaItem['assessedBy']; maxPoints: number; selfPoints: number | null }[];
}

export function templateData(view: AssessmentView, unit: string, unitName: string, round: 1 | 2): TemplateData {
  return {
    year: view.year,
    unit,
    unitName,
    round,
    items: flattenItems(view.set)
      .filter((f) => f.item.children.length === 0)
      .map(({ item }) => ({
        code: item.code,
        title: toNfc(item.title),
        assessedBy: item.assessedBy,
        maxPoints: item.maxPoints,
        selfPoints: item.assessedBy === 'self' ? (view.score.items[item.code]?.points ?? 0) : null,
      }))
      // One line per declared XHH share, after the leaves ("1.XHH", "XHH").
      .concat(surveyShares(view.set).map((s) => ({ code: s.code, title: s.title, assessedBy: 'survey' as const, maxPoints: s.maxPoints, selfPoints: null }))),
  };
}

/** The JSON template: the format itself, points left null (= recognised) for Sở Nội vụ to fill. */
export function appraisalTemplateJson(data: TemplateData): string {
  const file = {
    formatVersion: APPRAISAL_FORMAT_VERSION,
    kind: 'appraisal',
    year: data.year,
    unit: data.unit,
    round: data.round,
    responseDeadline: null,
    final: false,
    items: data.items.map((i) => ({ ...i, points: null, note: '', requestExplanation: false })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
