import { useState } from 'react';
import type { ReviewComment } from '../../../../shared/contract/review';
import { formatDateTimeVi } from '../../../../shared/review-labels';
import { vi } from '../../i18n/vi';

const t = vi.review;

interface Props {
  comments: ReviewComment[];
  canResolve: boolean;
  onResolve(id: number, note: string): Promise<boolean>;
}

/** The leader's comments on the current version, unresolved first, each with its item. */
export function CommentList({ comments, canResolve, onResolve }: Props) {
  const [notes, setNotes] = useState<Record<number, string>>({});
  if (comments.length === 0) return <p className="muted">{t.noComments}</p>;
  return (
    <ul className="comment-list" aria-label={t.comments}>
      {comments.map((c) => (
        <li key={c.id} className={c.resolved ? 'comment resolved' : 'comment'}>
          <p>
            <strong>{c.target === '*' ? c.targetTitle : `${c.target}. ${c.targetTitle}`}</strong>
          </p>
          <p>{c.body}</p>
          <p className="muted small">{t.by(c.created.name, formatDateTimeVi(c.created.at))}</p>
          {c.resolved ? (
            <p className="ok-text small">
              {t.resolved(c.resolved.name, formatDateTimeVi(c.resolved.at))}
              {c.resolutionNote && ` — ${c.resolutionNote}`}
            </p>
          ) : (
            canResolve && (
              <div className="row">
                <label className="field grow">
                  <span>{t.resolveNote}</span>
                  <input value={notes[c.id] ?? ''} onChange={(e) => setNotes((n) => ({ ...n, [c.id]: e.target.value }))} maxLength={2000} />
                </label>
                <button type="button" className="secondary" onClick={() => void onResolve(c.id, notes[c.id] ?? '')}>
                  {t.resolve}
                </button>
              </div>
            )
          )}
        </li>
      ))}
    </ul>
  );
}
