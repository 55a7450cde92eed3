import type { ItemStatus } from './format';

/** What the engine says about one item given the officer's answer. */
export interface ItemScore {
  code: string;
  /** Points this item contributes: ≥ 0 and ≤ its max (penalty items: the deduction, also ≥ 0). */
  points: number;
  /** The maximum that counts after "không áp dụng" is applied (0 when excluded). */
  effectiveMax: number;
  /** True when the officer has entered an answer (or, for a parent, every self-scored leaf has one). */
  answered: boolean;
  notApplicable: boolean;
  /** Why the points are what they are, in Vietnamese, for the thuyết minh and the tables. */
  ruleExplanation: string;
}

export interface DomainTotal {
  code: string;
  title: string;
  kind: 'normal' | 'bonus' | 'penalty';
  points: number;
  max: number;
  answeredLeaves: number;
  totalLeaves: number;
  /**
   * Points of sub-items of another kind inside the domain (a deduction line in a normal domain, a
   * penalty line in a bonus domain): counted in the set's buckets, not in `points`. Absent when none.
   */
  otherKinds?: { normal: number; bonus: number; penalty: number };
}

export interface SetScore {
  /** Every item by code, parents included. */
  items: Record<string, ItemScore>;
  domains: DomainTotal[];
  /** Self-assessed part: normal domains + bonus − penalty, within the set's caps. */
  total: number;
  /** Maximum of the self-assessed part (N/A exclusions applied). */
  max: number;
  /** total ÷ max × 100. */
  percent: number;
  /** Name of the rating band that percent falls in. */
  band: string;
  /**
   * The totals before the set's caps: normal points, bonus added, penalty deducted, wherever the
   * bonus/penalty items sit (their own domain, or sub-items inside a content of another kind).
   */
  buckets: { normal: number; bonus: number; penalty: number };
  /** Items not yet at full points, most points still at stake first. */
  atStake: { code: string; title: string; pointsAtStake: number; status?: ItemStatus }[];
}
