import { canonicalJson } from '../text/canonical-json';
import { formatPointsVi } from '../text/vi';
import type { CriteriaItem, CriteriaSet } from './format';
import { flattenItems } from './tree';

/** One difference between two versions of a criteria set, named by item code. */
export interface SetItemChange {
  code: string;
  change: 'added' | 'removed' | 'renamed' | 'max-changed' | 'rule-changed';
  /** The item's title in the newer version (the older one's for a removed item). */
  title: string;
  /** For renamed: the old and new title; for max-changed: the old and new maximum. */
  before?: string | number;
  after?: string | number;
}

/**
 * What changed from one version of a set to another, item by item in the newer version's order
 * (removed items after). "Rule" covers what decides the points beyond the maximum: the scoring
 * rule, who scores it, whether it adds or deducts, and whether «Không áp dụng» is allowed.
 * Matching is by item code: a code that moved keeps its answers, as the switch carries them.
 */
export function diffSets(older: CriteriaSet, newer: CriteriaSet): SetItemChange[] {
  const before = new Map(flattenItems(older).map((f) => [f.item.code, f.item]));
  const after = flattenItems(newer).map((f) => f.item);
  const afterCodes = new Set(after.map((i) => i.code));
  const out: SetItemChange[] = [];
  for (const item of after) {
    const old = before.get(item.code);
    if (!old) {
      out.push({ code: item.code, change: 'added', title: item.title });
      continue;
    }
    if (old.title.trim() !== item.title.trim()) out.push({ code: item.code, change: 'renamed', title: item.title, before: old.title, after: item.title });
    if (old.maxPoints !== item.maxPoints) out.push({ code: item.code, change: 'max-changed', title: item.title, before: old.maxPoints, after: item.maxPoints });
    if (ruleOf(old) !== ruleOf(item)) out.push({ code: item.code, change: 'rule-changed', title: item.title });
  }
  for (const [code, item] of before) if (!afterCodes.has(code)) out.push({ code, change: 'removed', title: item.title });
  return out;
}

/** The parts of an item that decide its points, as one comparable string (key order fixed by the format's parse). */
function ruleOf(item: CriteriaItem): string {
  return canonicalJson({ scoring: item.scoring ?? null, assessedBy: item.assessedBy, kind: item.kind, notApplicable: item.notApplicable ?? null });
}

/** Each kind of change in words, for the assessment page's banner and the CLI. */
export const SET_CHANGE_LABELS: Record<SetItemChange['change'], string> = {
  added: 'Thêm mới',
  removed: 'Bỏ',
  renamed: 'Đổi tên',
  'max-changed': 'Đổi điểm tối đa',
  'rule-changed': 'Đổi cách tính điểm',
};

/** What changed on the item, in words: «old» → «new» for a rename, the maximum's move, else its title. */
export function setChangeDetail(c: SetItemChange): string {
  if (c.change === 'renamed') return `«${String(c.before)}» → «${String(c.after)}»`;
  if (c.change === 'max-changed') return `${c.title}: ${formatPointsVi(Number(c.before))} → ${formatPointsVi(Number(c.after))} điểm`;
  return c.title;
}
