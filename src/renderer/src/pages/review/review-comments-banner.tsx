import { useCallback, useEffect, useState } from 'react';
import type { DossierVersionInfo, ReviewComment, SubjectKind } from '../../../../shared/contract/review';
import { formatDateTimeVi } from '../../../../shared/review-labels';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { ApprovedState } from './approved-state';

const t = vi.review;

/**
 * The leader's unresolved comments on one part of a dossier (an assessment item, a report
 * section), shown above it until the officer marks them resolved, or a notice that the dossier is
 * with the leader (edits are refused then), or that it is approved (read-only until a new version
 * is opened on purpose). Renders nothing otherwise.
 */
export function ReviewCommentsBanner({ subject, code, title }: { subject: { kind: SubjectKind; key: string }; code: string; title: string }) {
  const api = useApi();
  const { can } = useAuth();
  // Compared by value: the caller builds a new subject object on every render.
  const { kind, key } = subject;
  const [comments, setComments] = useState<ReviewComment[]>([]);
  const [locked, setLocked] = useState(false);
  const [approved, setApproved] = useState<DossierVersionInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.call('review/status', { kind, key });
    setComments(r.ok ? r.value.comments.filter((c) => !c.resolved && c.target === code) : []);
    setLocked(r.ok && r.value.current.status === 'submitted');
    setApproved(r.ok && r.value.current.status === 'approved' ? r.value.current : null);
  }, [api, kind, key, code]);

  useEffect(() => {
    void load();
  }, [load]);

  async function resolve(id: number) {
    setError(null);
    const r = await api.call('review/resolve-comment', { id });
    if (!r.ok) return setError(r.error.message);
    await load();
  }

  if (approved) return <ApprovedState subject={{ kind, key }} version={approved} onOpened={() => void load()} />;
  if (locked) {
    return (
      <p className="review-locked" role="status">
        {t.lockedNotice}
      </p>
    );
  }
  if (comments.length === 0) return null;
  return (
    <section className="review-banner" role="region" aria-label={title}>
      <h3>{title}</h3>
      {comments.map((c) => (
        <div key={c.id} className="review-banner-item">
          <p>{c.body}</p>
          <p className="muted small">{t.by(c.created.name, formatDateTimeVi(c.created.at))}</p>
          {can('review/resolve-comment') && (
            <button type="button" className="secondary" onClick={() => void resolve(c.id)}>
              {t.resolve}
            </button>
          )}
        </div>
      ))}
      <ErrorLine text={error} />
    </section>
  );
}
