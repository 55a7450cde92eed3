import type { CompletionRate } from '../../../../shared/contract/plan';
import { formatDateVi, formatPercentVi } from '../../../../shared/text/vi';

/** "95,83%", or "—" when nothing is due. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : formatPercentVi(rate);
}

/** "23/24 (95,83%)". */
export function doneText(c: Pick<CompletionRate, 'done' | 'due' | 'rate'>): string {
  return c.due === 0 ? '—' : `${c.done}/${c.due} (${rateText(c.rate)})`;
}

export function dateText(iso: string | null): string {
  return iso ? formatDateVi(iso) : '—';
}
