/**
 * The plain data a Decree-30 document is built from. The writers turn it into .docx; nothing here
 * knows about docx or exceljs, so the report-content store and the UI can build it freely.
 * Text is taken as given (the writers normalise it to NFC); numbers and dates arrive already
 * formatted the Vietnamese way (formatPointsVi, formatDateVi) except the header date, which the
 * writer formats itself because Decree 30 fixes its shape.
 */

/** The signer block (ô 7a, 7b). */
export interface Signer {
  /** Quyền hạn: "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", "TL. GIÁM ĐỐC"; omitted when the head signs. */
  authority?: string;
  /** Chức vụ: "PHÓ GIÁM ĐỐC". */
  title: string;
  /** Họ tên, no academic titles: "Nguyễn Thị Ặng". */
  name: string;
}

/** Everything around the body: the two-column header, tên loại, trích yếu, Kính gửi, the closing. */
export interface ReportHeader {
  /** Cơ quan chủ quản (ô 2, upper case, not bold): "UBND TỈNH LÂM ĐỒNG". */
  parentBody: string;
  /** Cơ quan ban hành (ô 2, bold): "SỞ NỘI VỤ". "\n" forces a line break in long names. */
  issuer: string;
  /** The issuer as it reads inside a sentence, for the phụ lục line "… của Sở Nội vụ". */
  issuerInText: string;
  /** Abbreviation of the issuing body in the ký hiệu: "SNV" → "Số: …/BC-SNV". */
  unitShortName: string;
  /** Abbreviation of the document type: "BC". */
  docTypeAbbrev: string;
  /**
   * The registered number, only when the văn thư has given one. Left out, the number is blank
   * ("Số:      /BC-SNV"): the app never invents a number (Điều 15, domain brief §4.3).
   */
  number?: string;
  /** Địa danh: "Lâm Đồng". */
  place: string;
  /** yyyy-mm-dd; printed "Lâm Đồng, ngày 05 tháng 01 năm 2026". */
  isoDate: string;
  /** Tên loại (ô 5a): "BÁO CÁO". */
  docTypeName: string;
  /** Trích yếu (ô 5a): "Kết quả tự đánh giá, chấm điểm Chỉ số CCHC năm 2025". */
  summary: string;
  /** Kính gửi (ô 9a), for a báo cáo sent up; one line per recipient without trailing punctuation. */
  kinhGui?: string[];
  /** Nơi nhận (ô 9b) without "Lưu": "UBND tỉnh (b/c)". The writer adds "- …;" and the "Lưu" line. */
  recipients: string[];
  signer: Signer;
  /** Đơn vị/người soạn thảo for "- Lưu: VT, CCHC." */
  drafter: string;
}

/** A run of text inside a paragraph. A bare string is an upright, regular run. */
export type InlineRun = string | { text: string; bold?: boolean; italic?: boolean; underline?: boolean };

export type CellAlign = 'left' | 'center' | 'right' | 'justify';

export interface TableColumn {
  title: string;
  /** Relative width; the writer shares the text width in proportion. */
  width: number;
  align?: CellAlign;
}

export type TableCell = string | { text: string; bold?: boolean; italic?: boolean; align?: CellAlign; colSpan?: number };

export type Block =
  /**
   * Section headings: level 1 "I. CÔNG TÁC CHỈ ĐẠO" (bold, upper case), level 2 "1. …" (bold),
   * level 3 "a) …" (italic). Numbered automatically per parent unless `label` is given;
   * `unnumbered` drops the label.
   */
  | { type: 'heading'; level: 1 | 2 | 3; text: string; label?: string; unnumbered?: boolean }
  | { type: 'paragraph'; runs: InlineRun[]; align?: CellAlign; noIndent?: boolean; /** Kept on the page of what follows (the closing line with the signature block). */ keepNext?: boolean }
  /**
   * A dash list as Vietnamese documents write it ("- …"), each item one paragraph; marker "+"
   * for the second level ("+ …"), set a little further in.
   */
  | { type: 'bullets'; items: InlineRun[][]; marker?: '-' | '+' }
  | { type: 'table'; columns: TableColumn[]; rows: TableCell[][]; fontSizePt?: 12 | 13 | 14 }
  | { type: 'page-break' };

/** Phụ lục (Mẫu 2.1/2.2): its own section, numbered from 1 again, landscape when tables are wide. */
export interface Appendix {
  /** Roman numeral: "I", "II". */
  numeral: string;
  /** Upper-cased by the writer. */
  title: string;
  landscape?: boolean;
  blocks: Block[];
}

export interface Decree30Document {
  header: ReportHeader;
  body: Block[];
  appendices?: Appendix[];
}

/** Small builders so report code reads like the document it makes. */
export const paragraph = (...runs: InlineRun[]): Block => ({ type: 'paragraph', runs });
export const heading = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, text });
export const bullets = (...items: string[]): Block => ({ type: 'bullets', items: items.map((i) => [i]) });
