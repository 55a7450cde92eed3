import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AssessmentEntry } from '../../../../shared/contract/assessment';
import { ITEM_STATUS_LABELS, ITEM_STATUSES, type Answer, type CriteriaItem, type ItemStatus } from '../../../../shared/criteria/format';
import type { ItemScore } from '../../../../shared/criteria/score-types';
import { formatPointsVi } from '../../../../shared/text/vi';
import { signedPointsText } from '../../../../shared/criteria/scale-parts';
import { vi } from '../../i18n/vi';
import { AnswerInput } from './answer-input';

interface Props {
  item: CriteriaItem;
  /** The effective kind (a leaf under the penalty domain is a deduction without its own kind). */
  kind: CriteriaItem['kind'];
  domainTitle: string;
  entry: AssessmentEntry;
  score: ItemScore | undefined;
  evidenceCount: number;
  position: { index: number; total: number };
  onAnswer(answer: Answer | null): void;
  onExplanation(text: string): void;
  /** The explanation has unsaved typing (shown as "Đang lưu…"). */
  onDirty(): void;
  onStatus(status: ItemStatus): void;
  onPrevious(): void;
  onNext(): void;
  /** The item's evidence panel (its own domain, mounted by the workspace). */
  evidence?: ReactNode;
  /** What the year's CCHC plan answers for this item, if anything (the plan domain's box). */
  planLink?: (explanation: string) => ReactNode;
}

const t = vi.assessment.item;

/** One criterion at a time: guidance, the input for its rule, live points, thuyết minh, status. */
export function ItemEditor(props: Props) {
  const { item, entry, score } = props;
  const [explanation, setExplanation] = useState(entry.explanation);
  useEffect(() => setExplanation(entry.explanation), [item.code, entry.explanation]);

  // Debounced autosave of the explanation: typing does not send a request per key.
  useEffect(() => {
    if (explanation === entry.explanation) return;
    props.onDirty();
    const timer = setTimeout(() => props.onExplanation(explanation), 500);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [explanation]);

  // Leaving the item (next, previous, a click in the list) must not drop typing still in the debounce.
  const pending = useRef({ explanation, saved: entry.explanation, save: props.onExplanation });
  pending.current = { explanation, saved: entry.explanation, save: props.onExplanation };
  useEffect(() => {
    const flush = () => {
      const p = pending.current;
      if (p.explanation !== p.saved) p.save(p.explanation);
    };
    // A reload or a closed window does not unmount: send the typing while the page goes away.
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  // A deduction or a bonus below its cap is no shortfall to explain.
  const partial = props.kind === 'normal' && !!score && score.effectiveMax > 0 && score.points < score.effectiveMax;
  const needsExplanation = score?.answered && (partial || (item.evidenceRequired && props.evidenceCount === 0));

  return (
    <article className="item-editor" aria-labelledby="item-title">
      <p className="crumb">{props.domainTitle}</p>
      <h2 id="item-title">
        <span className="code">{item.code}</span> {item.title}
      </h2>
      <p className="meta">
        {t.maxPoints}: <strong>{formatPointsVi(item.maxPoints)}</strong> · {t.position(props.position.index + 1, props.position.total)}
      </p>
      {item.guidance && (
        <section className="guidance">
          <h3>{t.guidance}</h3>
          <p>{item.guidance}</p>
        </section>
      )}
      {item.evidenceRequired && (
        <section className="guidance">
          <h3>{t.evidenceRequired}</h3>
          <p>{item.evidenceRequired}</p>
          <p className={props.evidenceCount ? 'ok-text' : 'warn-text'}>{t.evidenceCount(props.evidenceCount)}</p>
        </section>
      )}

      {props.planLink?.(explanation)}
      <AnswerInput item={item} answer={entry.answer} onChange={props.onAnswer} />

      <div className="points" role="status" aria-live="polite" data-testid="item-points">
        {props.kind === 'normal' ? (
          <>
            {t.points}: <strong>{score?.notApplicable && score.effectiveMax === 0 ? vi.scoreLabels.notApplicableTag : formatPointsVi(score?.points ?? 0)}</strong> /{' '}
            {formatPointsVi(score?.effectiveMax ?? item.maxPoints)}
          </>
        ) : (
          <>
            {props.kind === 'penalty' ? vi.scoreLabels.deduction : vi.scoreLabels.bonus}: <strong>{signedPointsText(score?.points ?? 0, props.kind)}</strong> (tối đa{' '}
            {formatPointsVi(item.maxPoints)})
          </>
        )}
        {score?.ruleExplanation && <span className="muted"> — {score.ruleExplanation}</span>}
      </div>

      <label className="field">
        <span>
          {t.explanation} {needsExplanation && <em className="warn-text">{t.explanationRequired}</em>}
        </span>
        <textarea rows={5} value={explanation} onChange={(e) => setExplanation(e.target.value)} onBlur={() => explanation !== entry.explanation && props.onExplanation(explanation)} />
      </label>

      {props.evidence}

      <div className="row between">
        <label className="field narrow">
          <span>{t.status}</span>
          <select value={entry.status} onChange={(e) => props.onStatus(e.target.value as ItemStatus)}>
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ITEM_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <div className="row">
          <button type="button" className="secondary" onClick={props.onPrevious} disabled={props.position.index === 0}>
            {t.previous}
          </button>
          <button type="button" className="primary" onClick={props.onNext} disabled={props.position.index === props.position.total - 1}>
            {t.next}
          </button>
        </div>
      </div>
      <p className="muted small">{t.keyboardHint}</p>
    </article>
  );
}
