import type { UnitProfile } from '../../../shared/contract/profile';
import type { ReportEvidenceRef, ReportPeriodInfo, ReportStatisticRow } from '../../../shared/contract/reports';
import { formatDateVi, formatNumberVi, formatPointsVi, toNfc } from '../../../shared/text/vi';
import type { OutlineSection } from './content-data';
import { BLANK_VALUE } from './statistics-model';
import type { Block, Decree30Document, TableCell } from './document-model';
import { sectionTextToBlocks } from './section-text';
import { keepTogether } from './no-break';
import { formatEvidenceRef } from './self-score-model';
import { defaultRecipients, headerFromProfile } from './unit-header';

/**
 * "Báo cáo kết quả CCHC" of a period (quý / 6 tháng / 9 tháng / năm) as a Decree-30 document:
 * the outline in order with the officer's text, and the biểu số liệu as Phụ lục I.
 */

export interface PeriodicReportInput {
  profile: UnitProfile;
  period: Pick<ReportPeriodInfo, 'title' | 'name' | 'year' | 'cutoffFrom' | 'cutoffTo'>;
  /** Each section with its text and the tài liệu kiểm chứng linked to it. */
  sections: { section: OutlineSection; text: string; evidence?: ReportEvidenceRef[] }[];
  statistics: ReportStatisticRow[];
  /** Column heading of the values: "Quý I năm 2026". */
  periodHeading: string;
  /** Date printed in the header, ISO. */
  isoDate: string;
  /** Nơi nhận without the "Lưu" line; the profile's default when absent. */
  recipients?: string[];
}

export function periodicReportSummary(periodTitle: string): string {
  return `Kết quả thực hiện công tác cải cách hành chính ${periodTitle}`;
}

const EMPTY_SECTION: Block = { type: 'paragraph', runs: [{ text: '(Chưa có nội dung.)', italic: true }] };

/** "(Tài liệu kèm theo: 47/KH-SNV ngày 11/01/2026; …)": the section's linked documents, by number. */
function evidenceLine(evidence: ReportEvidenceRef[]): Block {
  const refs = evidence.map((e) => formatEvidenceRef({ documentNumber: e.docNumber, isoDate: e.issueDate ?? undefined }));
  return { type: 'paragraph', runs: [{ text: `(Tài liệu kèm theo: ${refs.join('; ')}.)`, italic: true }] };
}

/** A value as printed; a blank is "—", never 0 or an empty cell (a reader must see "no data"). */
export function statisticsValueText(row: Pick<ReportStatisticRow, 'value' | 'unit'>): string {
  if (row.value === null) return BLANK_VALUE;
  return row.unit === 'percent' ? formatPointsVi(row.value) : formatNumberVi(row.value, 0);
}

export function statisticsTable(rows: ReportStatisticRow[], periodHeading: string): Block {
  const cells: TableCell[][] = [];
  let group: string | null = null;
  rows.forEach((row, i) => {
    if (row.group && row.group !== group) {
      group = row.group;
      cells.push([{ text: row.group, bold: true, colSpan: 5, align: 'left' }]);
    }
    const note = [row.note ?? '', row.computed && row.formulaText && !row.note ? row.formulaText : ''].filter(Boolean).join(' ');
    cells.push([
      String(i + 1),
      row.computed ? { text: row.label, bold: true } : row.label,
      row.unitLabel,
      statisticsValueText(row),
      { text: note, italic: true },
    ]);
  });
  return {
    type: 'table',
    fontSizePt: 12,
    columns: [
      { title: 'STT', width: 1, align: 'center' },
      { title: 'Chỉ tiêu', width: 7 },
      { title: 'Đơn vị tính', width: 1.8, align: 'center' },
      { title: periodHeading, width: 2.2, align: 'right' },
      { title: 'Ghi chú', width: 3 },
    ],
    rows: cells,
  };
}

export function buildPeriodicReport(input: PeriodicReportInput): Decree30Document {
  const { profile, period } = input;
  const unit = toNfc(profile.name);
  const body: Block[] = [
    {
      type: 'paragraph',
      runs: [
        `Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, ${unit} báo cáo kết quả thực hiện công tác cải cách hành chính ${period.title} ` +
          `(số liệu tính từ ngày ${formatDateVi(period.cutoffFrom)} đến ngày ${formatDateVi(period.cutoffTo)}) như sau:`,
      ],
    },
  ];
  let parent: string | null = null;
  for (const { section, text, evidence = [] } of input.sections) {
    if (section.parent) {
      if (section.parent.code !== parent) {
        parent = section.parent.code;
        body.push({ type: 'heading', level: 1, text: section.parent.title, label: `${section.parent.label}.` });
      }
      body.push({ type: 'heading', level: 2, text: section.title, label: `${section.label.split('.').at(-1)}.` });
    } else {
      parent = null;
      body.push({ type: 'heading', level: 1, text: section.title, label: `${section.label}.` });
    }
    const blocks = sectionTextToBlocks(text);
    body.push(...(blocks.length ? blocks : [EMPTY_SECTION]));
    if (evidence.length) body.push(evidenceLine(evidence));
  }
  // The closing sentence travels with the signature block: the signer is never alone on a page.
  body.push({
    type: 'paragraph',
    keepNext: true,
    runs: [`Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính ${period.title} của ${unit}./.`],
  });
  return {
    header: headerFromProfile(profile, {
      summary: periodicReportSummary(period.title),
      isoDate: input.isoDate,
      recipients: input.recipients ?? defaultRecipients(profile),
    }),
    body,
    appendices: [
      {
        numeral: 'I',
        // "… 6 THÁNG ĐẦU / NĂM 2026" splits the period: it wraps whole.
        title: `Biểu số liệu kết quả cải cách hành chính ${keepTogether(period.title)}`,
        blocks: [statisticsTable(input.statistics, input.periodHeading)],
      },
    ],
  };
}
