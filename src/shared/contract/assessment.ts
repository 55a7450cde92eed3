import { z } from 'zod';
import { answerSchema, ITEM_STATUSES, itemCodeSchema, type Answer, type CriteriaSet, type ItemStatus } from '../criteria/format';
import type { SetScore } from '../criteria/score-types';
import { channel } from './define';
import { profileYearSchema } from './profile';
import { typedText } from './typed-text';

export interface AssessmentEntry {
  code: string;
  answer: Answer | null;
  /** Thuyết minh: how the score was reached; required where the score is partial or evidence is missing. */
  explanation: string;
  status: ItemStatus;
  updatedAt: string | null;
}

export interface AssessmentSummary {
  year: number;
  setId: string;
  setVersion: number;
  setName: string;
  createdAt: string;
}

export interface AssessmentView extends AssessmentSummary {
  set: CriteriaSet;
  entries: Record<string, AssessmentEntry>;
  score: SetScore;
  /** Number of evidence files linked to each item (by code). */
  evidenceCounts: Record<string, number>;
}

export interface SavedEntry {
  entry: AssessmentEntry;
  score: SetScore;
}

export interface CarryOverReport {
  year: number;
  carried: string[];
  notCarried: { code: string; title: string; reason: string }[];
  evidenceLinksCarried: number;
  /** Last year's files on the carried items: offered on each item, not linked. */
  evidenceOffered?: number;
}

export interface DomainComparison {
  code: string;
  title: string;
  current: { points: number; max: number; percent: number } | null;
  previous: { points: number; max: number; percent: number } | null;
}

export interface YearComparison {
  year: number;
  previousYear: number;
  total: { current: number; previous: number; currentPercent: number; previousPercent: number };
  bands: { current: string; previous: string };
  domains: DomainComparison[];
}

/** A self-scored leaf that needs evidence (its set says what) and has no file linked yet. */
export interface MissingEvidenceItem {
  code: string;
  title: string;
  /** What the set asks for ("Kế hoạch CCHC năm của đơn vị"…). */
  evidenceRequired: string;
  maxPoints: number;
  /** Without evidence the officer must explain how the item was scored (giải trình). */
  hasExplanation: boolean;
}

export interface MissingEvidenceDomain {
  code: string;
  title: string;
  items: MissingEvidenceItem[];
}

export interface MissingEvidenceReport {
  year: number;
  /** Leaves that need evidence. */
  requiredCount: number;
  missingCount: number;
  /** Only the domains with something missing, in the set's order. */
  domains: MissingEvidenceDomain[];
}

const yearInput = z.strictObject({ year: profileYearSchema });

export const assessmentChannels = {
  'assessment/list': channel<AssessmentSummary[]>()(z.strictObject({})),
  /** Opens the year's assessment, creating it on the set for the year and unit type when missing. */
  'assessment/open': channel<AssessmentView>()(
    z.strictObject({
      year: profileYearSchema,
      setId: z.string().max(100).optional(),
      setVersion: z.number().int().min(1).optional(),
    }),
  ),
  'assessment/get': channel<AssessmentView | null>()(yearInput),
  'assessment/save-entry': channel<SavedEntry>()(
    z.strictObject({
      year: profileYearSchema,
      code: itemCodeSchema,
      answer: answerSchema.nullable().optional(),
      explanation: typedText(z.string().max(20_000)).optional(),
      status: z.enum(ITEM_STATUSES).optional(),
    }),
  ),
  'assessment/carry-over': channel<CarryOverReport>()(
    z.strictObject({ fromYear: profileYearSchema, toYear: profileYearSchema, setId: z.string().max(100).optional() }),
  ),
  /** Items whose required evidence is missing, grouped by domain (no domains when nothing is missing). */
  'assessment/missing-evidence': channel<MissingEvidenceReport>()(yearInput),
  'assessment/compare': channel<YearComparison>()(z.strictObject({ year: profileYearSchema, previousYear: profileYearSchema })),
  /** "Khó khăn, vướng mắc và kiến nghị" of the self-assessment report, written by the officer. */
  'assessment/note-get': channel<string>()(z.strictObject({ year: profileYearSchema, key: z.enum(['kho-khan-kien-nghi']) })),
  'assessment/note-save': channel<string>()(z.strictObject({ year: profileYearSchema, key: z.enum(['kho-khan-kien-nghi']), text: z.string().max(20_000) })),
  /** What the generated documents would carry as placeholders or bare file names (warned before generating or submitting). */
  'assessment/document-warnings': channel<DocumentWarning[]>()(yearInput),
};

/** A reason the self-assessment documents are not ready to send as they are. */
export interface DocumentWarning {
  kind: 'no-explanation' | 'unanswered' | 'no-difficulties' | 'unconfirmed-evidence' | 'kad-no-reason';
  /** Item codes concerned (empty for a section). */
  codes: string[];
  message: string;
}
