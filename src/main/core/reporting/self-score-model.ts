import type { CriteriaItem, CriteriaSet, RatingBand } from '../../../shared/criteria/format';
import type { SetScore } from '../../../shared/criteria/score-types';
import { formatDateVi, toNfc } from '../../../shared/text/vi';
import { round2 } from '../criteria/rule-scoring';

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
  kind: CriteriaItem['kind'];
  assessedBy: CriteriaItem['assessedBy'];
  /** The set's maximum for the item (printed in "Điểm tối đa"). */
  maxPoints: number;
  /** The engine's points for the item (penalty items: the deduction, ≥ 0). */
  points: number;
  notApplicable: boolean;
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
  band: string;
  bands: RatingBand[];
  scale: CriteriaSet['scale'];
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
  options: { unitName?: string } = {},
): SelfScoreModel {
  const rows: SelfScoreRow[] = [];
  const visit = (item: CriteriaItem, depth: number) => {
    const s = score.items[item.code];
    if (!s) throw new Error(`Thiếu kết quả chấm điểm của tiêu chí ${item.code}.`);
    const leaf = item.children.length === 0;
    const own = explanations[item.code]?.trim();
    rows.push({
      code: item.code,
      title: toNfc(item.title),
      depth,
      kind: item.kind,
      assessedBy: item.assessedBy,
      maxPoints: item.maxPoints,
      points: s.points,
      notApplicable: s.notApplicable,
      childCodes: item.children.map((c) => c.code),
      explanation: toNfc(own || (leaf ? assessedByNote(item) || s.ruleExplanation : '')),
      evidence: [...(evidenceRefs[item.code] ?? [])],
    });
    item.children.forEach((c) => visit(c, depth + 1));
  };
  set.domains.forEach((d) => visit(d, 0));
  const bucket = (kind: CriteriaItem['kind']) => round2(score.domains.filter((d) => d.kind === kind).reduce((sum, d) => sum + d.points, 0));
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
  };
}
