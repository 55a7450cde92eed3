import { useEffect, useState } from 'react';
import type { ReviewRound, SubjectKind } from '../../../../shared/contract/review';
import { formatDateTimeVi, VERSION_STATUS_LABELS } from '../../../../shared/review-labels';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';
import './item-review.css';

const t = vi.rounds;
const OUTCOME: Record<ReviewRound['outcome'], string> = {
  pending: t.pending,
  returned: VERSION_STATUS_LABELS.returned,
  approved: VERSION_STATUS_LABELS.approved,
};

/** Every time the dossier was sent, and what came back: the whole history, not only the last round. */
export function ReviewRounds({ subject, refreshKey }: { subject: { kind: SubjectKind; key: string }; refreshKey?: unknown }) {
  const api = useApi();
  const { kind, key } = subject;
  const [rounds, setRounds] = useState<ReviewRound[] | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('review/history', { kind, key }).then((r) => live && setRounds(r.ok ? r.value : []));
    return () => {
      live = false;
    };
  }, [api, kind, key, refreshKey]);

  if (!rounds) return null;
  if (rounds.length === 0) return <p className="muted">{t.none}</p>;
  return (
    <ol className="rounds" aria-label={t.title}>
      {[...rounds].reverse().map((r) => (
        <li key={`${r.versionNo}-${r.round}`} data-testid="review-round">
          <p>
            <strong>{t.round(r.versionNo, r.round)}</strong> — {OUTCOME[r.outcome]}
            {r.sameSubmitterAndDecider && r.outcome === 'approved' && <> <span className="same-person">{t.samePerson}</span></>}
          </p>
          <p className="small">{t.submitted(r.submitted.name, formatDateTimeVi(r.submitted.at))}</p>
          {r.note && <p className="small">{t.note(r.note)}</p>}
          {r.decided && <p className="small">{(r.outcome === 'approved' ? t.approved : t.returned)(r.decided.name, formatDateTimeVi(r.decided.at))}</p>}
          {r.decisionComment && <p className="small">{vi.review.decisionComment}: {r.decisionComment}</p>}
          {r.comments.length > 0 && (
            <ul className="small">
              {r.comments.map((c) => (
                <li key={c.id}>
                  <strong>{c.target === '*' ? c.targetTitle : c.target}</strong>: {c.body}
                  {c.resolved && <span className="ok-text"> ✓</span>}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
