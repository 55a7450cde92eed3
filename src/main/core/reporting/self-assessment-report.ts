import type { UnitProfile } from '../../../shared/contract/profile';
import type { CriteriaItem, CriteriaSet } from '../../../shared/criteria/format';
import type { SetScore } from '../../../shared/criteria/score-types';
import { selfScoredLeaves } from '../../../shared/criteria/tree';
import { formatDateVi, formatPointsVi, toNfc } from '../../../shared/text/vi';
import type { Block, Decree30Document, TableCell } from './document-model';
import { evidenceNumber, type LinkedEvidence } from './evidence-access';
import { headerFromProfile } from './unit-header';

/**
 * "Báo cáo tự đánh giá, chấm điểm Chỉ số CCHC" of a year: the totals per lĩnh vực from the engine,
 * the giải trình of items below full points, and Phụ lục I "Danh mục tài liệu kiểm chứng" listing
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
}

export function selfAssessmentSummary(year: number): string {
  return `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${year}`;
}

/** Official tables print percentages with two decimals: 5,00%, 14,29%. */
const percentText = (percent: number) => `${formatPointsVi(percent)}%`;
const percentOf = (points: number, max: number) => (max > 0 ? percentText((points / max) * 100) : '—');

function domainTable(input: SelfAssessmentInput): Block {
  const rows: TableCell[][] = input.score.domains.map((d, i) => [
    String(i + 1),
    toNfc(d.title),
    formatPointsVi(d.max),
    d.kind === 'penalty' && d.points > 0 ? `−${formatPointsVi(d.points)}` : formatPointsVi(d.points),
    d.kind === 'normal' ? percentOf(d.points, d.max) : '',
  ]);
  rows.push([
    { text: 'Tổng điểm tự đánh giá', bold: true, colSpan: 2, align: 'center' },
    { text: formatPointsVi(input.score.max), bold: true },
    { text: formatPointsVi(input.score.total), bold: true },
    { text: percentText(input.score.percent), bold: true },
  ]);
  return {
    type: 'table',
    fontSizePt: 13,
    columns: [
      { title: 'STT', width: 1, align: 'center' },
      { title: 'Lĩnh vực', width: 7 },
      { title: 'Điểm tối đa', width: 2, align: 'right' },
      { title: 'Điểm tự chấm', width: 2, align: 'right' },
      { title: 'Tỷ lệ', width: 2, align: 'right' },
    ],
    rows,
  };
}

/** The leaves the unit scores itself, in document order. */
function selfScored(set: CriteriaSet): CriteriaItem[] {
  return selfScoredLeaves(set).map((l) => l.item);
}

/**
 * Items the unit scored itself that fall short of their maximum, with the officer's explanation;
 * items not yet scored are named in one sentence, so an unfinished draft stays readable.
 */
function shortfalls(input: SelfAssessmentInput): Block[] {
  const normal = selfScored(input.set).filter((leaf) => leaf.kind === 'normal');
  const unanswered = normal.filter((leaf) => !input.score.items[leaf.code]?.answered);
  const items = normal.filter((leaf) => {
    const s = input.score.items[leaf.code];
    return s?.answered && !s.notApplicable && s.points < s.effectiveMax;
  });
  const out: Block[] = [];
  if (unanswered.length) {
    out.push({
      type: 'paragraph',
      runs: [{ text: `Còn ${unanswered.length} tiêu chí chưa tự chấm điểm: ${unanswered.map((l) => l.code).join(', ')}.`, italic: true }],
    });
  }
  if (!items.length) {
    out.push({ type: 'paragraph', runs: ['Các tiêu chí đã tự chấm đều đạt điểm tối đa.'] });
    return out;
  }
  return [
    ...out,
    {
      type: 'bullets',
      items: items.map((leaf) => {
        const s = input.score.items[leaf.code]!;
        const why = input.explanations[leaf.code]?.replace(/\s+/g, ' ').trim() || 'chưa có thuyết minh.';
        return [
          { text: `${leaf.code}. ${toNfc(leaf.title)}`, bold: true },
          ` (tự chấm ${formatPointsVi(s.points)}/${formatPointsVi(s.effectiveMax)} điểm): ${toNfc(why)}`,
        ];
      }),
    },
  ];
}

/** Phụ lục I: one heading row per item, then its documents (or a note that it has none). */
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
        'Tổng điểm tự đánh giá: ',
        { text: `${formatPointsVi(score.total)}/${formatPointsVi(score.max)} điểm`, bold: true },
        `, đạt ${percentText(score.percent)}; xếp loại `,
        { text: score.band, bold: true },
        '. Kết quả theo từng lĩnh vực:',
      ],
    },
    domainTable(input),
    { type: 'heading', level: 1, text: 'Giải trình các tiêu chí chưa đạt điểm tối đa' },
    ...shortfalls(input),
    { type: 'heading', level: 1, text: 'Tài liệu kiểm chứng' },
    {
      type: 'paragraph',
      runs: [`Kèm theo báo cáo này là ${evidenceTotal} tài liệu kiểm chứng, liệt kê theo từng tiêu chí tại Phụ lục I và Bảng tự chấm điểm.`],
    },
    {
      type: 'paragraph',
      runs: [`Trên đây là báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${set.year} của ${unit}./.`],
    },
  ];
  return {
    header: headerFromProfile(profile, { summary: selfAssessmentSummary(set.year), isoDate: input.isoDate }),
    body,
    appendices: [{ numeral: 'I', title: 'Danh mục tài liệu kiểm chứng', landscape: true, blocks: [evidenceListTable(input)] }],
  };
}
