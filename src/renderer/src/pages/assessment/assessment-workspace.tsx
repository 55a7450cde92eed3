import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AssessmentEntry, AssessmentView } from '../../../../shared/contract/assessment';
import type { Answer, ItemStatus } from '../../../../shared/criteria/format';
import { selfScoredLeaves } from '../../../../shared/criteria/tree';
import { formatPercentVi, formatPointsVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';
import { ReviewCommentsBanner } from '../review/review-comments-banner';
import { EvidenceBadge } from '../evidence/evidence-badge';
import { EvidencePanel } from '../evidence/evidence-panel';
import { ItemEditor } from './item-editor';
import { PlanCriterionLink } from '../plan/plan-criterion-link';
import { SummaryView } from './summary-view';

const t = vi.assessment;

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/**
 * The guided walk through a year's criteria: domains on the left, one item at a time, autosaved.
 * Read-only (a person without the officer role) shows the totals and the summary only.
 */
export function AssessmentWorkspace({ initial, readOnly = false, focusCode }: { initial: AssessmentView; readOnly?: boolean; focusCode?: string }) {
  const api = useApi();
  const [view, setView] = useState(initial);
  const leaves = useMemo(() => selfScoredLeaves(view.set), [view.set]);
  const [currentCode, setCurrentCode] = useState(() => (focusCode && leaves.some((l) => l.item.code === focusCode) ? focusCode : undefined) ?? leaves.find((l) => (initial.entries[l.item.code]?.status ?? 'chua-lam') !== 'xong')?.item.code ?? leaves[0]?.item.code ?? '');
  const [mode, setMode] = useState<'items' | 'summary'>(readOnly ? 'summary' : 'items');
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });

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
      if (!e.altKey || mode !== 'items') return;
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
  }, [go, mode]);

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

  // Attaching or unlinking evidence changes the count the item editor and its warning use.
  const setEvidenceCount = useCallback((code: string, count: number) => {
    setView((v) => ((v.evidenceCounts[code] ?? 0) === count ? v : { ...v, evidenceCounts: { ...v.evidenceCounts, [code]: count } }));
  }, []);

  const domainOf = (code: string) => view.set.domains.find((d) => code === d.code || code.startsWith(`${d.code}.`));

  return (
    <div className="workspace">
      <header className="score-bar" aria-label={t.scoreBar}>
        <div>
          <span className="muted">{t.total}</span>
          <strong data-testid="total-points">{formatPointsVi(view.score.total)}</strong> / {formatPointsVi(view.score.max)}
        </div>
        <div>
          <span className="muted">{t.percent}</span>
          <strong data-testid="total-percent">{formatPercentVi(view.score.percent)}</strong>
        </div>
        <div>
          <span className="muted">{t.band}</span>
          <strong data-testid="band">{view.score.band}</strong>
        </div>
        <div>
          <span className="muted">{t.progress}</span>
          <strong>
            {leaves.filter((l) => view.score.items[l.item.code]?.answered).length}/{leaves.length}
          </strong>
        </div>
        <div className="save-state" role="status" data-testid="save-state">
          {saveState.kind === 'saving' && t.saving}
          {saveState.kind === 'saved' && t.saved}
        </div>
        {!readOnly && (
          <div className="row">
            <button type="button" className={mode === 'items' ? 'tab active' : 'tab'} onClick={() => setMode('items')}>
              {t.itemsTab}
            </button>
            <button type="button" className={mode === 'summary' ? 'tab active' : 'tab'} onClick={() => setMode('summary')}>
              {t.summaryTab}
            </button>
          </div>
        )}
      </header>
      {saveState.kind === 'error' && (
        <p className="error" role="alert">
          {saveState.message}
        </p>
      )}

      {mode === 'summary' ? (
        <SummaryView
          view={view}
          onOpenItem={
            readOnly
              ? undefined
              : (code) => {
                  setCurrentCode(code);
                  setMode('items');
                }
          }
        />
      ) : (
        <div className="walk">
          <nav className="domain-list" aria-label={t.domainsNav}>
            {view.score.domains.map((d) => (
              <details key={d.code} open={current?.domainCode === d.code}>
                <summary>
                  <span className="code">{d.code}</span> {d.title}
                  <span className="domain-meta">
                    {formatPointsVi(d.points)}/{formatPointsVi(d.max)} · {d.answeredLeaves}/{d.totalLeaves}
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
                          <EvidenceBadge count={view.evidenceCounts[l.item.code] ?? 0} required={!!l.item.evidenceRequired} />
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
              <ItemEditor
                key={current.item.code}
                item={current.item}
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
                evidence={<EvidencePanel year={view.year} code={current.item.code} onCountChange={(n) => setEvidenceCount(current.item.code, n)} onOpenItem={setCurrentCode} />}
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
