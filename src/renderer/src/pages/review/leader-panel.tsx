import { useState } from 'react';
import type { ReviewTarget } from '../../../../shared/contract/review';
import { vi } from '../../i18n/vi';
import type { DraftComments } from './use-draft-comments';

const t = vi.review;

interface Props {
  targets: ReviewTarget[];
  /** The leader's unsent comments, kept in main: the same ones the item-by-item walk writes. */
  drafts: DraftComments;
  onReturn(comments: { target: string; body: string }[]): Promise<boolean>;
  onApprove(comment: string): Promise<boolean>;
}

/** The leader's side of a submitted dossier: comments per item (kept as drafts) then return, or approve. */
export function LeaderPanel({ targets, drafts, onReturn, onApprove }: Props) {
  const [target, setTarget] = useState(targets[0]?.code ?? '*');
  const [body, setBody] = useState('');
  const [approveComment, setApproveComment] = useState('');
  const titleOf = (code: string) => targets.find((x) => x.code === code)?.title ?? code;
  // In the order of the dossier, so the officer reads them as they walk it.
  const pending = targets.map((x) => ({ target: x.code, body: (drafts.texts[x.code] ?? '').trim() })).filter((c) => c.body);

  function add() {
    const text = body.trim();
    if (!text) return;
    const existing = (drafts.texts[target] ?? '').trim();
    drafts.set(target, existing ? `${existing}\n${text}` : text);
    void drafts.flush();
    setBody('');
  }

  async function sendBack() {
    await drafts.flush();
    if (await onReturn(pending)) await drafts.reload();
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
        <button type="button" className="secondary" onClick={add} disabled={!body.trim() || !drafts.ready}>
          {t.addComment}
        </button>
      </div>
      {pending.length > 0 && (
        <>
          <p className="small">{t.pendingComments(pending.length)}</p>
          <ul className="pending-comments" data-testid="pending-comments">
            {pending.map((c) => (
              <li key={c.target}>
                <strong>{c.target === '*' ? titleOf(c.target) : c.target}</strong>: {c.body}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    drafts.set(c.target, '');
                    void drafts.flush();
                  }}
                >
                  {t.removeComment}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {drafts.error && (
        <p className="error" role="alert">
          {drafts.error}
        </p>
      )}
      <div className="row">
        <button type="button" className="secondary" disabled={pending.length === 0} onClick={() => void sendBack()}>
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
