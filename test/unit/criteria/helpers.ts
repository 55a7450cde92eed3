import type { CriteriaItem, CriteriaSet, Rule } from '../../../src/shared/criteria/format';

/** A self-scored leaf with the given rule. */
export function leaf(code: string, maxPoints: number, scoring: Rule | undefined, extra: Partial<CriteriaItem> = {}): CriteriaItem {
  return {
    code,
    title: `Tiêu chí ${code}`,
    kind: 'normal',
    maxPoints,
    assessedBy: 'self',
    guidance: '',
    evidenceRequired: '',
    ...(scoring ? { scoring } : {}),
    children: [],
    ...extra,
  };
}

export function node(code: string, maxPoints: number, children: CriteriaItem[], extra: Partial<CriteriaItem> = {}): CriteriaItem {
  return { code, title: `Mục ${code}`, kind: 'normal', maxPoints, assessedBy: 'self', guidance: '', evidenceRequired: '', children, ...extra };
}

export function makeSet(domains: CriteriaItem[], extra: Partial<CriteriaSet> = {}): CriteriaSet {
  return {
    formatVersion: 1,
    id: 'bo-thu',
    name: 'Bộ chỉ số thử',
    year: 2026,
    unitType: 'so',
    version: 1,
    isSample: false,
    scale: { max: 100, allowAboveMax: false },
    bands: [
      { name: 'Tốt', minPercent: 80 },
      { name: 'Khá', minPercent: 65 },
      { name: 'Trung bình', minPercent: 50 },
      { name: 'Yếu', minPercent: 0 },
    ],
    domains,
    ...extra,
  };
}
