import { vi } from '../../i18n/vi';

const t = vi.evidence.badge;

/**
 * The item list's evidence marker: how many files an item has, or a warning where the set asks
 * for evidence and none is linked (the officer then owes a written explanation).
 */
export function EvidenceBadge({ count, required }: { count: number; required: boolean }) {
  if (count > 0)
    return (
      <span className="ev-badge" title={t.countTitle(count)}>
        {t.count(count)}
      </span>
    );
  if (!required) return null;
  return (
    <span className="ev-badge missing" title={t.missingTitle}>
      {t.missing}
    </span>
  );
}
