/**
 * Vietnamese text helpers shared by every process. Pure: no Node, no DOM.
 * Text is stored in NFC; search folds both sides so "ke hoach" finds "Kế hoạch".
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Normalise to NFC, the form every stored string uses. */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * The text without its marks, case kept: NFD, drop combining marks, map đ to d and Đ to D (đ has
 * no decomposition, so NFD alone leaves it). "Báo cáo Đợt I" → "Bao cao Dot I".
 */
export function stripVietnameseMarks(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Fold for diacritics-insensitive matching: the marks stripped (stripVietnameseMarks), lowercase. */
export function foldVietnamese(text: string): string {
  return stripVietnameseMarks(text).toLowerCase();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Sort order a Vietnamese reader expects (Đ after D, tones grouped with their base letter). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** 82.2222 → "82,22" (vi-VN: comma decimals, dot thousands). */
export function formatNumberVi(value: number, fractionDigits = 2): string {
  return new Intl.NumberFormat('vi-VN', {
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** Sizes in binary units as a file manager shows them: "750 byte", "820 KB", "1,5 GB". */
export function formatBytesVi(n: number): string {
  if (n < 1024) return `${n} byte`;
  if (n < 1024 ** 2) return `${formatNumberVi(n / 1024, 1)} KB`;
  if (n < 1024 ** 3) return `${formatNumberVi(n / 1024 ** 2, 1)} MB`;
  return `${formatNumberVi(n / 1024 ** 3, 1)} GB`;
}

/** Points keep two decimals exactly as official tables print them: 2,50. */
export function formatPointsVi(value: number): string {
  return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A percentage given on the 0–100 scale: 82.2222 → "82,22%". */
export function formatPercentVi(percent: number, fractionDigits = 2): string {
  return `${formatNumberVi(percent, fractionDigits)}%`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VI_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** "2026-01-05" → "05/01/2026". Dates are kept as ISO calendar strings with no time zone. */
export function formatDateVi(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return isoDate;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** "5/1/2026" or "05/01/2026" → "2026-01-05"; null when it is not a real calendar date. */
export function parseDateVi(text: string): string | null {
  const m = VI_DATE.exec(text.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (!isRealDate(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True when the string is an ISO calendar date that exists (no 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The date line of Decree 30/2020 (ô 4): days below 10 and the months 1 and 2 take a leading zero.
 * "2020-01-05" → "ngày 05 tháng 01 năm 2020"; "2026-11-22" → "ngày 22 tháng 11 năm 2026".
 */
export function formatDecreeDate(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`Ngày không hợp lệ: ${isoDate}`);
  const month = Number(m[2]);
  const monthText = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${m[3]} tháng ${monthText} năm ${m[1]}`;
}

/** Today's calendar date in Vietnam (UTC+7, no daylight saving), as ISO. */
export function todayInVietnam(now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + 7 * 3600_000);
  return shifted.toISOString().slice(0, 10);
}

/**
 * A stored instant in Vietnam time (UTC+7, no daylight saving): "2026-11-25T07:05:09Z" →
 * "25/11/2026 14:05", or "25/11/2026 14:05:09" with seconds. Text that is not an instant is
 * shown as it is.
 */
export function formatInstantVi(iso: string, options: { seconds?: boolean } = {}): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const s = new Date(t + 7 * 3600_000).toISOString();
  return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)} ${s.slice(11, options.seconds ? 19 : 16)}`;
}

/**
 * Reads a number typed the Vietnamese way ("85,5", "1.234,5") or the plain way ("85.5").
 * A comma is the decimal separator; dots before a comma are thousands separators. Null when it
 * is not a number.
 */
export function parseNumberVi(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!t) return null;
  let normalised = t;
  if (t.includes(',')) normalised = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) normalised = t.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

/**
 * A number as an input box shows it for editing: "1234,5" — comma decimals, no thousands dots, up
 * to four decimals, so the text reads back through parseNumberVi as the same value; null → "".
 */
export function numberInputTextVi(value: number | null): string {
  return value === null ? '' : formatNumberVi(value, 4).replace(/\./g, '');
}

/** First letter in upper case, the rest as written: "quý I năm 2026" → "Quý I năm 2026". */
export function capitaliseVi(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
