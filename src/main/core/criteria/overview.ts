import type { CriteriaDomainOverview, CriteriaSetOverview } from '../../../shared/contract/criteria';
import type { CriteriaItem, CriteriaSet } from '../../../shared/criteria/format';
import { declaredCountWarnings } from './declared-counts';

/** Counts for lists and the import preview: how big the set is and how much the unit scores itself. */

function count(items: readonly CriteriaItem[]): { itemCount: number; leafCount: number; selfScoredCount: number } {
  let itemCount = 0;
  let leafCount = 0;
  let selfScoredCount = 0;
  const walk = (list: readonly CriteriaItem[]) => {
    for (const item of list) {
      itemCount++;
      if (item.children.length === 0) {
        leafCount++;
        if (item.assessedBy === 'self') selfScoredCount++;
      }
      walk(item.children);
    }
  };
  walk(items);
  return { itemCount, leafCount, selfScoredCount };
}

export function overviewOf(set: CriteriaSet): CriteriaSetOverview {
  return {
    id: set.id,
    version: set.version,
    name: set.name,
    year: set.year,
    unitType: set.unitType,
    isSample: set.isSample,
    decision: set.decision ?? null,
    scaleMax: set.scale.max,
    ...count(set.domains),
    warnings: declaredCountWarnings(set),
  };
}

export function domainOverviews(set: CriteriaSet): CriteriaDomainOverview[] {
  return set.domains.map((d) => ({ code: d.code, title: d.title, kind: d.kind, maxPoints: d.maxPoints, ...count([d]) }));
}
