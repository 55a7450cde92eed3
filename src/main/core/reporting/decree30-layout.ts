/**
 * Page geometry and type sizes of Decree 30/2020/NĐ-CP, Phụ lục I (domain brief §4.1–4.2), in the
 * units Word uses: twips (1/20 pt) for lengths and half-points for font sizes.
 */

export const FONT = 'Times New Roman';

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);
export const cm = (value: number): number => mm(value * 10);
/** Font size in points → w:sz half-points. */
export const pt = (value: number): number => value * 2;

/** A4 portrait, exactly as Word writes it. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Within the Decree's ranges: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) } as const;

export const TEXT_WIDTH_PORTRAIT = A4.width - MARGIN.left - MARGIN.right;
export const TEXT_WIDTH_LANDSCAPE = A4.height - MARGIN.left - MARGIN.right;

/** Type sizes in half-points (w:sz). */
export const SIZE = {
  parentBody: pt(13),
  issuer: pt(13),
  number: pt(13),
  nationalTitle: pt(13),
  motto: pt(14),
  placeDate: pt(14),
  docType: pt(14),
  summary: pt(14),
  body: pt(14),
  table: pt(13),
  pageNumber: pt(13),
  recipientsLabel: pt(12),
  recipients: pt(11),
  signer: pt(14),
  appendix: pt(14),
} as const;

/** Body: first-line indent 1.27 cm, ≥ 6 pt between paragraphs, 1.2 lines (single to 1.5 allowed). */
export const BODY = { firstLine: 720, after: 120, line: 288 } as const;

/** Header columns: about 40/60 of the text width (§4.3); the right one must hold the Quốc hiệu at 13 pt. */
export const HEADER_LEFT = Math.round(TEXT_WIDTH_PORTRAIT * 0.38);
export const HEADER_RIGHT = TEXT_WIDTH_PORTRAIT - HEADER_LEFT;
/** Closing block: Nơi nhận left, signer right. */
export const CLOSING_LEFT = Math.round(TEXT_WIDTH_PORTRAIT * 0.45);
export const CLOSING_RIGHT = TEXT_WIDTH_PORTRAIT - CLOSING_LEFT;
/** Left/right padding inside the borderless layout tables. */
export const LAYOUT_CELL_PADDING = 57;
/** Room left blank for the handwritten or digital signature and the seal (ô 7c, ô 8). */
export const SIGNATURE_SPACE = 1700;

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
