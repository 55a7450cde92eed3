import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AssessmentEntry, AssessmentView } from '../../../../shared/contract/assessment';
import type { Answer, ItemStatus } from '../../../../shared/criteria/format';
import { assessmentProgress } from '../../../../shared/assessment/progress';
import { selfScoredLeaves } from '../../../../shared/criteria/tree';
import { scaleParts, signedPointsText } from '../../../../shared/criteria/scale-parts';
import { formatPercentVi, formatPointsVi } from '../../../../shared/text/vi';
import type { ReviewStatus } from '../../../../shared/contract/review';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import { recall, remember } from '../../remembered';
import { vi } from '../../i18n/vi';
import { ApprovedState } from '../review/approved-state';
import { ItemReview } from '../review/item-review';
import { ReviewCommentsBanner } from '../review/review-comments-banner';
import { useDraftComments } from '../review/use-draft-comments';
import { EvidenceBadge } from '../evidence/evidence-badge';
import { EvidencePanel } from '../evidence/evidence-panel';
import { ItemEditor } from './item-editor';
import { PreviousYearEvidence } from './previous-year-evidence';
import { SuggestionBox } from './suggestion-box';
import { useSuggestions } from './use-suggestions';
import { PlanCriterionLink } from '../plan/plan-criterion-link';
import { SummaryView } from './summary-view';

const t = vi.assessment;

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/**
 * The guided walk through a year's criteria: domains on the left, one item at a time, autosaved.
 * Read-only — a person without the officer role, or an approved version — walks the same items
 * without inputs (ItemReview); a leader reviewing a submitted version writes comments beside them.
 */
export function AssessmentWorkspace({
  initial,
  readOnly = false,
  focusCode,
  onScoreChange,
}: {
  initial: AssessmentView;
  readOnly?: boolean;
  focusCode?: string;
  /** After a save changed the points (not on the first render): the page's comparison refreshes. */
  onScoreChange?: () => void;
}) {
  const api = useApi();
  const [view, setView] = useState(initial);
  // Every save returns a new score object; only changed points (not a thuyết minh or a status)
  // are worth the page's comparison fetching again.
  const pointsKey = [view.score.total, ...view.score.domains.map((d) => d.points)].join('|');
  const shownPointsKey = useRef(pointsKey);
  useEffect(() => {
    if (pointsKey === shownPointsKey.current) return;
    shownPointsKey.current = pointsKey;
    onScoreChange?.();
  }, [pointsKey, onScoreChange]);
  const leaves = useMemo(() => selfScoredLeaves(view.set), [view.set]);
  // Asked for by another page, else the item on screen before a reload, else the first not done.
  const [currentCode, setCurrentCode] = useState(() => {
    const known = (code: string | null | undefined) => (code && leaves.some((l) => l.item.code === code) ? code : undefined);
    return known(focusCode) ?? known(recall(`item.${initial.year}`)) ?? leaves.find((l) => (initial.entries[l.item.code]?.status ?? 'chua-lam') !== 'xong')?.item.code ?? leaves[0]?.item.code ?? '';
  });
  useEffect(() => {
    if (currentCode) remember(`item.${initial.year}`, currentCode);
  }, [currentCode, initial.year]);
  const [mode, setMode] = useState<'items' | 'summary'>('items');
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  // Bumped when last year's file is linked from the offer below the panel, so the panel reloads.
  const [evidenceRevision, setEvidenceRevision] = useState(0);
  // Bumped when a suggestion is confirmed, so the item editor shows the saved answer and text.
  const [editorRevision, setEditorRevision] = useState(0);
  const { can } = useAuth();
  const subjectKey = String(view.year);
  const [review, setReview] = useState<ReviewStatus | null>(null);
  const loadReview = useCallback(async () => {
    const r = await api.call('review/status', { kind: 'assessment', key: subjectKey });
    setReview(r.ok ? r.value : null);
  }, [api, subjectKey]);
  useEffect(() => {
    void loadReview();
  }, [loadReview]);
  // Approved is a state, shown as such: nothing to type into until a new version is opened on purpose.
  const approved = review?.current.status === 'approved';
  const viewOnly = readOnly || approved;
  const commenting = readOnly && can('review/save-draft') && review?.current.status === 'submitted';
  const drafts = useDraftComments('assessment', subjectKey, commenting);

  const index = Math.max(0, leaves.findIndex((l) => l.item.code === currentCode));
  const current = leaves[index];
  const go = useCallback(
    (delta: number) => {
      const next = leaves[index + delta];
      if (next) setCurrentCode(next.item.code);
    },
    [leaves, index],
  );

  // Alt+→ / Alt+← move between items from anywhere on the page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The read-only walk (ItemReview) has its own keys.
      if (!e.altKey || mode !== 'items' || viewOnly) return;
      if (e.key === 'ArrowRight') {
        e.preventDefault();
        go(1);
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        go(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, mode, viewOnly]);

  const save = useCallback(
    async (code: string, patch: { answer?: Answer | null; explanation?: string; status?: ItemStatus }) => {
      setSaveState({ kind: 'saving' });
      // Optimistic: the officer sees the input at once; the score follows from main.
      setView((v) => ({ ...v, entries: { ...v.entries, [code]: { ...(v.entries[code] ?? blank(code)), ...patch } } }));
      const result = await api.call('assessment/save-entry', { year: view.year, code, ...patch });
      if (!result.ok) {
        setSaveState({ kind: 'error', message: result.error.message });
        return;
      }
      setView((v) => ({ ...v, entries: { ...v.entries, [code]: result.value.entry }, score: result.value.score }));
      setSaveState({ kind: 'saved' });
    },
    [api, view.year],
  );

  // Last year's answers offered on the items («Bắt đầu từ năm trước»), confirmed or dropped one by one.
  const suggestions = useSuggestions(view.year, (saved) => {
    setView((v) => ({ ...v, entries: { ...v.entries, [saved.entry.code]: saved.entry }, score: saved.score }));
    setEditorRevision((n) => n + 1);
    setSaveState({ kind: 'saved' });
  });
  // An item answered this year shows no suggestion (main drops it from the list on the next load too).
  const suggestionFor = (code: string) => (viewOnly || view.entries[code]?.answer ? undefined : suggestions.byCode[code]);

  // Attaching or unlinking evidence changes the count the item editor and its warning use.
  const setEvidenceCount = useCallback((code: string, count: number) => {
    setView((v) => ((v.evidenceCounts[code] ?? 0) === count ? v : { ...v, evidenceCounts: { ...v.evidenceCounts, [code]: count } }));
  }, []);

  // One measure of "done" everywhere (shared/assessment/progress.ts), not the count of answers.
  const progress = assessmentProgress(view);
  const parts = useMemo(() => scaleParts(view.set, view.score), [view.set, view.score]);
  const labels = vi.scoreLabels;
  const domainOf = (code: string) => view.set.domains.find((d) => code === d.code || code.startsWith(`${d.code}.`));

  return (
    <div className="workspace">
      <header className="score-bar" aria-label={t.scoreBar}>
        <div>
          <span className="muted">{labels.selfTotal}</span>
          <strong data-testid="total-points">{formatPointsVi(view.score.total)}</strong> / {formatPointsVi(view.score.max)}
          <span className="muted small" data-testid="self-scope">
            {' '}
            ({labels.selfScope(formatPointsVi(parts.selfMax), formatPointsVi(parts.scaleMax))})
          </span>
        </div>
        <div>
          <span className="muted">{t.percent}</span>
          <strong data-testid="total-percent">{formatPercentVi(view.score.percent)}</strong>
        </div>
        <div>
          <span className="muted" title={labels.provisionalBandHint}>
            {labels.provisionalBand}
          </span>
          <strong data-testid="band" title={labels.provisionalBandHint}>
            {view.score.band}
          </strong>
        </div>
        <div>
          <span className="muted">{t.progress}</span>
          <strong data-testid="progress" title={vi.itemReview.progressRule}>
            {progress.done}/{progress.total}
          </strong>
        </div>
        <div className="save-state" role="status" data-testid="save-state">
          {saveState.kind === 'saving' && t.saving}
          {saveState.kind === 'saved' && t.saved}
        </div>
        <div className="row">
          <button type="button" className={mode === 'items' ? 'tab active' : 'tab'} onClick={() => setMode('items')}>
            {t.itemsTab}
          </button>
          <button type="button" className={mode === 'summary' ? 'tab active' : 'tab'} onClick={() => setMode('summary')}>
            {t.summaryTab}
          </button>
        </div>
      </header>
      {saveState.kind === 'error' && (
        <p className="error" role="alert">
          {saveState.message}
        </p>
      )}
      {approved && review && <ApprovedState subject={{ kind: 'assessment', key: subjectKey }} version={review.current} onOpened={() => void loadReview()} />}

      {mode === 'summary' ? (
        <SummaryView
          view={view}
          onOpenItem={(code) => {
            setCurrentCode(code);
            setMode('items');
          }}
        />
      ) : viewOnly ? (
        <ItemReview view={view} drafts={commenting ? drafts : null} initialCode={currentCode} onItemChange={setCurrentCode} />
      ) : (
        <div className="walk">
          <nav className="domain-list" aria-label={t.domainsNav}>
            {view.score.domains.map((d) => (
              <details key={d.code} open={current?.domainCode === d.code}>
                <summary>
                  <span className="code">{d.code}</span> {d.title}
                  <span className="domain-meta">
                    {d.kind === 'normal' ? `${formatPointsVi(d.points)}/${formatPointsVi(d.max)}` : signedPointsText(d.points, d.kind)} · {progress.domains[d.code]?.done ?? 0}/{progress.domains[d.code]?.total ?? 0}
                  </span>
                </summary>
                <ul>
                  {leaves
                    .filter((l) => l.domainCode === d.code)
                    .map((l) => (
                      <li key={l.item.code}>
                        <button
                          type="button"
                          className={l.item.code === currentCode ? 'item-link active' : 'item-link'}
                          aria-current={l.item.code === currentCode ? 'true' : undefined}
                          onClick={() => setCurrentCode(l.item.code)}
                        >
                          <span className={`dot status-${view.entries[l.item.code]?.status ?? 'chua-lam'}`} aria-hidden />
                          <span className="code">{l.item.code}</span> {l.item.title}
                          {view.score.items[l.item.code]?.notApplicable && (
                            <span className="tag" data-testid={`kad-${l.item.code}`} title={vi.scoreLabels.notApplicableTag}>
                              {vi.scoreLabels.notApplicableTag}
                            </span>
                          )}
                          <EvidenceBadge count={view.evidenceCounts[l.item.code] ?? 0} required={!!l.item.evidenceRequired} />
                          {suggestionFor(l.item.code) && <span className="tag suggestion-tag">{vi.suggestion.navTag}</span>}
                        </button>
                      </li>
                    ))}
                </ul>
              </details>
            ))}
          </nav>
          {current ? (
            <div className="item-column">
              <ReviewCommentsBanner
                key={`review-${current.item.code}`}
                subject={{ kind: 'assessment', key: String(view.year) }}
                code={current.item.code}
                title={vi.review.itemBannerTitle}
              />
              {suggestionFor(current.item.code) && (
                <SuggestionBox
                  suggestion={suggestionFor(current.item.code)!}
                  busy={suggestions.busy}
                  onUse={() => void suggestions.use(current.item.code)}
                  onDismiss={() => void suggestions.dismiss(current.item.code)}
                />
              )}
              {suggestions.error && <p className="error" role="alert">{suggestions.error}</p>}
              <ItemEditor
                key={`${current.item.code}-${editorRevision}`}
                item={current.item}
                kind={current.kind}
                domainTitle={domainOf(current.item.code)?.title ?? ''}
                entry={view.entries[current.item.code] ?? blank(current.item.code)}
                score={view.score.items[current.item.code]}
                evidenceCount={view.evidenceCounts[current.item.code] ?? 0}
                position={{ index, total: leaves.length }}
                onAnswer={(answer) => void save(current.item.code, { answer })}
                onExplanation={(explanation) => void save(current.item.code, { explanation })}
                onDirty={() => setSaveState({ kind: 'saving' })}
                onStatus={(status) => void save(current.item.code, { status })}
                onPrevious={() => go(-1)}
                onNext={() => go(1)}
                planLink={(explanation) => <PlanCriterionLink year={view.year} item={current.item} answer={view.entries[current.item.code]?.answer ?? null} explanation={explanation} onUse={(answer) => void save(current.item.code, { answer })} />}
                evidence={
                  <>
                    <EvidencePanel
                      key={`evidence-${evidenceRevision}`}
                      year={view.year}
                      code={current.item.code}
                      onCountChange={(n) => setEvidenceCount(current.item.code, n)}
                      onOpenItem={setCurrentCode}
                    />
                    <PreviousYearEvidence year={view.year} code={current.item.code} onLinked={() => setEvidenceRevision((n) => n + 1)} />
                  </>
                }
              />
            </div>
          ) : (
            <p>{t.noItems}</p>
          )}
        </div>
      )}
    </div>
  );
}

function blank(code: string): AssessmentEntry {
  return { code, answer: null, explanation: '', status: 'chua-lam', updatedAt: null };
}
