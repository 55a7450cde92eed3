import { formatInstantVi } from '../text/vi';

/** "2026-11-25T07:05:00Z" → "25/11/2026 14:05" in Vietnam time: when a backup or package was made. */
export function formatTimestampVi(iso: string): string {
  return formatInstantVi(iso);
}

// Sizes are formatted with the other Vietnamese number helpers; exchange code imports them from here too.
export { formatBytesVi } from '../text/vi';
