import { breakHeaderName } from './header-lines';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { formatDateVi, formatDecreeDate, toNfc } from '../../../shared/text/vi';
import { stripXmlForbiddenDeep } from '../../../shared/text/xml-safe';
import type { Appendix, Decree30Document, ReportHeader } from './document-model';
import { recipientLines } from './recipient-lines';

export { recipientLines };
import {
  A4,
  BODY,
  CLOSING_LEFT,
  CLOSING_RIGHT,
  cm,
  FONT,
  HEADER_LEFT,
  HEADER_RIGHT,
  LAYOUT_CELL_PADDING,
  MARGIN,
  MOTTO,
  NATIONAL_TITLE,
  SIGNATURE_SPACE,
  SIZE,
  TEXT_WIDTH_LANDSCAPE,
  TEXT_WIDTH_PORTRAIT,
} from './decree30-layout';
import { BODY_PARAGRAPH, renderBlocks, STYLE_BODY, STYLE_HEADING, STYLE_TABLE_TEXT, textRun } from './docx-blocks';
import { textWidthTwips } from './text-width';
import { bindLastPair } from './no-break';

/**
 * Writes a Decree 30/2020 "văn bản có tên loại" (Mẫu 1.4) as .docx: the two-column header, tên
 * loại and trích yếu, the body, the Nơi nhận / signer block, and each phụ lục in its own section.
 * The result is an unsigned draft: the number is left for the văn thư and the signature and seal
 * areas stay empty (domain brief §4.3–4.4).
 */

const TIGHT = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } as const;

function centred(text: string, size: number, options: { bold?: boolean; italics?: boolean } = {}, spacing: object = TIGHT): Paragraph {
  const lines = toNfc(text).split('\n');
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing,
    children: lines.map((line, i) => textRun(line, { size, ...options, break: i > 0 ? 1 : undefined })),
  });
}

/**
 * A solid rule `ruleWidth` long, centred in a box `boxWidth` wide: a near-zero-height paragraph
 * whose bottom border is narrowed by indents. Word has no text-length line, so this is how real
 * templates draw it too, and it survives editing.
 */
function rule(ruleWidth: number, boxWidth: number, spaceAfter = 0): Paragraph {
  const side = Math.max(0, Math.round((boxWidth - ruleWidth) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 40, after: spaceAfter, line: 20, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function longestLineWidth(text: string, size: number, bold: boolean): number {
  return Math.max(...toNfc(text).split('\n').map((line) => textWidthTwips(line, size, bold)));
}

/** "Số:      /BC-SNV" until the văn thư registers the document; numbers below 10 get a leading 0. */
export function documentNumberText(header: Pick<ReportHeader, 'number' | 'docTypeAbbrev' | 'unitShortName'>): string {
  const raw = header.number?.trim();
  const number = raw ? (/^\d$/.test(raw) ? `0${raw}` : raw) : '      ';
  return `${number}/${header.docTypeAbbrev}-${header.unitShortName}`;
}

const layoutCell = (width: number, children: Paragraph[]): TableCell =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: LAYOUT_CELL_PADDING, right: LAYOUT_CELL_PADDING, top: 0, bottom: 0 },
    children,
  });

const layoutTable = (widths: [number, number], rows: TableRow[]): Table =>
  new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows,
  });

/** Ô 1–4: cơ quan / Quốc hiệu, then Số / địa danh, ngày on one row so they share a line. */
function headerBlock(h: ReportHeader): Table {
  const leftBox = HEADER_LEFT - 2 * LAYOUT_CELL_PADDING;
  const rightBox = HEADER_RIGHT - 2 * LAYOUT_CELL_PADDING;
  const issuerWidth = longestLineWidth(h.issuer, SIZE.issuer, true);
  // 1/3 to 1/2 of the issuer's length; never shorter than 2 cm, or a short name gets a dot.
  const issuerRule = Math.min(leftBox, Math.max(cm(2), Math.round(issuerWidth * 0.45)));
  const mottoRule = Math.min(rightBox, textWidthTwips(MOTTO, SIZE.motto, true));
  const nameRow = new TableRow({
    cantSplit: true,
    children: [
      layoutCell(HEADER_LEFT, [
        centred(breakHeaderName(h.parentBody.toLocaleUpperCase('vi'), leftBox, SIZE.parentBody, false), SIZE.parentBody),
        centred(breakHeaderName(h.issuer.toLocaleUpperCase('vi'), leftBox, SIZE.issuer, true), SIZE.issuer, { bold: true }),
        rule(issuerRule, leftBox),
      ]),
      layoutCell(HEADER_RIGHT, [
        centred(NATIONAL_TITLE, SIZE.nationalTitle, { bold: true }),
        centred(MOTTO, SIZE.motto, { bold: true }),
        rule(mottoRule, rightBox),
      ]),
    ],
  });
  const numberRow = new TableRow({
    cantSplit: true,
    children: [
      layoutCell(HEADER_LEFT, [centred(`Số: ${documentNumberText(h)}`, SIZE.number, {}, { ...TIGHT, before: 200 })]),
      layoutCell(HEADER_RIGHT, [
        centred(`${h.place}, ${formatDecreeDate(h.isoDate)}`, SIZE.placeDate, { italics: true }, { ...TIGHT, before: 200 }),
      ]),
    ],
  });
  return layoutTable([HEADER_LEFT, HEADER_RIGHT], [nameRow, numberRow]);
}

/** Ô 5a and 9a: tên loại, trích yếu with its short rule, then Kính gửi when the report goes up. */
function titleBlock(h: ReportHeader): Paragraph[] {
  const summaryWidth = Math.min(TEXT_WIDTH_PORTRAIT, longestLineWidth(h.summary, SIZE.summary, true));
  const out = [
    centred(h.docTypeName.toLocaleUpperCase('vi'), SIZE.docType, { bold: true }, { ...TIGHT, before: 480 }),
    centred(h.summary, SIZE.summary, { bold: true }),
    rule(Math.max(cm(2.5), Math.round(summaryWidth * 0.4)), TEXT_WIDTH_PORTRAIT, 360),
  ];
  const kinhGui = h.kinhGui ?? [];
  if (kinhGui.length === 1) {
    out.push(centred(`Kính gửi: ${kinhGui[0]}.`, SIZE.body, {}, { ...TIGHT, after: 240 }));
  } else if (kinhGui.length > 1) {
    const labelAt = cm(3);
    const listAt = cm(5.5);
    kinhGui.forEach((name, i) => {
      const last = i === kinhGui.length - 1;
      out.push(
        new Paragraph({
          indent: { left: listAt, hanging: i === 0 ? listAt - labelAt : 0 },
          tabStops: [{ type: TabStopType.LEFT, position: listAt }],
          spacing: { ...TIGHT, after: last ? 240 : 0 },
          children: [textRun(`${i === 0 ? 'Kính gửi:\t' : ''}- ${name}${last ? '.' : ';'}`, { size: SIZE.body })],
        }),
      );
    });
  }
  return out;
}

/** Ô 7a–7c and 9b: Nơi nhận level with the signer's authority line; the signature area stays blank. */
function closingBlock(h: ReportHeader): Table {
  const signerLines = [h.signer.authority, h.signer.title].filter((t): t is string => !!t?.trim());
  const left = [
    new Paragraph({
      spacing: TIGHT,
      children: [textRun('Nơi nhận:', { size: SIZE.recipientsLabel, bold: true, italics: true })],
    }),
    ...recipientLines(h).map((line) => new Paragraph({ spacing: TIGHT, children: [textRun(line, { size: SIZE.recipients })] })),
  ];
  const right = [
    ...signerLines.map((line) => centred(line.toLocaleUpperCase('vi'), SIZE.signer, { bold: true })),
    centred(h.signer.name, SIZE.signer, { bold: true }, { ...TIGHT, before: SIGNATURE_SPACE }),
  ];
  return layoutTable([CLOSING_LEFT, CLOSING_RIGHT], [
    new TableRow({ cantSplit: true, children: [layoutCell(CLOSING_LEFT, left), layoutCell(CLOSING_RIGHT, right)] }),
  ]);
}

function sentenceCase(text: string): string {
  const lower = toNfc(text).toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** "(Kèm theo Báo cáo số      /BC-SNV ngày 05/01/2026 của Sở Nội vụ)". */
export function appendixReferenceLine(h: ReportHeader): string {
  return `(Kèm theo ${sentenceCase(h.docTypeName)} số ${documentNumberText(h)} ngày ${formatDateVi(h.isoDate)} của ${bindLastPair(h.issuerInText)})`;
}

function appendixHeading(h: ReportHeader, appendix: Appendix, width: number): Paragraph[] {
  return [
    centred(`Phụ lục ${appendix.numeral}`, SIZE.appendix, { bold: true }),
    centred(appendix.title.toLocaleUpperCase('vi'), SIZE.appendix, { bold: true }),
    centred(appendixReferenceLine(h), SIZE.appendix, { italics: true }),
    rule(cm(3), width, 240),
  ];
}

/** Page number centred in the top margin, hidden on the first page of each section (§4.1). */
function pageHeaders(): ISectionOptions['headers'] {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pageNumber })],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

function sectionPage(landscape: boolean): NonNullable<ISectionOptions['properties']>['page'] {
  return {
    size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { ...MARGIN },
    pageNumbers: { start: 1 },
  };
}

const fonts = { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT } as const;

/** Builds the docx Document; exported for tests that want to inspect it before packing. */
export function buildDecree30Document(input: Decree30Document): Document {
  // Whatever reached the model (a criteria set's titles, text stored before input was cleaned),
  // a character XML forbids never reaches the file: Word would refuse to open it.
  const model = stripXmlForbiddenDeep(input);
  const h = model.header;
  const main: ISectionOptions = {
    properties: { page: sectionPage(false), titlePage: true },
    headers: pageHeaders(),
    children: [headerBlock(h), ...titleBlock(h), ...renderBlocks(model.body, TEXT_WIDTH_PORTRAIT), closingBlock(h)],
  };
  const appendices: ISectionOptions[] = (model.appendices ?? []).map((appendix) => {
    const width = appendix.landscape ? TEXT_WIDTH_LANDSCAPE : TEXT_WIDTH_PORTRAIT;
    return {
      properties: { page: sectionPage(!!appendix.landscape), titlePage: true },
      headers: pageHeaders(),
      children: [...appendixHeading(h, appendix, width), ...renderBlocks(appendix.blocks, width)],
    };
  });
  return new Document({
    creator: toNfc(h.issuer.replace(/\n/g, ' ')),
    title: toNfc(`${h.docTypeName} ${h.summary}`),
    styles: {
      default: {
        document: {
          run: { font: fonts, size: SIZE.body, sizeComplexScript: SIZE.body },
          paragraph: { spacing: TIGHT },
        },
      },
      paragraphStyles: [
        {
          id: STYLE_BODY,
          name: 'CCHC Nội dung',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: fonts, size: SIZE.body },
          paragraph: { ...BODY_PARAGRAPH },
        },
        ...STYLE_HEADING.map((id, i) => ({
          id,
          name: `CCHC Đề mục ${i + 1}`,
          basedOn: STYLE_BODY,
          next: STYLE_BODY,
          quickFormat: true,
          run: { font: fonts, size: SIZE.body, bold: i < 2, italics: i === 2 },
          paragraph: { keepNext: true, spacing: { before: i === 0 ? 120 : 60, after: BODY.after, line: BODY.line } },
        })),
        {
          id: STYLE_TABLE_TEXT,
          name: 'CCHC Chữ trong bảng',
          basedOn: 'Normal',
          run: { font: fonts, size: SIZE.table },
          paragraph: { spacing: { before: 20, after: 20, line: 240 } },
        },
      ],
    },
    sections: [main, ...appendices],
  });
}

/** The .docx bytes of a Decree-30 document. */
export async function writeDecree30Docx(model: Decree30Document): Promise<Buffer> {
  return Packer.toBuffer(buildDecree30Document(model));
}
