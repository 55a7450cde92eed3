import type { EvidenceMeta, EvidenceMetaSuggestions, SuggestionSource } from '../../../shared/contract/evidence';
import { capitaliseVi, parseDateVi } from '../../../shared/text/vi';
import { splitExtension } from './safe-name';
import { foldAligned } from './fold';

/**
 * Reads document metadata from what a file carries: its name ("QD 123-QD-UBND 2024.pdf",
 * "Kế hoạch số 47/KH-UBND ngày 11/01/2022") and the first page of its text (the Decree-30
 * header: "Số: 47/KH-UBND", "…, ngày 11 tháng 01 năm 2022", the type in capitals, the trích yếu).
 * Everything found is a suggestion the officer confirms; nothing here is saved.
 *
 * Matching runs on the folded text (no marks, lower case) and values are cut from the original
 * at the same positions (foldAligned keeps positions), so "Quyet dinh" and "Quyết định" match alike
 * and the suggestion keeps the officer's diacritics.
 */

interface DocTypeRule {
  type: string;
  /** Folded phrase. */
  phrase: string;
  /** Folded abbreviations as used in ký hiệu (Decree 30, Phụ lục III) and in file names. */
  abbreviations: string[];
}

const DOC_TYPE_RULES: DocTypeRule[] = [
  { type: 'Kế hoạch', phrase: 'ke hoach', abbreviations: ['kh'] },
  { type: 'Quyết định', phrase: 'quyet dinh', abbreviations: ['qd'] },
  { type: 'Báo cáo', phrase: 'bao cao', abbreviations: ['bc'] },
  { type: 'Công văn', phrase: 'cong van', abbreviations: ['cv'] },
  { type: 'Thông báo', phrase: 'thong bao', abbreviations: ['tb'] },
  { type: 'Nghị quyết', phrase: 'nghi quyet', abbreviations: ['nq'] },
  { type: 'Chỉ thị', phrase: 'chi thi', abbreviations: ['ct'] },
  { type: 'Tờ trình', phrase: 'to trinh', abbreviations: ['ttr'] },
  { type: 'Hướng dẫn', phrase: 'huong dan', abbreviations: ['hd'] },
  { type: 'Chương trình', phrase: 'chuong trinh', abbreviations: ['ctr'] },
  { type: 'Quy chế', phrase: 'quy che', abbreviations: ['qc'] },
  { type: 'Quy định', phrase: 'quy dinh', abbreviations: ['qyd'] },
  { type: 'Đề án', phrase: 'de an', abbreviations: [] },
  { type: 'Phương án', phrase: 'phuong an', abbreviations: ['pa'] },
  { type: 'Biên bản', phrase: 'bien ban', abbreviations: ['bb'] },
  { type: 'Giấy mời', phrase: 'giay moi', abbreviations: ['gm'] },
  { type: 'Công điện', phrase: 'cong dien', abbreviations: ['cd'] },
  { type: 'Thông tư', phrase: 'thong tu', abbreviations: ['tt'] },
  { type: 'Nghị định', phrase: 'nghi dinh', abbreviations: ['nd'] },
];

const TYPE_BY_ABBREVIATION = new Map(DOC_TYPE_RULES.flatMap((r) => r.abbreviations.map((a) => [a, r.type] as const)));
/** Each type phrase as a whole-word pattern in folded text (its space may be written "_" or "-"); built once. */
const TYPE_PHRASES = DOC_TYPE_RULES.map((rule) => ({
  type: rule.type,
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])${rule.phrase.replace(' ', String.raw`[\s_-]+`)}(?![\p{L}\p{N}])`, 'u'),
}));

/** Official spellings of ký hiệu parts that file names write without đ or in one case. */
const SYMBOL_SPELLING: Record<string, string> = {
  QD: 'QĐ',
  QYD: 'QyĐ',
  TTR: 'TTr',
  CTR: 'CTr',
  TRS: 'TrS',
  ND: 'NĐ',
  HDND: 'HĐND',
  BCD: 'BCĐ',
  DA: 'ĐA',
};

export interface DocReference {
  number: string;
  symbol: string;
  type: string | null;
  issuer: string;
  index: number;
  /** Just after the last part of the ký hiệu. */
  end: number;
}

// Number, optional year (QPPL: 15/2023/NQ-HĐND), then a ký hiệu of at least two parts. Names
// cannot hold "/", so "-", "_", "." and spaces stand in for it there.
const SEGMENT = String.raw`[\p{L}][\p{L}\d]{0,11}`;
const REFERENCE = new RegExp(
  String.raw`(?<![\p{L}\p{N}/])(\d{1,5})(?:\s*[/_.\s-]\s*((?:19|20)\d{2}))?\s*(?:[/_.-]|\s)\s*(${SEGMENT}(?:\s?[-_]\s?${SEGMENT})+)`,
  'gu',
);

function isSymbolSegment(segment: string, anyCase: boolean): boolean {
  if (!/\p{L}/u.test(segment)) return false;
  if (/^[\p{Lu}\d]+$/u.test(segment) || /^(TTr|CTr|QyĐ|TrS)$/u.test(segment)) return true;
  return anyCase && segment.length <= 6 && /^[\p{L}\d]+$/u.test(segment);
}

function spellSegment(segment: string): string {
  const upper = segment.toUpperCase();
  return SYMBOL_SPELLING[foldAligned(upper).toUpperCase()] ?? (/^(TTr|CTr|QyĐ|TrS)$/u.test(segment) ? segment : upper);
}

/** Every "số/ký hiệu" in the text, in order. */
export function findReferences(text: string): DocReference[] {
  const found: DocReference[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    // Segments and separators alternate: [seg, sep, seg, …].
    const pieces = m[3]!.split(/(\s?[-_]\s?)/u);
    const parts: string[] = [];
    let symbolLength = 0;
    const typed = TYPE_BY_ABBREVIATION.has(foldAligned(pieces[0]!));
    for (let i = 0; i < pieces.length; i += 2) {
      // "47-kh-ubnd" is accepted in lower case when it starts with a type abbreviation; a third
      // part must be joined by "-" ("KH-SNV_CCHC nam 2022" ends the ký hiệu at the underscore).
      if (!isSymbolSegment(pieces[i]!, typed)) break;
      if (i >= 4 && pieces[i - 1]!.trim() !== '-') break;
      parts.push(spellSegment(pieces[i]!));
      symbolLength += (i > 0 ? pieces[i - 1]!.length : 0) + pieces[i]!.length;
    }
    if (parts.length < 2) continue;
    const end = m.index + m[0].length - m[3]!.length + symbolLength;
    const firstFolded = foldAligned(parts[0]!);
    const typeFromSymbol = TYPE_BY_ABBREVIATION.get(firstFolded) ?? null;
    // Văn bản có tên loại: TYPE-ISSUER; công văn: ISSUER-UNIT (no type abbreviation).
    const type = typeFromSymbol ?? 'Công văn';
    const issuer = typeFromSymbol ? parts[1]! : parts[0]!;
    const number = m[2] ? `${m[1]}/${m[2]}` : m[1]!;
    found.push({ number, symbol: parts.join('-'), type, issuer, index: m.index, end });
  }
  return found;
}

export interface FoundDate {
  iso: string;
  index: number;
  /** Written as "…, ngày …" (the date line of the header) rather than inside a sentence. */
  headerLine: boolean;
}

/** Dates written dd/mm/yyyy (also with - . _), "ngày 11 tháng 01 năm 2022", yyyy-mm-dd or yyyymmdd. */
export function findDates(text: string): FoundDate[] {
  const folded = foldAligned(text);
  const dates: FoundDate[] = [];
  const push = (day: string, month: string, year: string, index: number) => {
    const iso = parseDateVi(`${day}/${month}/${year}`);
    if (!iso) return;
    const before = folded.slice(Math.max(0, index - 12), index);
    dates.push({ iso, index, headerLine: /,\s*ngay\s*$/.test(before) || /,\s*$/.test(before) });
  };
  for (const m of folded.matchAll(/ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/g)) push(m[1]!, m[2]!, m[3]!, m.index);
  for (const m of folded.matchAll(/(?<![\d/])(\d{1,2})([/.\-_])(\d{1,2})\2((?:19|20)\d{2})(?![\d/])/g)) {
    const before = folded.slice(Math.max(0, m.index - 6), m.index);
    push(m[1]!, m[3]!, m[4]!, /ngay\s*$/.test(before) ? m.index - before.length + before.search(/ngay\s*$/) : m.index);
  }
  for (const m of folded.matchAll(/(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)/g)) push(m[3]!, m[2]!, m[1]!, m.index);
  for (const m of folded.matchAll(/(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/g)) push(m[3]!, m[2]!, m[1]!, m.index);
  return dates.sort((a, b) => a.index - b.index);
}

const ROMAN_QUARTER: Record<string, string> = { i: 'I', ii: 'II', iii: 'III', iv: 'IV', '1': 'I', '2': 'II', '3': 'III', '4': 'IV' };

/** The period a document counts for: "6 tháng đầu năm 2024", "Quý I/2024", "9 tháng năm 2024", "2024". */
export function findPeriod(text: string, allowBareYear: boolean): string | null {
  const folded = foldAligned(text).replace(/_/g, ' ');
  let m = /\b6 thang (dau|cuoi) nam ((?:19|20)\d{2})\b/.exec(folded);
  if (m) return `6 tháng ${m[1] === 'dau' ? 'đầu' : 'cuối'} năm ${m[2]}`;
  m = /\b9 thang (?:dau )?nam ((?:19|20)\d{2})\b/.exec(folded);
  if (m) return `9 tháng năm ${m[1]}`;
  m = /\bquy (iv|iii|ii|i|[1-4])(?: nam |\s*\/\s*|\s+)((?:19|20)\d{2})\b/.exec(folded);
  if (m) return `Quý ${ROMAN_QUARTER[m[1]!]}/${m[2]}`;
  // "năm 2024", but not the year of a date ("tháng 01 năm 2022").
  for (const y of folded.matchAll(/\bnam ((?:19|20)\d{2})\b/g)) {
    if (!/thang\s+\d{1,2}\s+$/.test(folded.slice(Math.max(0, y.index - 12), y.index))) return y[1]!;
  }
  if (allowBareYear) {
    // A year standing alone in a file name ("KH CCHC 2024"), not part of a date or a number.
    const bare = /(?<![\d/.-])((?:19|20)\d{2})(?![\d/.-]*\d)/.exec(folded);
    if (bare) return bare[1]!;
  }
  return null;
}

/** The first type phrase; for a name (`original` given) also a type abbreviation standing as a word. */
function typeFromWords(folded: string, original?: string): { type: string; index: number; end: number } | null {
  let best: { type: string; index: number; end: number } | null = null;
  for (const { type, pattern } of TYPE_PHRASES) {
    const m = pattern.exec(folded);
    if (m && (!best || m.index < best.index)) best = { type, index: m.index, end: m.index + m[0].length };
  }
  if (original !== undefined) {
    // An abbreviation written as a word of its own: first in the name ("QD 123…", "kh_47"), or
    // anywhere in capitals ("20220111_KH_CCHC").
    const lead = /^\s*([a-z]{2,3})(?=[\s_.\-\d]|$)/.exec(folded);
    const leadType = lead ? TYPE_BY_ABBREVIATION.get(lead[1]!) : undefined;
    if (leadType && lead && (!best || best.index > 0)) return { type: leadType, index: lead.index, end: lead[0].length };
    if (!best) {
      for (const m of original.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}{2,3})(?![\p{L}\p{N}])/gu)) {
        const type = TYPE_BY_ABBREVIATION.get(foldAligned(m[1]!));
        if (type) return { type, index: m.index, end: m.index + m[0].length };
      }
    }
  }
  return best;
}

type Draft = Partial<EvidenceMeta>;

/** From a file name: type, number/symbol, issuer, date, period, and what is left as the trích yếu. */
export function recogniseFromName(fileName: string): Draft {
  // Look-alike slashes some people type into names, which cannot hold "/".
  const nfc = fileName.normalize('NFC').replace(/[∕／⁄]/g, '/');
  const [base] = splitExtension(nfc);
  const folded = foldAligned(base);
  const draft: Draft = {};
  // Spans already explained (type word, number, date); what remains may be the trích yếu.
  const used: [number, number][] = [];

  const reference = findReferences(base)[0];
  if (reference) {
    draft.docNumber = reference.number;
    draft.docSymbol = reference.symbol;
    draft.issuer = reference.issuer;
    used.push([reference.index, reference.end]);
  }
  const words = typeFromWords(folded, base);
  if (words) used.push([words.index, words.end]);
  draft.docType = words?.type ?? reference?.type ?? undefined;
  if (reference?.type && TYPE_BY_ABBREVIATION.has(foldAligned(reference.symbol.split('-')[0]!)) && (!words || words.index > 0)) {
    draft.docType = reference.type;
  }

  const date = findDates(base)[0];
  if (date) {
    draft.issueDate = date.iso;
    const dm = /^(?:ngay[\s_-]*)?[\d/._\-\s]*(?:thang[\s_]+\d{1,2}[\s_]+nam[\s_]+\d{4})?/.exec(folded.slice(date.index));
    used.push([date.index, date.index + (dm?.[0].length ?? 0)]);
  }
  const period = findPeriod(base, true);
  if (period) draft.period = period;

  const summary = leftoverSummary(base, used);
  if (summary) draft.summary = summary;
  if (!draft.docType) delete draft.docType;
  return draft;
}

/** Joins what the recognised spans leave of a name into a trích yếu, if it says anything. */
function leftoverSummary(base: string, used: [number, number][]): string | null {
  let rest = '';
  let at = 0;
  for (const [start, end] of [...used].sort((a, b) => a[0] - b[0])) {
    if (start > at) rest += base.slice(at, start) + ' ';
    at = Math.max(at, end);
  }
  rest += base.slice(at);
  const cleaned = rest
    .replace(/[_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-.,;:]+|[\s\-.,;:]+$/g, '')
    .replace(/^(?:(?:số|so|ngày|ngay|về việc|ve viec|v\/v|về|ve)\b[\s.:-]*)+/iu, '')
    .replace(/\s(?:số|so|ngày|ngay)$/iu, '')
    .trim();
  const letters = cleaned.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 4 || !/\s/.test(cleaned)) return null;
  return capitaliseVi(cleaned).slice(0, 300);
}

const HEADER_NOISE = /cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc/g;
const ISSUER_START = /^(uy ban nhan dan|ubnd|hoi dong nhan dan|so |bo |ban |van phong|phong |truong |trung tam|cuc |chi cuc|tinh uy|huyen uy|thanh uy|dang uy|thanh tra)/;

/** From the first page: the Decree-30 header and the lines under the type name. */
export function recogniseFromText(firstPage: string): Draft {
  const text = firstPage.normalize('NFC').slice(0, 5000);
  const draft: Draft = {};
  const folded = foldAligned(text);

  const references = findReferences(text);
  const headerRef = references.find((r) => /so\s*:?\s*$/.test(folded.slice(Math.max(0, r.index - 8), r.index))) ?? references[0];
  if (headerRef) {
    draft.docNumber = headerRef.number;
    draft.docSymbol = headerRef.symbol;
    draft.issuer = headerRef.issuer;
  }
  const dates = findDates(text);
  const date = dates.find((d) => d.headerLine) ?? dates[0];
  if (date) draft.issueDate = date.iso;

  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const foldedLines = lines.map((l) => foldAligned(l));
  // The type name stands alone in capitals under the header: "KẾ HOẠCH", "QUYẾT ĐỊNH".
  let typeLine = -1;
  for (const [i, line] of lines.entries()) {
    if (!line || line !== line.toUpperCase() || !/\p{L}/u.test(line)) continue;
    const rule = DOC_TYPE_RULES.find((r) => foldedLines[i]!.replace(/\s+/g, ' ') === r.phrase);
    if (rule) {
      draft.docType = rule.type;
      typeLine = i;
      break;
    }
  }
  if (!draft.docType && headerRef?.type) draft.docType = headerRef.type;

  const summaryLines: string[] = [];
  const vv = foldedLines.findIndex((l) => /^v\/v\b/.test(l));
  const start = typeLine >= 0 ? typeLine + 1 : vv;
  if (start >= 0) {
    for (let i = start; i < lines.length && summaryLines.length < 3; i++) {
      const line = lines[i]!;
      if (!line) {
        if (summaryLines.length) break;
        continue;
      }
      if (/^(can cu|thuc hien|kinh gui|xet de nghi|theo de nghi|[-_*]{3,})/.test(foldedLines[i]!)) break;
      if (/(^|,\s*)ngay\s+\d{1,2}\s+thang\b/.test(foldedLines[i]!)) break; // the date line
      summaryLines.push(i === vv ? line.replace(/^V\/v[\s:.]*/i, '') : line);
    }
  }
  const summary = summaryLines.join(' ').replace(/\s+/g, ' ').trim();
  if (summary) draft.summary = capitaliseVi(summary).slice(0, 300);

  // The issuing body is the last body line of the header's left column (after the parent body).
  const issuerLines: string[] = [];
  for (const [i, line] of lines.slice(0, 12).entries()) {
    const clean = foldedLines[i]!.replace(HEADER_NOISE, '').trim();
    if (!clean) continue;
    if (/^so\s*:/.test(clean) || (typeLine >= 0 && i >= typeLine)) break;
    if (ISSUER_START.test(clean)) {
      const start = foldedLines[i]!.indexOf(clean);
      issuerLines.push(line.slice(start, start + clean.length).trim());
    }
  }
  if (issuerLines.length) draft.issuer = issuerLines[issuerLines.length - 1]!;

  const period = findPeriod(summary || text.slice(0, 1500), false);
  if (period) draft.period = period;
  return draft;
}

/**
 * Suggestions from the name and the first page. The page wins where both say something (it is
 * the document itself); the name fills the gaps.
 */
export function recogniseMetadata(fileName: string, firstPage: string): EvidenceMetaSuggestions {
  const sources: [SuggestionSource, Draft][] = [
    ['text', firstPage.trim() ? recogniseFromText(firstPage) : {}],
    ['name', recogniseFromName(fileName)],
  ];
  const out: EvidenceMetaSuggestions = {};
  const fields = ['docType', 'docNumber', 'docSymbol', 'issueDate', 'issuer', 'summary', 'period'] as const;
  for (const field of fields) {
    for (const [from, draft] of sources) {
      const value = draft[field];
      if (value) {
        (out as Record<string, { value: string; from: SuggestionSource }>)[field] = { value, from };
        break;
      }
    }
  }
  return out;
}
