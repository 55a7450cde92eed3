import type { CheckKind, CheckResult, ReviewStatus } from '../../../../shared/contract/review';
import { vi } from '../../i18n/vi';

const t = vi.dashboard;

interface Props {
  check: CheckResult | null;
  review: ReviewStatus | null;
  onOpenItem(code: string): void;
  onOpenReview(): void;
}

/**
 * What needs doing now: what the leader returned (each comment still open, with its item), and
 * what the pre-send check finds missing, counted by kind.
 */
export function AttentionCard({ check, review, onOpenItem, onOpenReview }: Props) {
  const returned = review?.current.status === 'returned' ? review.comments.filter((c) => !c.resolved) : [];
  const counts = new Map<CheckKind, number>();
  for (const f of check?.findings ?? []) if (f.kind !== 'open-comments') counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return (
    <section className="panel dash-card" aria-labelledby="attention-title">
      <h2 id="attention-title">{t.attentionTitle}</h2>
      {returned.length > 0 && (
        <div className="returned" data-testid="dash-returned">
          <h3>{t.returned(returned.length)}</h3>
          <ul>
            {returned.map((c) => (
              <li key={c.id}>
                {c.target === '*' ? (
                  <strong>{c.targetTitle}</strong>
                ) : (
                  <button type="button" className="link" onClick={() => onOpenItem(c.target)}>
                    {c.target}
                  </button>
                )}
                : {c.body}
              </li>
            ))}
          </ul>
        </div>
      )}
      {counts.size === 0 && returned.length === 0 ? (
        <p className="ok-text">{t.nothingMissing}</p>
      ) : (
        <ul className="missing-counts" data-testid="dash-missing">
          {[...counts.entries()].map(([kind, n]) => (
            <li key={kind}>
              <strong>{n}</strong> {t.missing[kind]}
            </li>
          ))}
        </ul>
      )}
      <div>
        <button type="button" className="secondary" onClick={onOpenReview}>
          {t.openCheck}
        </button>
      </div>
    </section>
  );
}
