import { useState } from 'react';
import type { ReviewTarget } from '../../../../shared/contract/review';
import { vi } from '../../i18n/vi';

const t = vi.review;

interface Props {
  targets: ReviewTarget[];
  onReturn(comments: { target: string; body: string }[]): Promise<boolean>;
  onApprove(comment: string): Promise<boolean>;
}

/** The leader's side of a submitted dossier: comments per item then return, or approve. */
export function LeaderPanel({ targets, onReturn, onApprove }: Props) {
  const [target, setTarget] = useState(targets[0]?.code ?? '*');
  const [body, setBody] = useState('');
  const [pending, setPending] = useState<{ target: string; body: string }[]>([]);
  const [approveComment, setApproveComment] = useState('');
  const titleOf = (code: string) => targets.find((x) => x.code === code)?.title ?? code;

  function add() {
    if (!body.trim()) return;
    setPending((p) => [...p, { target, body: body.trim() }]);
    setBody('');
  }

  return (
    <div className="panel leader-panel" aria-label={t.leaderTitle} role="region">
      <h2>{t.leaderTitle}</h2>
      <div className="row">
        <label className="field">
          <span>{t.target}</span>
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            {targets.map((x) => (
              <option key={x.code} value={x.code}>
                {x.code === '*' ? x.title : `${x.code}. ${x.title.length > 70 ? `${x.title.slice(0, 70)}…` : x.title}`}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>{t.commentBody}</span>
          <textarea rows={2} value={body} onChange={(e) => setBody(e.target.value)} maxLength={4000} />
        </label>
        <button type="button" className="secondary" onClick={add} disabled={!body.trim()}>
          {t.addComment}
        </button>
      </div>
      {pending.length > 0 && (
        <>
          <p className="small">{t.pendingComments(pending.length)}</p>
          <ul className="pending-comments">
            {pending.map((c, i) => (
              <li key={i}>
                <strong>{c.target === '*' ? titleOf(c.target) : c.target}</strong>: {c.body}{' '}
                <button type="button" className="link" onClick={() => setPending((p) => p.filter((_, j) => j !== i))}>
                  {t.removeComment}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="row">
        <button type="button" className="secondary" disabled={pending.length === 0} onClick={() => void onReturn(pending).then((okay) => okay && setPending([]))}>
          {t.returnButton}
        </button>
      </div>
      <div className="row">
        <label className="field grow">
          <span>{t.approveComment}</span>
          <textarea rows={2} value={approveComment} onChange={(e) => setApproveComment(e.target.value)} maxLength={4000} />
        </label>
        <button type="button" className="primary" disabled={pending.length > 0} onClick={() => void onApprove(approveComment).then((okay) => okay && setApproveComment(''))}>
          {t.approveButton}
        </button>
      </div>
    </div>
  );
}
