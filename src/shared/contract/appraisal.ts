import { z } from 'zod';
import type { CriteriaItem } from '../criteria/format';
import { itemCodeSchema } from '../criteria/format';
import type { CriteriaError, ExportedFile } from './criteria';
import { MAX_CRITERIA_FILE_BASE64 } from './criteria';
import { channel } from './define';
import { profileYearSchema } from './profile';
import type { GeneratedDocument } from './reports';

/**
 * The appraisal loop on the unit's side (domain brief §5.2): Sở Nội vụ's appraisal file (thẩm
 * định lần 1 / lần 2, điều tra XHH) imported; self vs appraised per item and domain; the giải trình
 * round; the official index. The file format is docs/appraisal-format.md.
 */

export const APPRAISAL_ROUNDS = [1, 2] as const;
export type AppraisalRound = (typeof APPRAISAL_ROUNDS)[number];

/** "2026:giai-trinh-1": the review subject key (kind 'assessment') of a year's giải trình round. */
export function giaiTrinhSubjectKey(year: number, round: number): string {
  return `${year}:giai-trinh-${round}`;
}

export function parseGiaiTrinhSubjectKey(key: string): { year: number; round: AppraisalRound } | null {
  const m = /^(20[1-9]\d|2100):giai-trinh-([12])$/.exec(key);
  return m ? { year: Number(m[1]), round: Number(m[2]) as AppraisalRound } : null;
}

/** Points with the label of what they are: a self-score, an appraised score, a survey result. */
export interface PointsOutOf {
  points: number;
  max: number;
}

/** `cchc assessment score --json` prints this (issue 13, §2). */
export interface OfficialScore {
  /** The self-scored part only (provisional). */
  self: PointsOutOf;
  /** The latest appraisal round, over the appraised part (self-scored + appraisal-only items). */
  appraised: (PointsOutOf & { round: AppraisalRound }) | null;
  /** Survey (XHH) points over the survey part, or null when no survey result was entered. */
  survey: PointsOutOf | null;
  /** The official index (%), or null before any appraisal. */
  index: number | null;
  /** The band on the full scale, or null before appraisal or below the lowest band ("chưa xếp loại"). */
  band: string | null;
  /** True until the final round (lần 2, or a round Sở Nội vụ marked final) is in. */
  provisional: boolean;
  /** Which formula gave the index. */
  formula: 'appraised-plus-survey' | 'appraised-rescaled' | null;
  /** The band of the self-scored part, always provisional (tạm tính). */
  selfBandProvisional: string;
}

export interface AppraisalRoundInfo {
  round: AppraisalRound;
  unit: string;
  final: boolean;
  /** yyyy-mm-dd: when the unit's giải trình is due (from the file, or set by the officer). */
  responseDeadline: string | null;
  sourceName: string;
  importedAt: string;
  importedBy: string;
  itemCount: number;
}

export interface AppraisalRoundItem {
  /** Null: the self-score is recognised as it is. */
  points: number | null;
  /** The points that count (the recognised self-score where points is null). */
  effective: number;
  note: string;
  explanationRequested: boolean;
}

export interface AppraisalItemView {
  code: string;
  title: string;
  domainCode: string;
  /** Effective kind: a leaf under the penalty domain is a deduction. */
  kind: CriteriaItem['kind'];
  assessedBy: CriteriaItem['assessedBy'];
  maxPoints: number;
  /** The self-score (self-scored items), null for survey and appraisal-only items. */
  selfPoints: number | null;
  notApplicable: boolean;
  round1: AppraisalRoundItem | null;
  round2: AppraisalRoundItem | null;
  /** Points lost at appraisal (latest round): self − appraised; for a deduction the extra deducted. */
  lost: number;
  /** The unit's giải trình for round 1 and the number of tài liệu bổ sung linked to it. */
  giaiTrinh: { text: string; evidenceCount: number; evidenceKey: string };
}

export interface AppraisalDomainView {
  code: string;
  title: string;
  kind: CriteriaItem['kind'];
  self: PointsOutOf;
  appraised: PointsOutOf | null;
}

export interface AppraisalHistoryRow {
  year: number;
  index: number | null;
  band: string | null;
  provisional: boolean;
  rank: number | null;
  rankOf: number | null;
}

export interface AppraisalView {
  year: number;
  unit: string;
  setName: string;
  rounds: AppraisalRoundInfo[];
  items: AppraisalItemView[];
  domains: AppraisalDomainView[];
  score: OfficialScore;
  /** Items asking for a giải trình (or that lost points) in round 1, in the set's order. */
  toExplain: string[];
  /** The review subject key of the giải trình round, once round 1 is in. */
  giaiTrinhKey: string | null;
  history: AppraisalHistoryRow[];
}

export interface AppraisalImportResult {
  year: number;
  round: AppraisalRound;
  itemCount: number;
  /** Items Sở Nội vụ asks a giải trình for. */
  explanationRequested: number;
  replaced: boolean;
  score: OfficialScore;
}

/** Errors of an appraisal file, all at once, each with where (JSON path or Sheet!Cell). */
export type AppraisalFileError = CriteriaError;

const fileInput = {
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.base64().max(MAX_CRITERIA_FILE_BASE64, 'Tệp quá lớn (tối đa khoảng 15 MB).'),
};
const roundSchema = z.union([z.literal(1), z.literal(2)]);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd.');

export const appraisalChannels = {
  'appraisal/get': channel<AppraisalView | null>()(z.strictObject({ year: profileYearSchema })),
  'appraisal/score': channel<OfficialScore>()(z.strictObject({ year: profileYearSchema })),
  /** The file Sở Nội vụ fills: codes, titles, maxima and self-scores prefilled. */
  'appraisal/template': channel<ExportedFile>()(
    z.strictObject({ year: profileYearSchema, format: z.enum(['json', 'xlsx']), round: roundSchema.optional() }),
  ),
  /** Validates everything at once; saves nothing on any error (VALIDATION_FAILED with the list). */
  'appraisal/import': channel<AppraisalImportResult>()(z.strictObject({ ...fileInput, year: profileYearSchema.optional() })),
  'appraisal/set-deadline': channel<AppraisalRoundInfo>()(
    z.strictObject({ year: profileYearSchema, round: roundSchema, deadline: isoDay.nullable() }),
  ),
  'appraisal/save-giai-trinh': channel<AppraisalItemView>()(
    z.strictObject({ year: profileYearSchema, code: itemCodeSchema, text: z.string().max(20_000) }),
  ),
  'appraisal/set-outcome': channel<AppraisalHistoryRow>()(
    z.strictObject({
      year: profileYearSchema,
      rank: z.number().int().min(1).max(10_000).nullable(),
      rankOf: z.number().int().min(1).max(10_000).nullable(),
    }),
  ),
  /** Văn bản giải trình (.docx, Decree 30). */
  'appraisal/generate': channel<GeneratedDocument>()(z.strictObject({ year: profileYearSchema })),
};

export type { GeneratedDocument };
