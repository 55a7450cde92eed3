import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AssessmentView } from '../../../../shared/contract/assessment';
import type { ReviewComment, ReviewRound } from '../../../../shared/contract/review';
import { answerText } from '../../../../shared/criteria/answer-text';
import { ITEM_STATUS_LABELS } from '../../../../shared/criteria/format';
import { selfScoredLeaves } from '../../../../shared/criteria/tree';
import { formatDateTimeVi } from '../../../../shared/review-labels';
import { formatPointsVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { ReviewEvidence } from './review-evidence';
import type { DraftComments } from './use-draft-comments';
import './item-review.css';

const t = vi.itemReview;

type Filter = 'all' | 'commented' | 'no-evidence' | 'changed' | 'below-max';
const FILTERS: Filter[] = ['all', 'commented', 'no-evidence', 'changed', 'below-max'];

interface Props {
  view: AssessmentView;
  /** The leader's unsent comments; null where no comment may be written (read-only walk). */
  drafts: DraftComments | null;
  /** The item to open first. */
  initialCode?: string;
  /** Reports the item on screen (remembered across reloads by the caller). */
  onItemChange?(code: string): void;
}

/**
 * The dossier item by item, read-only: the officer's answer, the points and how the rule gave
 * them, the thuyết minh, the linked evidence with a preview, last year's answer, and — for a
 * leader reviewing a submitted version — a comment box beside it, kept as a draft until sent.
 * The same navigation as the officer's walk: domains on the left, previous/next, Alt+←/→.
 */
export function ItemReview({ view, drafts, initialCode, onItemChange }: Props) {
  const api = useApi();
  const year = view.year;
  const leaves = useMemo(() => selfScoredLeaves(view.set), [view.set]);
  const [filter, setFilter] = useState<Filter>('all');
  const [code, setCode] = useState(() => (initialCode && leaves.some((l) => l.item.code === initialCode) ? initialCode : (leaves[0]?.item.code ?? '')));
  const [rounds, setRounds] = useState<ReviewRound[]>([]);
  const [previous, setPrevious] = useState<AssessmentView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const [history, before] = await Promise.all([
        api.call('review/history', { kind: 'assessment', key: String(year) }),
        api.call('assessment/get', { year: year - 1 }),
      ]);
      if (!live) return;
      if (history.ok) setRounds(history.value);
      else setError(history.error.message);
      if (before.ok) setPrevious(before.value);
    })();
    return () => {
      live = false;
    };
  }, [api, year]);

  // "Changed since the last round": saved after the leader last decided (returned or approved).
  const lastDecision = useMemo(() => rounds.reduce<string | null>((at, r) => (r.decided && (!at || r.decided.at > at) ? r.decided.at : at), null), [rounds]);
  const pastComments = useMemo(() => {
    const byItem = new Map<string, { round: ReviewRound; comment: ReviewComment }[]>();
    for (const round of rounds) for (const comment of round.comments) byItem.set(comment.target, [...(byItem.get(comment.target) ?? []), { round, comment }]);
    return byItem;
  }, [rounds]);

  const matches = useCallback(
    (f: Filter, itemCode: string): boolean => {
      const leaf = leaves.find((l) => l.item.code === itemCode)!;
      const score = view.score.items[itemCode];
      switch (f) {
        case 'all':
          return true;
        case 'commented':
          return !!drafts?.texts[itemCode]?.trim() || pastComments.has(itemCode);
        case 'no-evidence':
          return !!leaf.item.evidenceRequired && (view.evidenceCounts[itemCode] ?? 0) === 0;
        case 'changed': {
          const at = view.entries[itemCode]?.updatedAt;
          return !!lastDecision && !!at && at > lastDecision;
        }
        case 'below-max':
          return !!score && score.effectiveMax > 0 && score.points < score.effectiveMax;
      }
    },
    [leaves, view, drafts?.texts, pastComments, lastDecision],
  );

  const shown = useMemo(() => leaves.filter((l) => matches(filter, l.item.code)), [leaves, filter, matches]);
  const index = shown.findIndex((l) => l.item.code === code);
  const current = leaves.find((l) => l.item.code === code);

  const open = useCallback(
    (next: string) => {
      setCode(next);
      onItemChange?.(next);
    },
    [onItemChange],
  );
  const go = useCallback(
    (delta: number) => {
      const next = shown[(index < 0 ? -1 : index) + delta] ?? (index < 0 ? shown[0] : undefined);
      if (next) open(next.item.code);
    },
    [shown, index, open],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
      e.preventDefault();
      go(e.key === 'ArrowRight' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const domainTitle = (domainCode: string) => view.set.domains.find((d) => d.code === domainCode)?.title ?? '';

  return (
    <div className="item-review">
      <ErrorLine text={error} />
      <div className={drafts ? 'review-walk with-comments' : 'review-walk'}>
        <nav className="domain-list" aria-label={t.nav}>
          <label className="field">
            <span>{t.filter}</span>
            <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
              {FILTERS.map((f) => (
                <option key={f} value={f}>
                  {t.filters[f]} ({leaves.filter((l) => matches(f, l.item.code)).length})
                </option>
              ))}
            </select>
          </label>
          {shown.length === 0 && <p className="muted small">{t.noneInFilter}</p>}
          {view.score.domains.map((d) => {
            const items = shown.filter((l) => l.domainCode === d.code);
            if (items.length === 0) return null;
            return (
              <details key={d.code} open>
                <summary>
                  <span className="code">{d.code}</span> {d.title}
                  <span className="domain-meta">
                    {formatPointsVi(d.points)}/{formatPointsVi(d.max)}
                  </span>
                </summary>
                <ul>
                  {items.map((l) => (
                    <li key={l.item.code}>
                      <button
                        type="button"
                        className={l.item.code === code ? 'item-link active' : 'item-link'}
                        aria-current={l.item.code === code ? 'true' : undefined}
                        onClick={() => open(l.item.code)}
                      >
                        <span className="code">{l.item.code}</span> {l.item.title}
                        {drafts?.texts[l.item.code]?.trim() && <span className="tag draft-tag">{t.draftTag}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            );
          })}
        </nav>

        {current ? (
          <article className="item-editor review-item" aria-labelledby="review-item-title">
            <p className="crumb">{domainTitle(current.domainCode)}</p>
            <h2 id="review-item-title">
              <span className="code">{current.item.code}</span> {current.item.title}
            </h2>
            <p className="meta">
              {vi.assessment.item.maxPoints}: <strong>{formatPointsVi(current.item.maxPoints)}</strong>
              {index >= 0 && <> · {vi.assessment.item.position(index + 1, shown.length)}</>}
            </p>
            <ItemFacts view={view} code={current.item.code} previous={previous} />
            <section>
              <h3>{t.evidence}</h3>
              {current.item.evidenceRequired && <p className="small muted">{t.evidenceRequired(current.item.evidenceRequired)}</p>}
              <ReviewEvidence year={year} code={current.item.code} />
            </section>
            <div className="row between">
              <span className="muted small">{t.keyboardHint}</span>
              <div className="row">
                <button type="button" className="secondary" onClick={() => go(-1)} disabled={index <= 0}>
                  {vi.assessment.item.previous}
                </button>
                <button type="button" className="primary" onClick={() => go(1)} disabled={index >= shown.length - 1}>
                  {vi.assessment.item.next}
                </button>
              </div>
            </div>
          </article>
        ) : (
          <p>{vi.assessment.noItems}</p>
        )}

        {drafts && current && (
          <aside className="review-comment-box panel" aria-label={t.commentPanel}>
            <CommentBox drafts={drafts} code={current.item.code} />
            <PastComments entries={pastComments.get(current.item.code) ?? []} />
          </aside>
        )}
      </div>
      {!drafts && current && (pastComments.get(current.item.code)?.length ?? 0) > 0 && (
        <div className="panel">
          <PastComments entries={pastComments.get(current.item.code) ?? []} />
        </div>
      )}
    </div>
  );
}

/** Answer, points and the rule's reasoning, thuyết minh, and last year's answer side by side. */
function ItemFacts({ view, code, previous }: { view: AssessmentView; code: string; previous: AssessmentView | null }) {
  const leaf = selfScoredLeaves(view.set).find((l) => l.item.code === code)!;
  const entry = view.entries[code];
  const score = view.score.items[code];
  const before = previous ? selfScoredLeaves(previous.set).find((l) => l.item.code === code) : undefined;
  const beforeEntry = previous?.entries[code];
  const beforeScore = previous?.score.items[code];
  return (
    <dl className="facts review-facts">
      <dt>{t.answer}</dt>
      <dd data-testid="review-answer">{answerText(leaf.item, entry?.answer ?? null)}</dd>
      <dt>{t.points}</dt>
      <dd data-testid="review-points">
        <strong>
          {formatPointsVi(score?.points ?? 0)} / {formatPointsVi(score?.effectiveMax ?? leaf.item.maxPoints)}
        </strong>
        {score?.ruleExplanation && <span className="muted"> — {score.ruleExplanation}</span>}
      </dd>
      <dt>{t.explanation}</dt>
      <dd className="value-cell" data-testid="review-explanation">
        {entry?.explanation.trim() ? entry.explanation : <span className="muted">{t.noExplanation}</span>}
      </dd>
      <dt>{t.status}</dt>
      <dd>
        {ITEM_STATUS_LABELS[entry?.status ?? 'chua-lam']}
        {entry?.updatedAt && <span className="muted small"> · {t.updated(formatDateTimeVi(entry.updatedAt))}</span>}
      </dd>
      <dt>{t.previousYear(view.year - 1)}</dt>
      <dd data-testid="review-previous">
        {previous && before ? (
          <>
            {answerText(before.item, beforeEntry?.answer ?? null)} — {formatPointsVi(beforeScore?.points ?? 0)} / {formatPointsVi(beforeScore?.effectiveMax ?? before.item.maxPoints)}
          </>
        ) : (
          <span className="muted">{previous ? t.notInPreviousSet : t.noPreviousYear}</span>
        )}
      </dd>
    </dl>
  );
}

function CommentBox({ drafts, code }: { drafts: DraftComments; code: string }) {
  const text = drafts.texts[code] ?? '';
  const stored = drafts.list.find((d) => d.target === code)?.body ?? '';
  const saved = text.trim() === stored;
  return (
    <>
      <label className="field">
        <span>{t.commentLabel}</span>
        <textarea rows={7} value={text} onChange={(e) => drafts.set(code, e.target.value)} maxLength={4000} disabled={!drafts.ready} />
      </label>
      <p className="muted small" role="status" data-testid="draft-state">
        {text.trim() ? (saved ? t.draftSaved : t.draftSaving) : t.draftHint}
      </p>
      <ErrorLine text={drafts.error} />
    </>
  );
}

function PastComments({ entries }: { entries: { round: ReviewRound; comment: ReviewComment }[] }) {
  if (entries.length === 0) return null;
  return (
    <section className="past-comments">
      <h3>{t.pastComments}</h3>
      <ul>
        {entries.map(({ round, comment }) => (
          <li key={comment.id}>
            <p className="small muted">{t.roundLabel(round.versionNo, round.round)}</p>
            <p>{comment.body}</p>
            <p className="small muted">
              {vi.review.by(comment.created.name, formatDateTimeVi(comment.created.at))}
              {comment.resolved && ` · ${vi.review.resolved(comment.resolved.name, formatDateTimeVi(comment.resolved.at))}`}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
