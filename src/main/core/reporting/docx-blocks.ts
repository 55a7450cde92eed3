import {
  AlignmentType,
  BorderStyle,
  PageBreak,
  Paragraph,
  Table,
  TableCell as DocxTableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { toNfc } from '../../../shared/text/vi';
import type { Block, CellAlign, InlineRun, TableCell } from './document-model';
import { BODY, SIZE } from './decree30-layout';
import { bindLastPair } from './no-break';
import { toRoman } from './roman-numerals';

/**
 * Body blocks → docx paragraphs and tables. Paragraph looks come from the named styles the writer
 * declares (so an officer editing the draft in Word keeps them); only what differs is set here.
 */

export const STYLE_BODY = 'CchcBody';
export const STYLE_HEADING = ['CchcHeading1', 'CchcHeading2', 'CchcHeading3'] as const;
export const STYLE_TABLE_TEXT = 'CchcTableText';

/** A run with NFC text; size and font come from the style unless given. */
export function textRun(text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}): TextRun {
  return new TextRun({ ...options, text: toNfc(text) });
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function inlineRuns(runs: InlineRun[], size?: number): TextRun[] {
  return runs.map((r) =>
    typeof r === 'string'
      ? textRun(r, { size })
      : textRun(r.text, { bold: r.bold, italics: r.italic, underline: r.underline ? {} : undefined, size }),
  );
}


/** Vietnamese documents letter sub-points a), b), … đ) after d), as the alphabet runs. */
const VI_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

function headingLabel(level: 1 | 2 | 3, n: number): string {
  if (level === 1) return `${toRoman(n)}.`;
  if (level === 2) return `${n}.`;
  return `${VI_LETTERS[(n - 1) % VI_LETTERS.length] ?? 'a'})`;
}

/** How much further in a second-level ("+") item starts than a first-level one: 0.5 cm. */
const BULLET_STEP = 283;

const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function cellParts(cell: TableCell): { text: string; bold?: boolean; italic?: boolean; align?: CellAlign; colSpan?: number } {
  return typeof cell === 'string' ? { text: cell } : cell;
}

function tableBlock(block: Extract<Block, { type: 'table' }>, width: number): Table {
  const totalWeight = block.columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = block.columns.map((c) => Math.floor((c.width / totalWeight) * width));
  const size = block.fontSizePt ? block.fontSizePt * 2 : SIZE.table;
  const makeCell = (cell: TableCell, columnIndex: number, header: boolean): DocxTableCell => {
    const c = cellParts(cell);
    const span = c.colSpan ?? 1;
    const cellWidth = widths.slice(columnIndex, columnIndex + span).reduce((s, w) => s + w, 0);
    const align = c.align ?? (header ? 'center' : block.columns[columnIndex]?.align ?? 'left');
    const lines = toNfc(c.text).split('\n');
    return new DocxTableCell({
      columnSpan: span > 1 ? span : undefined,
      width: { size: cellWidth, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: lines.map(
        (line) =>
          new Paragraph({
            style: STYLE_TABLE_TEXT,
            alignment: ALIGN[align],
            children: [textRun(line, { bold: header || c.bold, italics: c.italic, size })],
          }),
      ),
    });
  };
  const row = (cells: TableCell[], header: boolean): TableRow => {
    let column = 0;
    const children = cells.map((cell) => {
      const made = makeCell(cell, column, header);
      column += cellParts(cell).colSpan ?? 1;
      return made;
    });
    return new TableRow({ tableHeader: header, cantSplit: true, children });
  };
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: thinBorder,
      bottom: thinBorder,
      left: thinBorder,
      right: thinBorder,
      insideHorizontal: thinBorder,
      insideVertical: thinBorder,
    },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [row(block.columns.map((c) => c.title), true), ...block.rows.map((r) => row(r, false))],
  });
}

/** Renders body blocks; `width` is the text width (twips) of the section they sit in. */
export function renderBlocks(blocks: Block[], width: number): (Paragraph | Table)[] {
  const counters = [0, 0, 0];
  const out: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'heading': {
        const i = block.level - 1;
        counters[i] = (counters[i] ?? 0) + 1;
        for (let deeper = i + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
        const label = block.unnumbered ? '' : (block.label ?? headingLabel(block.level, counters[i] ?? 1));
        // An upper-case level 1 heading often wraps: its last word pair stays together ("… HÀNH CHÍNH", not "… HÀNH / CHÍNH").
        const text = block.level === 1 ? bindLastPair(toNfc(block.text).toLocaleUpperCase('vi')) : block.text;
        out.push(
          new Paragraph({
            style: STYLE_HEADING[i],
            keepNext: true,
            children: [textRun(label ? `${label} ${text}` : text)],
          }),
        );
        break;
      }
      case 'paragraph':
        out.push(
          new Paragraph({
            style: STYLE_BODY,
            alignment: block.align ? ALIGN[block.align] : undefined,
            indent: block.noIndent ? { firstLine: 0 } : undefined,
            keepNext: block.keepNext || undefined,
            keepLines: block.keepNext || undefined,
            children: inlineRuns(block.runs),
          }),
        );
        break;
      case 'bullets':
        for (const item of block.items) {
          const marker = block.marker ?? '-';
          out.push(
            new Paragraph({
              style: STYLE_BODY,
              indent: marker === '+' ? { firstLine: BODY.firstLine + BULLET_STEP } : undefined,
              children: [textRun(`${marker} `), ...inlineRuns(item)],
            }),
          );
        }
        break;
      case 'table':
        out.push(tableBlock(block, width));
        // A table followed directly by a heading or the closing block needs air under it.
        out.push(new Paragraph({ style: STYLE_BODY, spacing: { after: 0, line: 240 }, children: [] }));
        break;
      case 'page-break':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  }
  return out;
}

/** Body style values, shared with the writer's style declarations. */
export const BODY_PARAGRAPH = {
  alignment: AlignmentType.JUSTIFIED,
  indent: { firstLine: BODY.firstLine },
  spacing: { before: 0, after: BODY.after, line: BODY.line },
} as const;
