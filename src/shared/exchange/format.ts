import { formatDateVi, todayInVietnam } from '../text/vi';

/** "2026-11-25T07:05:00Z" → "25/11/2026 14:05" in Vietnam time (UTC+7, no daylight saving). */
export function formatTimestampVi(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const shifted = new Date(t + 7 * 3600_000);
  const hh = String(shifted.getUTCHours()).padStart(2, '0');
  const mm = String(shifted.getUTCMinutes()).padStart(2, '0');
  return `${formatDateVi(todayInVietnam(new Date(t)))} ${hh}:${mm}`;
}

// Sizes are formatted with the other Vietnamese number helpers; exchange code imports them from here too.
export { formatBytesVi } from '../text/vi';
