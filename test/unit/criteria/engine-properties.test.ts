import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreSet } from '../../../src/main/core/criteria/engine';
import { validateCriteriaSet } from '../../../src/main/core/criteria/validate';
import type { Answer, CriteriaItem, CriteriaSet, Rule } from '../../../src/shared/criteria/format';
import { leaf, makeSet, node } from './helpers';

const EPS = 1e-9;
const quarter = (min: number, max: number) => fc.integer({ min: min * 4, max: max * 4 }).map((n) => n / 4);

function ruleArb(max: number): fc.Arbitrary<Rule> {
  const p = quarter(0, max);
  const descending = (arb: fc.Arbitrary<number>) => fc.uniqueArray(arb, { minLength: 1, maxLength: 3 }).map((xs) => [...xs].sort((a, b) => b - a));
  return fc.oneof(
    fc.record({ type: fc.constant('yes-no' as const), yesPoints: fc.option(p, { nil: undefined }), noPoints: p }).map(({ yesPoints, ...r }) => (yesPoints === undefined ? r : { ...r, yesPoints })),
    fc.array(p, { minLength: 2, maxLength: 4 }).map((ps): Rule => ({ type: 'choice', options: ps.map((points, i) => ({ id: `o${i}`, label: `Mức ${i}`, points })) })),
    fc.record({ input: fc.constantFrom('direct' as const, 'ratio' as const), mins: descending(fc.integer({ min: 0, max: 100 })), ps: fc.array(p, { minLength: 3, maxLength: 3 }), proportional: fc.boolean() }).map(
      ({ input, mins, ps, proportional }): Rule =>
        proportional ? { type: 'percent', input, mode: 'proportional' } : { type: 'percent', input, mode: 'thresholds', thresholds: mins.map((minPercent, i) => ({ minPercent, points: ps[i] ?? 0 })) },
    ),
    fc.record({ mins: descending(fc.integer({ min: 0, max: 10 })), ps: fc.array(p, { minLength: 3, maxLength: 3 }), each: fc.option(quarter(0, 3), { nil: undefined }) }).map(
      ({ mins, ps, each }): Rule =>
        each !== undefined ? { type: 'count', mode: 'per-unit', pointsEach: each } : { type: 'count', mode: 'thresholds', thresholds: mins.map((min, i) => ({ min, points: ps[i] ?? 0 })) },
    ),
    fc.record({ late: p, missing: p }).map((r): Rule => ({ type: 'deadline', deadline: '2026-01-31', latePoints: r.late, missingPoints: r.missing })),
    fc.constant<Rule>({ type: 'manual' }),
  );
}

const answerArb: fc.Arbitrary<Answer | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.boolean().map((value): Answer => ({ kind: 'yes-no', value })),
  fc.constantFrom('o0', 'o1', 'o3', 'la').map((optionId): Answer => ({ kind: 'choice', optionId })),
  fc.double({ min: -50, max: 250, noNaN: true }).map((percent): Answer => ({ kind: 'percent', percent })),
  fc.record({ n: fc.integer({ min: -5, max: 60 }), d: fc.integer({ min: -2, max: 40 }) }).map(({ n, d }): Answer => ({ kind: 'ratio', numerator: n, denominator: d })),
  fc.double({ min: -5, max: 30, noNaN: true }).map((count): Answer => ({ kind: 'count', count })),
  fc.constantFrom('2026-01-30', '2026-01-31', '2026-02-01', null).map((date): Answer => ({ kind: 'date', date })),
  fc.double({ min: -10, max: 60, noNaN: true }).map((points): Answer => ({ kind: 'manual', points })),
  fc.constant<Answer>({ kind: 'not-applicable', reason: 'Không phát sinh' }),
);

interface LeafSpec {
  max: number;
  rule: Rule;
  answer: Answer | undefined;
  na: CriteriaItem['notApplicable'];
  survey: boolean;
}

const leafArb: fc.Arbitrary<LeafSpec> = quarter(0.25, 10).chain((max) =>
  fc.record({
    max: fc.constant(max),
    rule: ruleArb(max),
    answer: answerArb,
    na: fc.option(fc.record({ allowed: fc.boolean(), effect: fc.constantFrom('exclude-from-max' as const, 'full-points' as const) }), { nil: undefined }),
    survey: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  }),
);

type ChildSpec = { leaf: LeafSpec } | { group: LeafSpec[]; extra: number };
const childArb: fc.Arbitrary<ChildSpec> = fc.oneof(
  leafArb.map((l) => ({ leaf: l })),
  fc.record({ group: fc.array(leafArb, { minLength: 1, maxLength: 3 }), extra: quarter(0, 2) }),
);

const setArb = fc.record({
  domains: fc.array(fc.array(childArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
  bonus: fc.option(fc.record({ leaves: fc.array(leafArb, { minLength: 1, maxLength: 3 }), cap: quarter(0.25, 6) }), { nil: undefined }),
  penalty: fc.option(fc.record({ leaves: fc.array(leafArb, { minLength: 1, maxLength: 3 }), cap: quarter(0.25, 6) }), { nil: undefined }),
  allowAboveMax: fc.boolean(),
});

type SetSpec = typeof setArb extends fc.Arbitrary<infer S> ? S : never;

function build(spec: SetSpec): { set: CriteriaSet; answers: Record<string, Answer> } {
  const answers: Record<string, Answer> = {};
  const mkLeaf = (code: string, l: LeafSpec, kind: CriteriaItem['kind'] = 'normal'): CriteriaItem => {
    if (l.answer) answers[code] = l.answer;
    if (l.survey) return leaf(code, l.max, undefined, { assessedBy: 'survey', kind });
    return leaf(code, l.max, l.rule, { kind, ...(l.na ? { notApplicable: l.na } : {}) });
  };
  const sum = (items: CriteriaItem[]) => items.reduce((s, i) => s + i.maxPoints, 0);
  const domains = spec.domains.map((children, d) => {
    const code = String(d + 1);
    const items = children.map((c, i) => {
      const childCode = `${code}.${i + 1}`;
      if ('leaf' in c) return mkLeaf(childCode, c.leaf);
      const leaves = c.group.map((l, j) => mkLeaf(`${childCode}.${j + 1}`, l));
      return node(childCode, sum(leaves) + c.extra, leaves);
    });
    return node(code, sum(items), items);
  });
  const special = (kind: 'bonus' | 'penalty', s: { leaves: LeafSpec[]; cap: number } | undefined) => {
    if (!s) return;
    const code = String(domains.length + 1);
    domains.push(node(code, s.cap, s.leaves.map((l, i) => mkLeaf(`${code}.${i + 1}`, l, kind)), { kind }));
  };
  const scaleMax = sum(domains);
  special('bonus', spec.bonus);
  special('penalty', spec.penalty);
  return { set: makeSet(domains, { scale: { max: scaleMax, allowAboveMax: spec.allowAboveMax } }), answers };
}

function allItems(items: CriteriaItem[]): CriteriaItem[] {
  return items.flatMap((i) => [i, ...allItems(i.children)]);
}

describe('scoring engine properties', () => {
  it('generated sets are valid sets (so the properties speak about valid input)', () => {
    fc.assert(
      fc.property(setArb, (spec) => {
        const { set } = build(spec);
        const r = validateCriteriaSet(set);
        expect(r.ok ? [] : r.errors).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps every item, parent and the total within bounds', () => {
    fc.assert(
      fc.property(setArb, (spec) => {
        const { set, answers } = build(spec);
        const score = scoreSet(set, answers);
        for (const item of allItems(set.domains)) {
          const s = score.items[item.code]!;
          expect(s.points).toBeGreaterThanOrEqual(0);
          expect(s.points).toBeLessThanOrEqual(s.effectiveMax + EPS);
          expect(s.effectiveMax).toBeLessThanOrEqual(item.maxPoints + EPS);
        }
        expect(score.total).toBeGreaterThanOrEqual(0);
        if (!set.scale.allowAboveMax) {
          expect(score.total).toBeLessThanOrEqual(set.scale.max + EPS);
          expect(score.percent).toBeLessThanOrEqual(100 + EPS);
        }
        expect(set.bands.map((b) => b.name)).toContain(score.band);
      }),
    );
  });

  it('never gives a higher percentage for "không áp dụng" than for full points', () => {
    fc.assert(
      fc.property(setArb.filter((s) => !s.allowAboveMax), fc.nat(), (spec, pick) => {
        const { set, answers } = build(spec);
        const candidates = allItems(set.domains).filter((i) => i.children.length === 0 && i.notApplicable?.allowed && i.kind === 'normal');
        fc.pre(candidates.length > 0);
        const target = candidates[pick % candidates.length]!;
        const na = scoreSet(set, { ...answers, [target.code]: { kind: 'not-applicable', reason: 'KAD' } });
        // Full points: the same item scored manually at its maximum.
        const fullSet = structuredClone(set);
        const fullItem = allItems(fullSet.domains).find((i) => i.code === target.code)!;
        fullItem.scoring = { type: 'manual' };
        const full = scoreSet(fullSet, { ...answers, [target.code]: { kind: 'manual', points: target.maxPoints } });
        expect(na.percent).toBeLessThanOrEqual(full.percent + 1e-6);
      }),
    );
  });
});
