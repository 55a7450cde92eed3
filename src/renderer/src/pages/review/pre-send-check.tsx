import { useCallback, useEffect, useState } from 'react';
import type { CheckAction, CheckResult, CheckTarget, SubjectKind } from '../../../../shared/contract/review';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import './item-review.css';

const t = vi.preCheck;
const FIRST = 8;

interface Props {
  subject: { kind: SubjectKind; key: string };
  action: CheckAction;
  /** Opens where a finding is fixed (an item, a section, the criteria page…). */
  onOpen?(target: CheckTarget): void;
  /** Told each result, so the caller can hold its button while something blocks. */
  onResult?(result: CheckResult): void;
  /** Changes when the content may have changed (re-runs the check). */
  refreshKey?: unknown;
}

/** One list of what is missing before sending, generating or exporting, each with a link to fix it. */
export function PreSendCheck({ subject, action, onOpen, onResult, refreshKey }: Props) {
  const api = useApi();
  const { kind, key } = subject;
  const [result, setResult] = useState<CheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [all, setAll] = useState(false);

  const run = useCallback(async () => {
    const r = await api.call('review/check', { kind, key, action });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setResult(r.value);
    onResult?.(r.value);
    // onResult is the caller's fresh closure on each render; the subject and action decide.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, kind, key, action]);

  useEffect(() => {
    void run();
  }, [run, refreshKey]);

  if (error) return <ErrorLine text={error} />;
  if (!result) return null;
  const shown = all ? result.findings : result.findings.slice(0, FIRST);
  return (
    <section className="panel pre-send-check" role="region" aria-label={t.title[action]}>
      <div className="row between">
        <h3>{t.title[action]}</h3>
        <button type="button" className="link" onClick={() => void run()}>
          {t.recheck}
        </button>
      </div>
      {result.findings.length === 0 ? (
        <p className="ok-text" data-testid="check-summary">{t.allClear}</p>
      ) : (
        <>
          <p className={result.blocking > 0 ? 'error' : 'warn-text'} data-testid="check-summary">
            {t.summaryFor(action, result.blocking, result.warnings)}
          </p>
          <ul className="check-list">
            {shown.map((f, i) => (
              <li key={i} data-kind={f.kind}>
                <span className={`tag ${f.severity}`}>{f.severity === 'blocking' ? t.blocking : t.warning}</span>
                <span>{f.message}</span>
                {f.target && onOpen && (
                  <button type="button" className="link" onClick={() => onOpen(f.target!)}>
                    {t.open}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {result.findings.length > FIRST && (
            <button type="button" className="link" onClick={() => setAll((a) => !a)}>
              {all ? t.showLess : t.showAll(result.findings.length)}
            </button>
          )}
        </>
      )}
    </section>
  );
}
