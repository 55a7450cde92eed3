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

/** Bytes for people: "1,5 GB", "820 KB" (Vietnamese decimal comma). */
export function formatBytesVi(n: number): string {
  const fmt = (v: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(v);
  const GiB = 1024 ** 3;
  const MiB = 1024 ** 2;
  if (n >= GiB) return `${fmt(n / GiB)} GB`;
  if (n >= MiB) return `${fmt(n / MiB)} MB`;
  if (n >= 1024) return `${fmt(n / 1024)} KB`;
  return `${n} byte`;
}
