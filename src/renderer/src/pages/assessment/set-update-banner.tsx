import { useCallback, useEffect, useState } from 'react';
import type { SetStatus, SetSwitchResult, NotCarriedEntry } from '../../../../shared/contract/set-version';
import { SET_CHANGE_LABELS, setChangeDetail } from '../../../../shared/criteria/set-diff';
import { formatInstantVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';

const t = vi.setUpdate;

interface Props {
  year: number;
  canEdit: boolean;
  /** Told after a switch, so the page reloads the assessment on the new version. */
  onSwitched(): void;
}

/**
 * Announces a newer version of the year's criteria set with what changed and what would carry,
 * and switches in one step; below it, the switches made before. Main decides whether a switch is
 * allowed now (with the leader, approved) and says why not.
 */
export function SetUpdateBanner({ year, canEdit, onSwitched }: Props) {
  const api = useApi();
  const [status, setStatus] = useState<SetStatus | null>(null);
  const [result, setResult] = useState<SetSwitchResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.call('assessment/set-status', { year });
    if (r.ok) setStatus(r.value);
    else setError(r.error.message);
  }, [api, year]);

  useEffect(() => {
    void load();
  }, [load]);

  async function switchNow(toVersion: number) {
    setBusy(true);
    setError(null);
    const r = await api.call('assessment/switch-set-version', { year, toVersion });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setResult(r.value);
    await load();
    onSwitched();
  }

  const update = status?.update;
  return (
    <>
      {result && (
        <div className="panel" role="status" data-testid="set-switch-result">
          <p className="ok-text">{t.done(result.fromVersion, result.toVersion, result.carried.length)}</p>
          {result.notCarried.length > 0 && (
            <>
              <p>{t.notCarriedTitle}</p>
              <NotCarriedList entries={result.notCarried} />
            </>
          )}
          <div className="row">
            <button type="button" className="secondary" onClick={() => setResult(null)}>
              {t.close}
            </button>
          </div>
        </div>
      )}
      {update && (
        <section className="panel set-update" role="region" aria-label={t.region}>
          <p>
            <strong>{t.headline(update.setName, update.newestVersion, update.currentVersion)}</strong>
          </p>
          <h3>{t.changesTitle}</h3>
          <ul className="check-list" data-testid="set-changes">
            {update.changes.map((c, i) => (
              <li key={i} data-change={c.change}>
                <span className="tag warning">{SET_CHANGE_LABELS[c.change]}</span>
                <span>
                  <strong>{c.code}</strong> {setChangeDetail(c)}
                </span>
              </li>
            ))}
          </ul>
          <p>{t.willCarry(update.willCarry.length)}</p>
          {update.willNotCarry.length > 0 && (
            <>
              <p className="warn-text">{t.willNotCarry(update.willNotCarry.length)}</p>
              <NotCarriedList entries={update.willNotCarry} />
            </>
          )}
          {update.refusal && (
            <p className="warn-text" data-testid="set-switch-refusal">
              {t.refused} {update.refusal}
            </p>
          )}
          {canEdit ? (
            <div className="row">
              <button type="button" className="primary" disabled={busy || !!update.refusal} onClick={() => void switchNow(update.newestVersion)}>
                {busy ? t.busy : t.button(update.newestVersion)}
              </button>
            </div>
          ) : (
            <p className="muted small">{t.readOnly}</p>
          )}
          <ErrorLine text={error} />
        </section>
      )}
      {!update && <ErrorLine text={error} />}
      {status && status.history.length > 0 && (
        <details className="set-history">
          <summary>{t.historyTitle}</summary>
          <ul>
            {status.history.map((h, i) => (
              <li key={i}>
                {t.historyLine(h.fromVersion, h.toVersion, formatInstantVi(h.switchedAt), h.actor, h.notCarried.length)}
                {h.notCarried.length > 0 && <NotCarriedList entries={h.notCarried} />}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}


function NotCarriedList({ entries }: { entries: NotCarriedEntry[] }) {
  return (
    <ul data-testid="not-carried">
      {entries.map((n) => (
        <li key={n.code}>
          <strong>{n.code}</strong> {n.title} — {t.oldAnswer}: {n.answerText || '—'}. {n.reason}
        </li>
      ))}
    </ul>
  );
}
