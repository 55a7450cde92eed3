import { z } from 'zod';
import { channel } from './define';
import { isIsoDate } from '../text/vi';
import { profileYearSchema } from './profile';
import { typedText } from './typed-text';

/**
 * Periodic CCHC reports (domain brief §3): the reporting periods of a year with their data
 * cut-off window and sending deadline, the report content the officer writes for a period
 * (outline sections + biểu số liệu), and the four generated documents.
 *
 * SECTION TEXT FORMAT (what the officer types, what `text` holds, what the .docx shows):
 * plain text; a blank line separates paragraphs; a line starting with "- " or "+ " is a bullet
 * item ("- " first level, "+ " second level, as Vietnamese reports write them); other consecutive
 * lines are joined into one paragraph, except that a line starting "a) ", "b) " … or "1. ", "2) " …
 * always starts its own paragraph. No other markup. Stored in NFC.
 */

/** q1 = Quý I, h1 = 6 tháng đầu năm, q3 = Quý III, 9m = 9 tháng (only where the province asks), year = Năm. */
export const REPORT_PERIOD_CODES = ['q1', 'h1', 'q3', '9m', 'year'] as const;
export type ReportPeriodCode = (typeof REPORT_PERIOD_CODES)[number];

/** How each period reads inside a sentence ("quý I năm 2026"); the UI capitalises it where it starts a label. */
export const REPORT_PERIOD_WORDS: Record<ReportPeriodCode, string> = { q1: 'quý I', h1: '6 tháng', q3: 'quý III', '9m': '9 tháng', year: 'năm' };

/** "quý I năm 2026", "năm 2026"; an unknown period code is shown as "kỳ <code> năm <year>". */
export function reportPeriodPhrase(period: string, year: number): string {
  if (period === 'year') return `năm ${year}`;
  const words = (REPORT_PERIOD_WORDS as Record<string, string>)[period];
  return words ? `${words} năm ${year}` : `kỳ ${period} năm ${year}`;
}

/** A periodic report as a review subject: "2026:q1" (the assessment's subject key is its year). */
export function reportSubjectKey(year: number, period: string): string {
  return `${year}:${period}`;
}

export const REPORT_STATUSES = ['draft', 'final'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportPeriodInfo {
  code: ReportPeriodCode;
  year: number;
  /** "Quý I", "6 tháng đầu năm", "Quý III", "9 tháng", "Năm". */
  name: string;
  /** As it reads in a title: "quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026". */
  title: string;
  /** A period the province may not ask for (9 tháng). */
  optional: boolean;
  /** Data cut-off window, ISO dates, inclusive: 2025-12-15 → 2026-03-14 for Quý I/2026. */
  cutoffFrom: string;
  cutoffTo: string;
  /** Last day to send the report, ISO date. */
  deadline: string;
  /** Days from today (Vietnam time, ctx.now()) to the deadline; 0 = today, negative = overdue. */
  daysLeft: number;
  /** Null while nothing has been written for the period. */
  status: ReportStatus | null;
  updatedAt: string | null;
  /** How the report was sent (number, date, channel), or null while not sent: then the countdown stops. */
  sent: ReportSending | null;
  /** The leader approved a version of this report (review domain). */
  approved: boolean;
}

/** Where a report went: the Trục liên thông văn bản quốc gia, BNV's report software, … */
export const REPORT_SEND_CHANNELS = ['truc-lien-thong', 'phan-mem-bnv', 'email', 'buu-chinh', 'truc-tiep', 'khac'] as const;
export type ReportSendChannel = (typeof REPORT_SEND_CHANNELS)[number];
export const REPORT_SEND_CHANNEL_LABELS: Record<ReportSendChannel, string> = {
  'truc-lien-thong': 'Trục liên thông văn bản quốc gia',
  'phan-mem-bnv': 'Phần mềm báo cáo CCHC của Bộ Nội vụ',
  email: 'Thư điện tử công vụ',
  'buu-chinh': 'Bưu chính',
  'truc-tiep': 'Gửi trực tiếp',
  khac: 'Khác',
};

export interface ReportSending {
  /** Số, ký hiệu of the report as sent: "125/BC-SNV". */
  number: string;
  /** ISO date. */
  sentDate: string;
  channel: ReportSendChannel;
  /** Sent no later than the period's deadline. */
  onTime: boolean;
  /** Days after the deadline (0 when on time). */
  daysLate: number;
}

/** The year's on-time record of periodic reports (feeds the criterion that scores it). */
export interface ReportSendingRecord {
  year: number;
  periods: { code: ReportPeriodCode; name: string; deadline: string; sent: ReportSending | null; approved: boolean; required: boolean }[];
  /** Required reports whose deadline has passed or that were sent. */
  due: number;
  onTime: number;
  /** onTime ÷ due × 100, or null when nothing was due yet. */
  rate: number | null;
}

/** A tài liệu kiểm chứng linked to a report section, as the section lists it. */
export interface ReportEvidenceRef {
  fileId: number;
  originalName: string;
  /** "47/KH-UBND" when known. */
  docNumber: string;
  /** ISO date or null. */
  issueDate: string | null;
  summary: string;
}

export interface ReportSection {
  /** Stable outline code: "chi-dao", "the-che", "tthc", … */
  code: string;
  /** Number as printed: "I", "II.1". */
  label: string;
  title: string;
  /** Title of the heading it sits under ("Kết quả thực hiện các nhiệm vụ CCHC"), or null. */
  parentTitle: string | null;
  /** What to write here, for the officer. */
  hint: string;
  /** See SECTION TEXT FORMAT above. */
  text: string;
  /** True when the text was carried from an earlier period and not edited since. */
  draft: boolean;
  /** Key under which evidence is linked to this section: `report:${year}:${period}:${code}`. */
  evidenceKey: string;
  evidence: ReportEvidenceRef[];
  updatedAt: string | null;
}

export interface ReportStatisticRow {
  code: string;
  /** Group heading the row sits under, when the list has groups. */
  group: string | null;
  label: string;
  unit: 'count' | 'percent';
  /** "hồ sơ", "văn bản", "%". */
  unitLabel: string;
  /** Entered value, or for a computed row the derived one (percent rows on the 0–100 scale). */
  value: number | null;
  /** Derived from other rows (sum or percentage); not editable. */
  computed: boolean;
  /** How it is derived, in words: "= (3) ÷ (1) × 100%". Empty for entered rows. */
  formulaText: string;
  /** A problem with the row as it stands (e.g. a percentage whose denominator is 0), else null. */
  message: string | null;
  /** Ghi chú printed with the row (where its number comes from). */
  note?: string;
}

export interface ReportView {
  year: number;
  period: ReportPeriodInfo;
  /** False until something has been saved for the period. */
  started: boolean;
  sections: ReportSection[];
  statistics: ReportStatisticRow[];
}

export interface StartFromPreviousResult {
  view: ReportView;
  /** The report the content came from. */
  from: { year: number; period: ReportPeriodCode; title: string };
  sectionsCarried: number;
  statisticsCarried: number;
}

export interface PrefillResult {
  view: ReportView;
  /** Codes of the sections that were empty and got text from the self-assessment. */
  filledSections: string[];
}

export const REPORT_DOCUMENT_KINDS = ['periodic-docx', 'self-assessment-docx', 'self-score-xlsx', 'statistics-xlsx'] as const;
export type ReportDocumentKind = (typeof REPORT_DOCUMENT_KINDS)[number];

export interface GeneratedDocument {
  /** Suggested file name in plain ASCII, portable on every file system: "Bao-cao-CCHC-quy-I-nam-2026-SNV.docx". */
  fileName: string;
  mime: string;
  /** The file itself, for the window to download; empty when the desktop saved it (savedPath). */
  base64: string;
  /**
   * With deliver 'save-and-open' on a desktop: where the officer saved it (then opened with the
   * system's viewer), or null when they cancelled the dialog. Absent when the file is in base64.
   */
  savedPath?: string | null;
  /** With savedPath: the id output/show-in-folder takes for «Mở thư mục». */
  savedId?: string;
}

/**
 * The report's own document options (table report_document_option): the date it carries and its
 * Nơi nhận, with what the .docx would print if generated now.
 */
export interface ReportDocumentOptions {
  /** Set by the officer (ISO), or null: the document is dated the day it is generated. */
  documentDate: string | null;
  /** The date the document carries if generated now (documentDate, else today in Vietnam). */
  effectiveDate: string;
  /** The last day whose data the report covers (the period's cutoffTo). */
  dataCutoff: string;
  /** Non-null when effectiveDate precedes dataCutoff: the report would be dated before its data ends. */
  dateWarning: string | null;
  /** Nơi nhận lines without "- " and ";", without the "Lưu" line: the officer's list or the default. */
  recipients: string[];
  /** True while the officer has not set a list of their own (the default follows the unit profile). */
  recipientsDefault: boolean;
  defaultRecipients: string[];
  /** Every Nơi nhận line exactly as the .docx prints it, "- Lưu: VT, VP." last. */
  printedRecipients: string[];
}

/** Nơi nhận lines the officer may list (besides "Lưu"), and the length of one. */
export const RECIPIENT_LINES_MAX = 15;
export const RECIPIENT_LINE_MAX = 200;

/** About 200 pages of text per section is far beyond any real report. */
export const SECTION_TEXT_MAX = 200_000;
/** Counts above this are typing mistakes, not statistics of one unit. */
export const STATISTIC_VALUE_MAX = 1_000_000_000;

const periodSchema = z.enum(REPORT_PERIOD_CODES);
const sectionCodeSchema = z.string().trim().min(1).max(60);
const periodInput = { year: profileYearSchema, period: periodSchema };

export const reportsChannels = {
  /** The year's periods (from the province's period data) with windows, deadlines and days left. */
  'reports/periods': channel<ReportPeriodInfo[]>()(z.strictObject({ year: profileYearSchema })),
  /** The report of a period; sections and rows are listed (empty) even before anything is saved. */
  'reports/get': channel<ReportView>()(z.strictObject(periodInput)),
  /** Autosave of one section's text; starts the report when it is the first thing saved. */
  'reports/save-section': channel<ReportSection>()(
    z.strictObject({ ...periodInput, code: sectionCodeSchema, text: typedText(z.string().max(SECTION_TEXT_MAX)) }),
  ),
  /**
   * Saves entered statistic values (null clears one). All or nothing: a negative count, a value on
   * a computed row, or a percentage whose numerator exceeds its denominator refuses the whole call
   * with a message naming the row. Returns every row recomputed.
   */
  'reports/save-statistics': channel<ReportStatisticRow[]>()(
    z.strictObject({
      ...periodInput,
      values: z
        .array(z.strictObject({ code: sectionCodeSchema, value: z.number().finite().min(-STATISTIC_VALUE_MAX).max(STATISTIC_VALUE_MAX).nullable() }))
        .min(1)
        .max(500),
    }),
  ),
  /**
   * Starts a period from the nearest earlier report: section text carried as a draft; numbers
   * cleared or carried. Refused when the period already has content.
   */
  'reports/start-from-previous': channel<StartFromPreviousResult>()(
    z.strictObject({ ...periodInput, numbers: z.enum(['clear', 'carry']) }),
  ),
  /**
   * Fills empty sections from the CCHC plan (Kế hoạch, khắc phục) and the period's biểu số liệu,
   * never from annual self-assessed scores; never overwrites text. (The name is kept for callers.)
   */
  'reports/prefill-from-assessment': channel<PrefillResult>()(z.strictObject(periodInput)),
  /** Records that the report was sent (number, date, channel); recorded again to correct it. */
  'reports/mark-sent': channel<ReportPeriodInfo>()(
    z.strictObject({
      ...periodInput,
      number: z.string().trim().min(1, 'Thiếu số, ký hiệu văn bản đã gửi.').max(60),
      sentDate: z.string().refine(isIsoDate, 'Ngày gửi phải là ngày có thật (yyyy-mm-dd).'),
      channel: z.enum(REPORT_SEND_CHANNELS),
    }),
  ),
  /** Removes a sending record entered by mistake (audited). */
  'reports/unmark-sent': channel<ReportPeriodInfo>()(z.strictObject(periodInput)),
  'reports/sending-record': channel<ReportSendingRecord>()(z.strictObject({ year: profileYearSchema })),
  /** One document as file bytes; period is needed for periodic-docx and statistics-xlsx only. */
  'reports/generate': channel<GeneratedDocument>()(
    z.strictObject({
      kind: z.enum(REPORT_DOCUMENT_KINDS),
      year: profileYearSchema,
      period: periodSchema.optional(),
      /** 'save-and-open': the desktop's save dialog, then the system viewer; falls back to the file in base64. */
      deliver: z.enum(['download', 'save-and-open']).optional(),
    }),
  ),
  /** The report's document date and Nơi nhận, with the printed lines and any warning about the date. */
  'reports/document-options': channel<ReportDocumentOptions>()(z.strictObject(periodInput)),
  /**
   * Sets the document date (null: the day of generating) and Nơi nhận (null: back to the default).
   * Lines may be typed as printed ("- Sở Nội vụ;"): the dash and the final ";" or "." are dropped.
   * The "Lưu: VT, …" line is not one of them: it comes from the unit profile's drafting unit.
   */
  'reports/save-document-options': channel<ReportDocumentOptions>()(
    z.strictObject({
      ...periodInput,
      documentDate: z.string().refine(isIsoDate, 'Ngày văn bản phải là ngày có thật (yyyy-mm-dd).').nullable(),
      recipients: z
        .array(typedText(z.string().max(RECIPIENT_LINE_MAX, `Mỗi dòng Nơi nhận tối đa ${RECIPIENT_LINE_MAX} ký tự.`)))
        .max(RECIPIENT_LINES_MAX + 5, `Nơi nhận tối đa ${RECIPIENT_LINES_MAX} dòng.`)
        .nullable(),
    }),
  ),
};
