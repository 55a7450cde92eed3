import type { CriteriaItem, CriteriaSet } from './format';

export interface FlatItem {
  item: CriteriaItem;
  /** Code of the top-level domain the item belongs to. */
  domainCode: string;
  depth: number;
  /**
   * How the item counts: its own kind, or else the nearest ancestor's bonus/penalty kind. The
   * format lets a set declare `kind` on the domain only (docs/criteria-format.md), so a leaf under
   * "Điểm trừ" is a deduction even when it says nothing itself.
   */
  kind: CriteriaItem['kind'];
}

/** Every item of the set in document order (parents before children). */
export function flattenItems(set: CriteriaSet): FlatItem[] {
  const out: FlatItem[] = [];
  const walk = (items: CriteriaItem[], domainCode: string | null, depth: number, inherited: CriteriaItem['kind']) => {
    for (const item of items) {
      const domain = domainCode ?? item.code;
      const kind = item.kind !== 'normal' ? item.kind : inherited;
      out.push({ item, domainCode: domain, depth, kind });
      walk(item.children, domain, depth + 1, kind);
    }
  };
  walk(set.domains, null, 0, 'normal');
  return out;
}

/** The items an officer answers: leaves that are self-assessed. */
export function selfScoredLeaves(set: CriteriaSet): FlatItem[] {
  return flattenItems(set).filter((f) => f.item.children.length === 0 && f.item.assessedBy === 'self' && !!f.item.scoring);
}

export function findItem(set: CriteriaSet, code: string): CriteriaItem | undefined {
  return flattenItems(set).find((f) => f.item.code === code)?.item;
}

/** Every item's effective kind by code (see FlatItem.kind). */
export function effectiveKinds(set: CriteriaSet): Record<string, CriteriaItem['kind']> {
  return Object.fromEntries(flattenItems(set).map((f) => [f.item.code, f.kind]));
}
