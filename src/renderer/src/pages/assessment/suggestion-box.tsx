import type { AnswerSuggestion } from '../../../../shared/contract/suggestions';
import { vi } from '../../i18n/vi';
import './suggestion-box.css';

const t = vi.suggestion;

interface Props {
  suggestion: AnswerSuggestion;
  busy: boolean;
  onUse(): void;
  onDismiss(): void;
}

/** Last year's answer and thuyết minh beside the item: not counted until «Dùng gợi ý». */
export function SuggestionBox({ suggestion, busy, onUse, onDismiss }: Props) {
  return (
    <section className="guidance suggestion-box" role="region" aria-label={t.region(suggestion.fromYear)}>
      <h3>{t.region(suggestion.fromYear)}</h3>
      <p className="muted small">{t.intro}</p>
      <dl>
        <dt>{t.answer}</dt>
        <dd data-testid="suggested-answer">{suggestion.answerText}</dd>
        <dt>{t.explanation}</dt>
        <dd data-testid="suggested-explanation">{suggestion.explanation.trim() || t.noExplanation}</dd>
      </dl>
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={onUse}>
          {t.use}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onDismiss}>
          {t.dismiss}
        </button>
      </div>
    </section>
  );
}
