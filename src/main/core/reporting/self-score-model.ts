import type { CriteriaItem, CriteriaSet, RatingBand } from '../../../shared/criteria/format';
import type { SetScore } from '../../../shared/criteria/score-types';
import { surveyShareCode } from '../../../shared/criteria/survey-shares';
import { scaleParts, type ScaleParts } from '../../../shared/criteria/scale-parts';
import { effectiveKinds } from '../../../shared/criteria/tree';
import { formatDateVi, toNfc } from '../../../shared/text/vi';

/**
 * The "Bảng tự chấm điểm" as plain rows, built from what the engine returns, so the workbook and
 * the dossier print the same numbers and the integrator only passes engine output through.
 */

/** One tài liệu kiểm chứng as a report cites it: "47/KH-UBND ngày 11/01/2026". */
export interface EvidenceRef {
  /** Số, ký hiệu: "47/KH-UBND". */
  documentNumber: string;
  /** yyyy-mm-dd of the document. */
  isoDate?: string;
  /** Trích yếu of the document. */
  summary?: string;
  /** Name of the stored file. */
  fileName?: string;
}

export interface SelfScoreRow {
  code: string;
  title: string;
  /** 0 for a domain (lĩnh vực), 1 for a criterion, 2+ below. */
  depth: number;
  /** The effective kind: a leaf under a penalty domain is a deduction even without its own `kind`. */
  kind: CriteriaItem['kind'];
  assessedBy: CriteriaItem['assessedBy'];
  /** The set's maximum for the item (printed in "Điểm tối đa"). */
  maxPoints: number;
  /** The engine's points for the item (penalty items: the deduction, ≥ 0). */
  points: number;
  notApplicable: boolean;
  /** The officer's reason for "Không áp dụng" (KAD), empty otherwise. */
  notApplicableReason: string;
  /** The appraised points (thẩm định, latest round) once an appraisal exists; null before. */
  appraisedPoints: number | null;
  /**
   * A domain's declared XHH share as appraised (its "1.XHH" line), counted in the domain's
   * "Điểm thẩm định" beside its children; absent when none.
   */
  appraisedSurveyShare?: number;
  /** Codes of the direct children; empty for a leaf. Parent rows become SUM formulas over them. */
  childCodes: string[];
  /** Thuyết minh: the officer's text, else (leaves) the engine's explanation. */
  explanation: string;
  evidence: EvidenceRef[];
}

export interface SelfScoreModel {
  /** "BẢNG TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025". */
  title: string;
  setName: string;
  year: number;
  unitName?: string;
  /** Pre-order: each domain followed by its descendants. */
  rows: SelfScoreRow[];
  /** Points of the normal domains, the bonus and the penalty buckets (engine numbers). */
  normalPoints: number;
  bonusPoints: number;
  penaltyPoints: number;
  total: number;
  /** Maximum of the self-assessed part after N/A and survey exclusions. */
  max: number;
  /** 0–100. */
  percent: number;
  /**
   * The band of the self-scored part only: provisional (tạm tính), never the official xếp loại,
   * which Sở Nội vụ sets on the full scale after appraisal and the survey.
   */
  band: string;
  bands: RatingBand[];
  scale: CriteriaSet['scale'];
  /** What part of the scale the self-score covers and what is excluded (survey, appraisal-only, N/A). */
  parts: ScaleParts;
  /** Which appraisal round the "Điểm thẩm định" column carries, or null before any appraisal. */
  appraisalRound: number | null;
}

/** "47/KH-UBND ngày 11/01/2026". */
export function formatEvidenceRef(ref: EvidenceRef): string {
  return toNfc(ref.isoDate ? `${ref.documentNumber} ngày ${formatDateVi(ref.isoDate)}` : ref.documentNumber);
}

function assessedByNote(item: CriteriaItem): string {
  if (item.assessedBy === 'survey') return 'Đánh giá qua điều tra xã hội học; đơn vị không tự chấm.';
  if (item.assessedBy === 'appraisal') return 'Do cơ quan thẩm định chấm; đơn vị không tự chấm.';
  return '';
}

export function buildSelfScoreModel(
  set: CriteriaSet,
  score: SetScore,
  explanations: Readonly<Record<string, string>> = {},
  evidenceRefs: Readonly<Record<string, readonly EvidenceRef[]>> = {},
  options: { unitName?: string; notApplicableReasons?: Readonly<Record<string, string>>; appraisal?: { round: number; points: Readonly<Record<string, number>> } } = {},
): SelfScoreModel {
  const rows: SelfScoreRow[] = [];
  const kinds = effectiveKinds(set);
  const reasons = options.notApplicableReasons ?? {};
  const visit = (item: CriteriaItem, depth: number) => {
    const s = score.items[item.code];
    if (!s) throw new Error(`Thiếu kết quả chấm điểm của tiêu chí ${item.code}.`);
    const leaf = item.children.length === 0;
    const own = explanations[item.code]?.trim();
    rows.push({
      code: item.code,
      title: toNfc(item.title),
      depth,
      kind: kinds[item.code] ?? item.kind,
      assessedBy: item.assessedBy,
      maxPoints: item.maxPoints,
      points: s.points,
      notApplicable: s.notApplicable,
      notApplicableReason: s.notApplicable && leaf ? toNfc(reasons[item.code] ?? '') : '',
      appraisedPoints: options.appraisal?.points[item.code] ?? null,
      ...(depth === 0 && options.appraisal?.points[surveyShareCode(item.code)] !== undefined ? { appraisedSurveyShare: options.appraisal.points[surveyShareCode(item.code)] } : {}),
      childCodes: item.children.map((c) => c.code),
      explanation: toNfc(own || (leaf ? assessedByNote(item) || s.ruleExplanation : '')),
      evidence: [...(evidenceRefs[item.code] ?? [])],
    });
    item.children.forEach((c) => visit(c, depth + 1));
  };
  set.domains.forEach((d) => visit(d, 0));
  // The engine's buckets: bonus and penalty sub-items count wherever they sit, not only in their own domain.
  const bucket = (kind: CriteriaItem['kind']) => score.buckets[kind];
  return {
    title: `BẢNG TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${set.year}`,
    setName: toNfc(set.name),
    year: set.year,
    unitName: options.unitName ? toNfc(options.unitName) : undefined,
    rows,
    normalPoints: bucket('normal'),
    bonusPoints: bucket('bonus'),
    penaltyPoints: bucket('penalty'),
    total: score.total,
    max: score.max,
    percent: score.percent,
    band: score.band,
    bands: [...set.bands],
    scale: { ...set.scale },
    parts: scaleParts(set, score, reasons),
    appraisalRound: options.appraisal?.round ?? null,
  };
}
