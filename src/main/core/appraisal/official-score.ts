import type { AppraisalRound, OfficialScore, PointsOutOf } from '../../../shared/contract/appraisal';
import type { Answer, CriteriaItem, CriteriaSet } from '../../../shared/criteria/format';
import { computeIndex, roundPoints, type RoundingRule } from '../../../shared/criteria/index-math';
import type { SetScore } from '../../../shared/criteria/score-types';
import { flattenItems } from '../../../shared/criteria/tree';
import { surveyShares } from '../../../shared/criteria/survey-shares';
import type { StoredItem } from './appraisal-store';
import { criteriaAccess } from './criteria-access';

/**
 * The appraised score and the official index, computed with the same engine as the self-score
 * (caps of parents, bonus and penalty buckets, N/A), so the numbers cannot drift apart:
 * - each appraised leaf becomes a "manual" answer of its appraised points; a leaf the appraisal
 *   file leaves blank keeps the self-score (recognised as it is) or, answered N/A, stays N/A;
 *   round 2 falls back to round 1 item by item;
 * - appraisal-only leaves join the appraised part; survey leaves form the survey part;
 * - the index: (appraised + XHH) / max × 100, or without XHH the appraised part rescaled (§2.3).
 */

export interface RoundData {
  round: AppraisalRound;
  final: boolean;
  items: Map<string, StoredItem>;
}

export interface ScoreInputs {
  set: CriteriaSet;
  /** The officer's answers (for N/A) and the engine's self-score. */
  answers: Readonly<Record<string, Answer>>;
  selfScore: SetScore;
  /** Rounds present, oldest first. */
  rounds: readonly RoundData[];
}

export interface AppraisedParts {
  /** The appraised part, the engine's view of it (domains, items). */
  appraised: SetScore;
  /** Points per leaf that count after the rounds up to `round` (self-scored and appraisal-only). */
  leafPoints: Record<string, number>;
  survey: PointsOutOf | null;
}

/** The set as the appraisal council scores it: every leaf "manual", `who` leaves self-scored, the rest left out. */
function cloneFor(set: CriteriaSet, include: (item: CriteriaItem) => boolean): CriteriaSet {
  const map = (item: CriteriaItem): CriteriaItem => {
    if (item.children.length > 0) return { ...item, assessedBy: 'self', children: item.children.map(map) };
    return include(item) ? { ...item, assessedBy: 'self', scoring: { type: 'manual' } } : { ...item, assessedBy: 'appraisal', scoring: undefined };
  };
  return { ...set, domains: set.domains.map(map) };
}

function latestPoints(rounds: readonly RoundData[], code: string): number | null {
  for (let i = rounds.length - 1; i >= 0; i--) {
    const points = rounds[i]!.items.get(code)?.points;
    if (points !== null && points !== undefined) return points;
  }
  return null;
}

/** The appraised and survey parts after the given rounds (the latest wins item by item). */
export function appraisedParts(inputs: ScoreInputs, rounds: readonly RoundData[]): AppraisedParts {
  const { set, answers, selfScore } = inputs;
  const leaves = flattenItems(set).filter((f) => f.item.children.length === 0);
  const appraisedAnswers: Record<string, Answer> = {};
  const leafPoints: Record<string, number> = {};
  for (const { item } of leaves) {
    if (item.assessedBy === 'survey') continue;
    const points = latestPoints(rounds, item.code);
    if (points !== null) {
      appraisedAnswers[item.code] = { kind: 'manual', points };
    } else if (item.assessedBy === 'self') {
      const own = answers[item.code];
      if (own?.kind === 'not-applicable') appraisedAnswers[item.code] = own;
      else appraisedAnswers[item.code] = { kind: 'manual', points: selfScore.items[item.code]?.points ?? 0 };
    }
  }
  const appraised = criteriaAccess.scoreSet(cloneFor(set, (i) => i.assessedBy !== 'survey'), appraisedAnswers);
  for (const { item } of leaves) if (item.assessedBy !== 'survey') leafPoints[item.code] = appraised.items[item.code]?.points ?? 0;

  const surveyLeaves = leaves.filter((f) => f.item.assessedBy === 'survey');
  const surveyAnswers: Record<string, Answer> = {};
  for (const { item } of surveyLeaves) {
    const points = latestPoints(rounds, item.code);
    if (points !== null) surveyAnswers[item.code] = { kind: 'manual', points };
  }
  // Declared XHH shares ("1.XHH", "XHH"): their points are entered as a whole, like one leaf each.
  const shares = surveyShares(set);
  const sharePoints = shares.map((s) => latestPoints(rounds, s.code));
  let survey: PointsOutOf | null = null;
  if (Object.keys(surveyAnswers).length > 0 || sharePoints.some((p) => p !== null)) {
    let points = 0;
    let max = 0;
    if (surveyLeaves.length > 0) {
      const scored = criteriaAccess.scoreSet(cloneFor(set, (i) => i.assessedBy === 'survey'), surveyAnswers);
      points += scored.total;
      max += scored.max;
      for (const { item } of surveyLeaves) leafPoints[item.code] = scored.items[item.code]?.points ?? 0;
    }
    shares.forEach((s, i) => {
      const p = Math.min(Math.max(sharePoints[i] ?? 0, 0), s.maxPoints);
      leafPoints[s.code] = roundPoints(p);
      points += p;
      max += s.maxPoints;
    });
    survey = { points: roundPoints(points), max: roundPoints(max) };
  }
  return { appraised, leafPoints, survey };
}

export function officialScore(inputs: ScoreInputs): OfficialScore & { parts: AppraisedParts | null } {
  const { set, selfScore, rounds } = inputs;
  const self = { points: selfScore.total, max: selfScore.max };
  const latest = rounds.at(-1);
  if (!latest) {
    return { self, appraised: null, survey: null, index: null, band: null, provisional: true, formula: null, selfBandProvisional: selfScore.band, parts: null };
  }
  const parts = appraisedParts(inputs, rounds);
  const rounding: RoundingRule = set.rounding ?? 'half-up';
  const result = computeIndex({
    appraised: { points: parts.appraised.total, max: parts.appraised.max },
    survey: parts.survey,
    bands: set.bands,
    rounding,
  });
  return {
    self,
    appraised: { round: latest.round, points: roundPoints(parts.appraised.total), max: roundPoints(parts.appraised.max) },
    survey: parts.survey,
    index: result.index,
    band: result.band,
    provisional: !(latest.round === 2 || latest.final),
    formula: result.formula,
    selfBandProvisional: selfScore.band,
    parts,
  };
}
