import type { CriteriaItem, CriteriaSet } from './format';

export interface FlatItem {
  item: CriteriaItem;
  /** Code of the top-level domain the item belongs to. */
  domainCode: string;
  depth: number;
}

/** Every item of the set in document order (parents before children). */
export function flattenItems(set: CriteriaSet): FlatItem[] {
  const out: FlatItem[] = [];
  const walk = (items: CriteriaItem[], domainCode: string | null, depth: number) => {
    for (const item of items) {
      const domain = domainCode ?? item.code;
      out.push({ item, domainCode: domain, depth });
      walk(item.children, domain, depth + 1);
    }
  };
  walk(set.domains, null, 0);
  return out;
}

/** The items an officer answers: leaves that are self-assessed. */
export function selfScoredLeaves(set: CriteriaSet): FlatItem[] {
  return flattenItems(set).filter((f) => f.item.children.length === 0 && f.item.assessedBy === 'self' && !!f.item.scoring);
}

export function findItem(set: CriteriaSet, code: string): CriteriaItem | undefined {
  return flattenItems(set).find((f) => f.item.code === code)?.item;
}
