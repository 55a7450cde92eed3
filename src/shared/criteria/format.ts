import { z } from 'zod';
import { UNIT_TYPES } from '../contract/profile';
import { isIsoDate } from '../text/vi';
import { typedText } from '../contract/typed-text';

/**
 * The criteria-set format (bộ chỉ số CCHC), version 1. Structural rules live here as zod schemas;
 * the cross-field rules (codes nest, children's points fit the parent, thresholds ordered…) live in
 * src/main/core/criteria/validate.ts, which reports every problem at once.
 *
 * Shape: a set has domains (lĩnh vực) → criteria (tiêu chí) → sub-criteria (tiêu chí thành phần),
 * all of the same `CriteriaItem` type; codes "1", "1.1", "1.1.2". A leaf carries a scoring rule; a
 * parent's points are the sum of its children's, capped at its own maxPoints.
 */

export const CRITERIA_FORMAT_VERSION = 1;

const points = z.number().finite().min(0).max(1000);
const percent = z.number().finite().min(0).max(100);
const isoDate = z.string().refine(isIsoDate, 'Ngày phải có dạng yyyy-mm-dd và là ngày có thật.');
const shortText = (max = 300) => z.string().trim().min(1).max(max);

/** An item code: 1, 1.2, 1.2.3 (no zeros, no letters). The one pattern every reader checks codes with. */
export const ITEM_CODE_PATTERN = /^[1-9]\d*(\.[1-9]\d*)*$/;

export const itemCodeSchema = z.string().regex(ITEM_CODE_PATTERN, 'Mã tiêu chí phải có dạng 1, 1.2 hoặc 1.2.3.');

/** Yes/no: "Có ban hành …: điểm tối đa; Không: 0". */
export const yesNoRuleSchema = z.strictObject({
  type: z.literal('yes-no'),
  yesPoints: points.optional(), // default: the item's maxPoints
  noPoints: points.default(0),
});

/** One choice among tiered options: "Thực hiện tốt: 2,5; đầy đủ: 2; chưa đầy đủ: 1; Không: 0". */
export const choiceRuleSchema = z.strictObject({
  type: z.literal('choice'),
  options: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), label: shortText(300), points }))
    .min(2)
    .max(20),
});

/**
 * A percentage, entered directly or as numerator/denominator. `thresholds`: the first band whose
 * minPercent the value reaches (ordered from highest) gives its points; `proportional`: max × ratio.
 */
export const percentRuleSchema = z.strictObject({
  type: z.literal('percent'),
  input: z.enum(['direct', 'ratio']),
  numeratorLabel: shortText(200).optional(),
  denominatorLabel: shortText(200).optional(),
  mode: z.enum(['thresholds', 'proportional']),
  thresholds: z.array(z.strictObject({ minPercent: percent, points })).max(20).optional(),
});

/** A count: thresholds ("từ 3 văn bản trở lên: 1 điểm") or per unit ("mỗi quy chế 0,5 điểm", capped by max). */
export const countRuleSchema = z.strictObject({
  type: z.literal('count'),
  unitLabel: shortText(60).optional(),
  mode: z.enum(['thresholds', 'per-unit']),
  thresholds: z.array(z.strictObject({ min: z.number().int().min(0), points })).max(20).optional(),
  pointsEach: points.optional(),
});

/** A date compared with a deadline: on time / late / missing. */
export const deadlineRuleSchema = z.strictObject({
  type: z.literal('deadline'),
  deadline: isoDate,
  onTimePoints: points.optional(), // default: maxPoints
  latePoints: points.default(0),
  missingPoints: points.default(0),
});

/** Where no rule fits: the officer enters a score within [0, max] and must explain it. */
export const manualRuleSchema = z.strictObject({ type: z.literal('manual') });

export const ruleSchema = z.discriminatedUnion('type', [
  yesNoRuleSchema,
  choiceRuleSchema,
  percentRuleSchema,
  countRuleSchema,
  deadlineRuleSchema,
  manualRuleSchema,
]);
export type Rule = z.output<typeof ruleSchema>;
export type RuleType = Rule['type'];
export const RULE_TYPES = ['yes-no', 'choice', 'percent', 'count', 'deadline', 'manual'] as const satisfies readonly RuleType[];

/** How "Không áp dụng" changes the maximum. Set-specific (domain brief §1.5), so it is data. */
export const notApplicableSchema = z.strictObject({
  allowed: z.boolean(),
  /** exclude-from-max: the item leaves the maximum; full-points: it counts as fully achieved. */
  effect: z.enum(['exclude-from-max', 'full-points']).default('exclude-from-max'),
});

/** Who scores the item. Survey (điều tra XHH) and appraisal-only items are not self-scored. */
export const ASSESSED_BY = ['self', 'appraisal', 'survey'] as const;

export interface CriteriaItem {
  code: string;
  title: string;
  /** normal items add; bonus items add up to their cap; penalty items subtract up to their cap. */
  kind: 'normal' | 'bonus' | 'penalty';
  maxPoints: number;
  assessedBy: (typeof ASSESSED_BY)[number];
  guidance: string;
  evidenceRequired: string;
  notApplicable?: z.output<typeof notApplicableSchema>;
  scoring?: Rule;
  children: CriteriaItem[];
  /**
   * Domains only: how many tiêu chí (TC, the domain's children) and tiêu chí thành phần (TCTP, their
   * children) the decision says the domain has. A mismatch with the content is a warning, not an
   * error: the author may have typed the decision's table wrong, or the content may be incomplete.
   */
  declaredCounts?: DeclaredCounts;
  /**
   * Domains only: the part of the domain's maxPoints scored through the sociological survey (XHH)
   * without survey leaves of its own. It counts in the full scale, never in the self-scored part.
   */
  survey?: SurveyShare;
}

export const declaredCountsSchema = z.strictObject({
  criteria: z.number().int().min(0).max(1000).optional(),
  subCriteria: z.number().int().min(0).max(10000).optional(),
});
export type DeclaredCounts = z.output<typeof declaredCountsSchema>;

/** An XHH share declared on the set or on a domain, instead of survey leaves. */
export const surveyShareSchema = z.strictObject({ maxPoints: z.number().finite().positive().max(1000) });
export type SurveyShare = z.output<typeof surveyShareSchema>;

export const criteriaItemSchema: z.ZodType<CriteriaItem, unknown> = z.lazy(() =>
  z.strictObject({
    code: itemCodeSchema,
    title: shortText(1000),
    kind: z.enum(['normal', 'bonus', 'penalty']).default('normal'),
    maxPoints: points,
    assessedBy: z.enum(ASSESSED_BY).default('self'),
    guidance: z.string().max(5000).default(''),
    evidenceRequired: z.string().max(3000).default(''),
    notApplicable: notApplicableSchema.optional(),
    scoring: ruleSchema.optional(),
    children: z.array(criteriaItemSchema).max(200).default([]),
    declaredCounts: declaredCountsSchema.optional(),
    survey: surveyShareSchema.optional(),
  }),
);

export const bandSchema = z.strictObject({
  name: shortText(40),
  /** The band applies from this percentage of the maximum upwards (inclusive). */
  minPercent: percent,
});
export type RatingBand = z.output<typeof bandSchema>;

export const criteriaSetSchema = z.strictObject({
  formatVersion: z.literal(CRITERIA_FORMAT_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/, 'Mã bộ chỉ số chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.'),
  name: shortText(300),
  year: z.number().int().min(2015).max(2100),
  unitType: z.enum(UNIT_TYPES),
  version: z.number().int().min(1).default(1),
  isSample: z.boolean().default(false),
  decision: z
    .strictObject({ number: shortText(60), date: isoDate, issuer: shortText(200) })
    .optional(),
  /** The total the set is scored on (usually 100) and whether bonus points may push past it. */
  scale: z.strictObject({ max: z.number().positive().max(1000), allowAboveMax: z.boolean().default(false) }),
  bands: z.array(bandSchema).min(1).max(10),
  domains: z.array(criteriaItemSchema).min(1).max(30),
  /**
   * How the index percentage is rounded to 2 decimals: half-up (the default) or truncate; real
   * decisions differ. Optional so sets written before it keep their exact stored form.
   */
  rounding: z.enum(['half-up', 'truncate']).optional(),
  /**
   * An XHH share of the scale outside every domain (e.g. 31,50 of 100), so a set need not invent
   * survey leaves: the normal domains' maxima plus this share make the scale.
   */
  survey: surveyShareSchema.optional(),
});
export type CriteriaSet = z.output<typeof criteriaSetSchema>;
export type CriteriaSetInput = z.input<typeof criteriaSetSchema>;

/** What the officer declares for one item. The engine turns it into points. */
export const answerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('yes-no'), value: z.boolean() }),
  z.strictObject({ kind: z.literal('choice'), optionId: z.string().max(40) }),
  z.strictObject({ kind: z.literal('percent'), percent: z.number().finite() }),
  z.strictObject({ kind: z.literal('ratio'), numerator: z.number().finite(), denominator: z.number().finite() }),
  z.strictObject({ kind: z.literal('count'), count: z.number().finite() }),
  z.strictObject({ kind: z.literal('date'), date: isoDate.nullable() }),
  z.strictObject({ kind: z.literal('manual'), points: z.number().finite() }),
  z.strictObject({ kind: z.literal('not-applicable'), reason: typedText(z.string().trim().min(1).max(2000)) }),
]);
export type Answer = z.output<typeof answerSchema>;

/** Where the officer is with an item. */
export const ITEM_STATUSES = ['chua-lam', 'dang-lam', 'xong', 'can-bo-sung'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  'chua-lam': 'Chưa làm',
  'dang-lam': 'Đang làm',
  xong: 'Xong',
  'can-bo-sung': 'Cần bổ sung',
};
