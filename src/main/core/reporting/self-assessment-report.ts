import type { UnitProfile } from '../../../shared/contract/profile';
import type { CriteriaItem, CriteriaSet } from '../../../shared/criteria/format';
import type { SetScore } from '../../../shared/criteria/score-types';
import { exclusionsText, scaleParts, selfScopeText, signedPointsText, type ScaleParts } from '../../../shared/criteria/scale-parts';
import { selfScoredLeaves } from '../../../shared/criteria/tree';
import { formatDateVi, formatPointsVi, toNfc } from '../../../shared/text/vi';
import type { Block, Decree30Document, TableCell } from './document-model';
import { evidenceNumber, type LinkedEvidence } from './evidence-access';
import { headerFromProfile } from './unit-header';

/**
 * "Báo cáo tự đánh giá, chấm điểm Chỉ số CCHC" of a year (BNV 383/384): the self-score per lĩnh
 * vực, labelled provisional and with the part of the scale it covers; the giải trình of every item
 * without evidence or below full points; the KAD items; khó khăn, kiến nghị; Phụ lục I the table
 * of every TC/TCTP (with the appraised score once known); Phụ lục II "Danh mục tài liệu kiểm chứng" listing
 * every linked document item by item, as the Sở Nội vụ's appraisal council reads it.
 */

export interface SelfAssessmentInput {
  profile: UnitProfile;
  set: CriteriaSet;
  score: SetScore;
  /** Thuyết minh per item code. */
  explanations: Readonly<Record<string, string>>;
  /** Evidence per item code. */
  evidence: Readonly<Record<string, readonly LinkedEvidence[]>>;
  isoDate: string;
  /** The officer's reason per item answered "Không áp dụng". */
  notApplicableReasons?: Readonly<Record<string, string>>;
  /** "Khó khăn, vướng mắc và kiến nghị", written by the officer; empty prints a placeholder. */
  difficulties?: string;
  /** Appraised points per code (latest round) and appraisal notes, once Sở Nội vụ's result was imported. */
  appraisal?: {
    round: number;
    points: Readonly<Record<string, number>>;
    notes: Readonly<Record<string, string>>;
    /** Survey (XHH) points a parent's appraised points include, so the row can say so. */
    surveyIncluded?: Readonly<Record<string, number>>;
  };
}

/** Shown where the officer has not written the explanation yet; the pre-submit check looks for it. */
export const NO_EXPLANATION = 'chưa có thuyết minh.';
/** Shown where the officer has not written the difficulties section yet. */
export const NO_DIFFICULTIES = '(Chưa có nội dung.)';

export function selfAssessmentSummary(year: number): string {
  return `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${year}`;
}

/** Official tables print percentages with two decimals: 5,00%, 14,29%. */
const percentText = (percent: number) => `${formatPointsVi(percent)}%`;

/** Ghi chú of a row: who scores it, KAD with its reason, the appraisal council's note. */
function rowNote(input: SelfAssessmentInput, item: CriteriaItem): string {
  const s = input.score.items[item.code];
  const notes: string[] = [];
  if (item.children.length === 0 && item.assessedBy === 'survey') notes.push('Điều tra XHH, đơn vị không tự chấm');
  if (item.children.length === 0 && item.assessedBy === 'appraisal') notes.push('Do Hội đồng thẩm định chấm');
  if (item.children.length === 0 && s?.notApplicable) {
    const reason = input.notApplicableReasons?.[item.code]?.trim();
    notes.push(`KAD${reason ? `: ${toNfc(reason)}` : ''}${s.effectiveMax === 0 ? ` (không tính ${formatPointsVi(item.maxPoints)} điểm vào điểm tối đa)` : ' (tính đủ điểm)'}`);
  }
  const appraisalNote = input.appraisal?.notes[item.code]?.trim();
  if (appraisalNote) notes.push(`Thẩm định: ${toNfc(appraisalNote)}`);
  // A parent's appraised points add its survey part, which the self-score's maximum leaves out.
  const survey = input.appraisal?.surveyIncluded?.[item.code];
  if (item.children.length > 0 && survey !== undefined && survey > 0) notes.push(`Điểm thẩm định gồm ${formatPointsVi(survey)} điểm điều tra XHH`);
  return notes.join('; ');
}

const SUMMARY_COLUMNS = (input: SelfAssessmentInput) => [
  { title: 'STT', width: 1.3, align: 'center' as const },
  { title: 'Tiêu chí', width: 7 },
  { title: 'Điểm tối đa', width: 2, align: 'right' as const },
  { title: 'Điểm tự chấm', width: 2, align: 'right' as const },
  { title: input.appraisal ? `Điểm thẩm định lần ${input.appraisal.round}` : 'Điểm thẩm định', width: 2, align: 'right' as const },
  { title: 'Ghi chú', width: 4 },
];

function appraisedText(input: SelfAssessmentInput, code: string, kind: CriteriaItem['kind']): string {
  const points = input.appraisal?.points[code];
  return points === undefined ? '' : signedPointsText(points, kind);
}

/**
 * A domain holding bonus or deduction sub-items: they count in the total on their own, so the row
 * says so ("ngoài ra: điểm thưởng +0,50; điểm trừ −0,25"), and the rows still add up to the total.
 */
function otherKindsNote(d: SetScore['domains'][number]): string {
  const o = d.otherKinds;
  if (!o) return '';
  const parts = [o.bonus > 0 ? `điểm thưởng ${signedPointsText(o.bonus, 'bonus')}` : '', o.penalty > 0 ? `điểm trừ ${signedPointsText(o.penalty, 'penalty')}` : ''].filter(Boolean);
  return parts.length ? `Ngoài ra trong lĩnh vực: ${parts.join('; ')}` : '';
}

/** Per lĩnh vực: the self-score beside the appraised score once an appraisal exists. */
function domainTable(input: SelfAssessmentInput, parts: ScaleParts): Block {
  const rows: TableCell[][] = input.score.domains.map((d, i) => {
    const domain = input.set.domains.find((x) => x.code === d.code)!;
    const note = [rowNote(input, domain), otherKindsNote(d)].filter(Boolean).join('; ');
    return [String(i + 1), toNfc(d.title), formatPointsVi(d.max), signedPointsText(d.points, d.kind), appraisedText(input, d.code, d.kind), note];
  });
  rows.push([
    { text: 'Tổng điểm tự chấm (tạm tính)', bold: true, colSpan: 2, align: 'center' },
    { text: formatPointsVi(input.score.max), bold: true },
    { text: formatPointsVi(input.score.total), bold: true },
    { text: '', bold: true },
    { text: `${selfScopeText(parts)}; ${percentText(input.score.percent)} của phần tự chấm`, italic: true },
  ]);
  return { type: 'table', fontSizePt: 12, columns: SUMMARY_COLUMNS(input), rows };
}

/** Bảng tổng hợp kết quả tự đánh giá, chấm điểm tiêu chí, tiêu chí thành phần (BNV 383/384). */
export function itemSummaryTable(input: SelfAssessmentInput): Block {
  const rows: TableCell[][] = [];
  const kinds = new Map<string, CriteriaItem['kind']>();
  const visit = (item: CriteriaItem, depth: number, inherited: CriteriaItem['kind']) => {
    const kind = item.kind !== 'normal' ? item.kind : inherited;
    kinds.set(item.code, kind);
    const s = input.score.items[item.code];
    const self = item.children.length === 0 && item.assessedBy !== 'self' ? '' : s?.notApplicable && s.effectiveMax === 0 && item.children.length === 0 ? 'KAD' : signedPointsText(s?.points ?? 0, kind);
    rows.push([
      { text: item.code, bold: depth === 0 },
      { text: toNfc(item.title), bold: depth === 0, italic: depth >= 2 },
      { text: formatPointsVi(item.maxPoints), bold: depth === 0 },
      { text: self, bold: depth === 0 },
      { text: appraisedText(input, item.code, kind), bold: depth === 0 },
      rowNote(input, item),
    ]);
    item.children.forEach((c) => visit(c, depth + 1, kind));
  };
  input.set.domains.forEach((d) => visit(d, 0, 'normal'));
  return { type: 'table', fontSizePt: 12, columns: SUMMARY_COLUMNS(input), rows };
}

/** The leaves the unit scores itself, in document order. */
function selfScored(set: CriteriaSet): CriteriaItem[] {
  return selfScoredLeaves(set).map((l) => l.item);
}

/**
 * Giải trình (BNV 383/384): every self-scored item without tài liệu kiểm chứng, and every normal
 * item below its maximum, with the officer's explanation. A deduction or a bonus is not a
 * shortfall; items answered "Không áp dụng" are listed with their reason in their own section.
 * Items not yet scored are named in one sentence, so an unfinished draft stays readable.
 */
export function explanationItems(input: SelfAssessmentInput): { item: CriteriaItem; kind: CriteriaItem['kind']; noEvidence: boolean; below: boolean }[] {
  return selfScoredLeaves(input.set)
    .map(({ item, kind }) => {
      const s = input.score.items[item.code];
      const noEvidence = (input.evidence[item.code]?.length ?? 0) === 0;
      const below = kind === 'normal' && !!s?.answered && !s.notApplicable && s.points < s.effectiveMax;
      return { item, kind, noEvidence: !!s?.answered && !s.notApplicable && noEvidence, below };
    })
    .filter((x) => x.noEvidence || x.below);
}

function shortfalls(input: SelfAssessmentInput): Block[] {
  const unanswered = selfScored(input.set).filter((leaf) => !input.score.items[leaf.code]?.answered);
  const items = explanationItems(input);
  const out: Block[] = [];
  if (unanswered.length) {
    out.push({
      type: 'paragraph',
      runs: [{ text: `Còn ${unanswered.length} tiêu chí chưa tự chấm điểm: ${unanswered.map((l) => l.code).join(', ')}.`, italic: true }],
    });
  }
  if (!items.length) {
    out.push({ type: 'paragraph', runs: ['Các tiêu chí đã tự chấm đều có tài liệu kiểm chứng và đạt điểm tối đa.'] });
    return out;
  }
  return [
    ...out,
    {
      type: 'bullets',
      items: items.map(({ item: leaf, kind, noEvidence, below }) => {
        const s = input.score.items[leaf.code]!;
        const why = input.explanations[leaf.code]?.replace(/\s+/g, ' ').trim() || NO_EXPLANATION;
        const scored = kind === 'normal' ? `tự chấm ${formatPointsVi(s.points)}/${formatPointsVi(s.effectiveMax)} điểm` : `${kind === 'penalty' ? 'điểm trừ' : 'điểm thưởng'} ${signedPointsText(s.points, kind)}`;
        const reasons = [below ? 'chưa đạt điểm tối đa' : '', noEvidence ? 'không có tài liệu kiểm chứng' : ''].filter(Boolean).join(', ');
        return [{ text: `${leaf.code}. ${toNfc(leaf.title)}`, bold: true }, ` (${scored}; ${reasons}): ${toNfc(why)}`];
      }),
    },
  ];
}

/** Items answered "Không áp dụng", each with the officer's reason and its effect on the maximum. */
function notApplicableBlocks(input: SelfAssessmentInput, parts: ScaleParts): Block[] {
  const leaves = selfScored(input.set).filter((l) => input.score.items[l.code]?.notApplicable);
  if (!leaves.length) return [{ type: 'paragraph', runs: ['Không có tiêu chí nào được xác định là không áp dụng.'] }];
  return [
    {
      type: 'bullets',
      items: leaves.map((leaf) => {
        const s = input.score.items[leaf.code]!;
        const reason = input.notApplicableReasons?.[leaf.code]?.trim() || 'chưa ghi lý do';
        const effect = s.effectiveMax === 0 ? `không tính ${formatPointsVi(leaf.maxPoints)} điểm vào điểm tối đa` : 'theo bộ chỉ số được tính đủ điểm';
        return [{ text: `${leaf.code}. ${toNfc(leaf.title)}`, bold: true }, ` (KAD): ${toNfc(reason)}; ${effect}.`];
      }),
    },
    ...(parts.notApplicableMax > 0
      ? [{ type: 'paragraph' as const, runs: [`Điểm tối đa phần tự chấm giảm ${formatPointsVi(parts.notApplicableMax)} điểm do các tiêu chí không áp dụng.`] }]
      : []),
  ];
}

/** Phụ lục II: one heading row per item, then its documents (or a note that it has none). */
export function evidenceListTable(input: Pick<SelfAssessmentInput, 'set' | 'evidence'>): Block {
  const rows: TableCell[][] = [];
  let n = 0;
  for (const leaf of selfScored(input.set)) {
    rows.push([{ text: `${leaf.code}. ${toNfc(leaf.title)}`, bold: true, colSpan: 6, align: 'left' }]);
    const docs = input.evidence[leaf.code] ?? [];
    if (!docs.length) {
      rows.push(['', { text: 'Chưa có tài liệu kiểm chứng.', italic: true, colSpan: 5, align: 'left' }]);
      continue;
    }
    for (const e of docs) {
      rows.push([
        String(++n),
        evidenceNumber(e),
        e.issueDate ? formatDateVi(e.issueDate) : '',
        toNfc(e.issuer),
        toNfc(e.summary || e.docType),
        toNfc(e.originalName),
      ]);
    }
  }
  return {
    type: 'table',
    fontSizePt: 12,
    columns: [
      { title: 'STT', width: 0.8, align: 'center' },
      { title: 'Số, ký hiệu', width: 2.2 },
      { title: 'Ngày ban hành', width: 1.6, align: 'center' },
      { title: 'Cơ quan ban hành', width: 2.4 },
      { title: 'Trích yếu nội dung', width: 5.5 },
      { title: 'Tệp kiểm chứng', width: 3 },
    ],
    rows,
  };
}

export function buildSelfAssessmentReport(input: SelfAssessmentInput): Decree30Document {
  const { profile, set, score } = input;
  const unit = toNfc(profile.name);
  const evidenceTotal = Object.values(input.evidence).reduce((s, list) => s + list.length, 0);
  const parts = scaleParts(set, score, input.notApplicableReasons);
  const body: Block[] = [
    {
      type: 'paragraph',
      runs: [
        `Thực hiện ${toNfc(set.name)}${set.decision ? ` (ban hành kèm theo Quyết định số ${set.decision.number} ngày ${formatDateVi(set.decision.date)} của ${toNfc(set.decision.issuer)})` : ''}, ` +
          `${unit} đã tổ chức tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${set.year}, kết quả như sau:`,
      ],
    },
    { type: 'heading', level: 1, text: 'Kết quả tự đánh giá, chấm điểm' },
    {
      type: 'paragraph',
      runs: [
        'Tổng điểm tự chấm (tạm tính): ',
        { text: `${formatPointsVi(score.total)}/${formatPointsVi(score.max)} điểm`, bold: true },
        `, đạt ${percentText(score.percent)} của ${selfScopeText(parts)} (${exclusionsText(parts)}). `,
        `Xếp loại chính thức do Sở Nội vụ xác định trên thang điểm ${formatPointsVi(parts.scaleMax)} sau khi thẩm định và tổng hợp kết quả điều tra xã hội học. `,
        'Kết quả theo từng lĩnh vực (chi tiết từng tiêu chí, tiêu chí thành phần tại Phụ lục I):',
      ],
    },
    domainTable(input, parts),
    { type: 'heading', level: 1, text: 'Giải trình các tiêu chí không có tài liệu kiểm chứng hoặc chưa đạt điểm tối đa' },
    ...shortfalls(input),
    { type: 'heading', level: 1, text: 'Các tiêu chí không áp dụng' },
    ...notApplicableBlocks(input, parts),
    { type: 'heading', level: 1, text: 'Khó khăn, vướng mắc và kiến nghị' },
    ...difficultiesBlocks(input.difficulties),
    { type: 'heading', level: 1, text: 'Tài liệu kiểm chứng' },
    {
      type: 'paragraph',
      runs: [`Kèm theo báo cáo này là ${evidenceTotal} tài liệu kiểm chứng, liệt kê theo từng tiêu chí tại Phụ lục II và Bảng tự chấm điểm.`],
    },
    {
      type: 'paragraph',
      runs: [`Trên đây là báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${set.year} của ${unit}./.`],
    },
  ];
  return {
    header: headerFromProfile(profile, { summary: selfAssessmentSummary(set.year), isoDate: input.isoDate }),
    body,
    appendices: [
      { numeral: 'I', title: 'Bảng tổng hợp kết quả tự đánh giá, chấm điểm tiêu chí, tiêu chí thành phần', landscape: true, blocks: [itemSummaryTable(input)] },
      { numeral: 'II', title: 'Danh mục tài liệu kiểm chứng', landscape: true, blocks: [evidenceListTable(input)] },
    ],
  };
}

/** The officer's paragraphs, one per line; a placeholder while empty (the pre-submit check warns). */
function difficultiesBlocks(text: string | undefined): Block[] {
  const lines = (text ?? '').split(/\n+/).map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return [{ type: 'paragraph', runs: [{ text: NO_DIFFICULTIES, italic: true }] }];
  return lines.map((line) => ({ type: 'paragraph', runs: [toNfc(line)] }));
}
