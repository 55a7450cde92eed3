import { useState } from 'react';
import type { DossierVersionInfo, SubjectKind } from '../../../../shared/contract/review';
import { formatDateTimeVi } from '../../../../shared/review-labels';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import './item-review.css';

const t = vi.approvedState;

/**
 * "Đã duyệt — chỉ xem": the approved version is a state the officer sees, and leaving it is a
 * deliberate step with a reason (review/open-version, kept in the audit log), never a keystroke.
 */
export function ApprovedState({ subject, version, onOpened }: { subject: { kind: SubjectKind; key: string }; version: DossierVersionInfo; onOpened(): void }) {
  const api = useApi();
  const { can } = useAuth();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function open() {
    setError(null);
    setBusy(true);
    const r = await api.call('review/open-version', { ...subject, reason });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setAsking(false);
    setReason('');
    onOpened();
  }

  return (
    <section className="approved-banner" role="region" aria-label={t.title(version.versionNo)}>
      <h2 data-testid="approved-state">{t.title(version.versionNo)}</h2>
      <p>
        {t.body}
        {version.decided && <span className="muted small"> ({vi.review.approver}: {vi.review.by(version.decided.name, formatDateTimeVi(version.decided.at))})</span>}
      </p>
      {can('review/open-version') &&
        (asking ? (
          <>
            <label className="field">
              <span>{t.reason}</span>
              <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} autoFocus />
            </label>
            <div className="row">
              <button type="button" className="primary" disabled={!reason.trim() || busy} onClick={() => void open()}>
                {t.confirm}
              </button>
              <button type="button" className="secondary" onClick={() => setAsking(false)}>
                {t.cancel}
              </button>
            </div>
          </>
        ) : (
          <div className="row">
            <button type="button" className="secondary" onClick={() => setAsking(true)}>
              {t.open}
            </button>
          </div>
        ))}
      <ErrorLine text={error} />
    </section>
  );
}
