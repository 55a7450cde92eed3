import type { Answer, CriteriaItem, CriteriaSet, ItemStatus } from '../../../shared/criteria/format';
import type { DomainTotal, ItemScore, SetScore } from '../../../shared/criteria/score-types';
import { formatPointsVi } from '../../../shared/text/vi';
import { compareCodes } from './codes';
import { bandOf, UNRATED_LABEL } from '../../../shared/criteria/index-math';
import { round2, scoreLeaf } from './rule-scoring';

/**
 * The scoring engine: pure functions from a set and the officer's answers to points, totals, the
 * rating band and the points still at stake. Every screen, report and export uses these numbers.
 */


/** Scores one leaf (an item without children). */
export function scoreItem(item: CriteriaItem, answer: Answer | undefined): ItemScore {
  return scoreLeaf(item, answer);
}

type Kind = CriteriaItem['kind'];
/** Points by how they count: added (normal), added up to a cap (bonus), deducted (penalty). */
type Buckets = Record<Kind, number>;

interface Visit {
  score: ItemScore;
  answeredLeaves: number;
  selfLeaves: number;
  notApplicableLeaves: number;
  /**
   * What the item passes up: its own points in its own kind, plus the points of sub-items of
   * another kind (a deduction inside a normal criterion, a penalty line inside a bonus domain),
   * each already capped by its own maximum, untouched by this item's cap.
   */
  buckets: Buckets;
}

interface Leaf {
  item: CriteriaItem;
  score: ItemScore;
  /** The leaf's effective kind: its own, or the nearest ancestor's bonus/penalty. */
  domainKind: Kind;
}

const noBuckets = (): Buckets => ({ normal: 0, bonus: 0, penalty: 0 });

export function scoreSet(set: CriteriaSet, answers: Readonly<Record<string, Answer>>, statuses: Readonly<Record<string, ItemStatus>> = {}): SetScore {
  const items: Record<string, ItemScore> = {};
  const leaves: Leaf[] = [];

  const visit = (item: CriteriaItem, inherited: Kind): Visit => {
    // A sub-item may declare its own bonus/penalty kind inside a content of another kind.
    const domainKind: Kind = item.kind !== 'normal' ? item.kind : inherited;
    if (item.children.length === 0) {
      const score = scoreLeaf(item, Object.hasOwn(answers, item.code) ? answers[item.code] : undefined);
      items[item.code] = score;
      const self = item.assessedBy === 'self';
      if (self) leaves.push({ item, score, domainKind });
      const buckets = noBuckets();
      buckets[domainKind] = score.points;
      return {
        score,
        answeredLeaves: self && score.answered ? 1 : 0,
        selfLeaves: self ? 1 : 0,
        notApplicableLeaves: self && score.notApplicable ? 1 : 0,
        buckets,
      };
    }
    let sum = 0;
    let childMax = 0;
    let answeredLeaves = 0;
    let selfLeaves = 0;
    let notApplicableLeaves = 0;
    const passed = noBuckets();
    for (const child of item.children) {
      const v = visit(child, domainKind);
      // Only sub-items of the item's own kind fill its points and its maximum; the others pass up.
      const childKind: Kind = child.kind !== 'normal' ? child.kind : domainKind;
      if (childKind === domainKind) {
        sum += v.score.points;
        childMax += v.score.effectiveMax;
      }
      for (const k of ['normal', 'bonus', 'penalty'] as const) if (k !== domainKind) passed[k] += v.buckets[k];
      answeredLeaves += v.answeredLeaves;
      selfLeaves += v.selfLeaves;
      notApplicableLeaves += v.notApplicableLeaves;
    }
    // A parent can never give more than its own maximum, nor more than its children can reach.
    const effectiveMax = round2(Math.min(item.maxPoints, childMax));
    const points = round2(Math.min(sum, effectiveMax));
    const score: ItemScore = {
      code: item.code,
      points,
      effectiveMax,
      answered: answeredLeaves === selfLeaves,
      notApplicable: selfLeaves > 0 && notApplicableLeaves === selfLeaves,
      ruleExplanation: parentExplanation(round2(sum), points, effectiveMax, selfLeaves),
    };
    items[item.code] = score;
    passed[domainKind] = points;
    return { score, answeredLeaves, selfLeaves, notApplicableLeaves, buckets: passed };
  };

  const domains: DomainTotal[] = [];
  let normal = 0;
  let bonus = 0;
  let penalty = 0;
  let max = 0;
  for (const domain of set.domains) {
    const v = visit(domain, domain.kind);
    domains.push({
      code: domain.code,
      title: domain.title,
      kind: domain.kind,
      points: v.score.points,
      max: v.score.effectiveMax,
      answeredLeaves: v.answeredLeaves,
      totalLeaves: v.selfLeaves,
      ...otherKindsOf(v.buckets, domain.kind),
    });
    normal += v.buckets.normal;
    bonus += v.buckets.bonus;
    penalty += v.buckets.penalty;
    if (domain.kind === 'normal') max += v.score.effectiveMax;
  }
  max = round2(max);
  // Without allowAboveMax, bonus points may fill the self-assessed part up to its maximum but not
  // past it; that maximum is itself within scale.max.
  const ceiling = set.scale.allowAboveMax ? Number.POSITIVE_INFINITY : Math.min(max, set.scale.max);
  const total = round2(Math.min(Math.max(normal + bonus - penalty, 0), ceiling));
  const percent = max > 0 ? (total / max) * 100 : 0;

  const atStake = leaves
    .filter((l) => l.domainKind !== 'penalty' && !l.score.notApplicable)
    .map((l) => ({ code: l.item.code, title: l.item.title, pointsAtStake: round2(l.score.effectiveMax - l.score.points), status: statuses[l.item.code] }))
    .filter((s) => s.pointsAtStake > 0)
    .sort((a, b) => b.pointsAtStake - a.pointsAtStake || compareCodes(a.code, b.code))
    .map(({ status, ...rest }) => (status ? { ...rest, status } : rest));

  return { items, domains, total, max, percent, band: bandFor(set, percent), atStake, buckets: { normal: round2(normal), bonus: round2(bonus), penalty: round2(penalty) } };
}

/**
 * The highest band whose lower bound the percentage reaches (bounds are inclusive); below the
 * lowest band of a set without a 0 % band, "Chưa xếp loại".
 */
export function bandFor(set: Pick<CriteriaSet, 'bands'>, percent: number): string {
  return bandOf(set.bands, percent) ?? UNRATED_LABEL;
}

function parentExplanation(sum: number, points: number, effectiveMax: number, selfLeaves: number): string {
  if (selfLeaves === 0) return 'Không có tiêu chí con do đơn vị tự chấm (đánh giá qua điều tra XHH hoặc thẩm định).';
  const outOf = `${formatPointsVi(points)}/${formatPointsVi(effectiveMax)} điểm`;
  if (sum > points) return `Tổng điểm các tiêu chí con ${formatPointsVi(sum)} vượt mức tối đa; tính ${outOf}.`;
  return `Tổng điểm các tiêu chí con: ${outOf}.`;
}

/** The buckets of the kinds other than the domain's own, when any sub-item of such a kind exists. */
function otherKindsOf(buckets: Buckets, kind: Kind): { otherKinds?: Buckets } {
  const other = { ...buckets, [kind]: 0 };
  return other.normal || other.bonus || other.penalty ? { otherKinds: { normal: round2(other.normal), bonus: round2(other.bonus), penalty: round2(other.penalty) } } : {};
}
