import { useCallback, useEffect, useState } from 'react';
import type { AuditFilter, AuditPage as AuditPageData, AuditVerifyResult } from '../../../../shared/contract/review';
import { AUDIT_ACTION_LABELS, auditActionLabel, formatDateTimeVi, subjectLabel } from '../../../../shared/review-labels';
import { auditValueText } from '../../../../shared/review/audit-values';
import { parseDateVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { saveBase64File } from '../../files';
import { vi } from '../../i18n/vi';

const t = vi.audit;
const PAGE_SIZE = 50;

/** «Nhật ký thay đổi»: the append-only log with filters and paging, its verification and export. */
export function AuditPage() {
  const api = useApi();
  const [draft, setDraft] = useState<AuditFilter>({});
  const [days, setDays] = useState({ from: '', to: '' });
  const [filter, setFilter] = useState<AuditFilter>({});
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AuditPageData | null>(null);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.call('audit/list', { filter, offset, limit: PAGE_SIZE });
    if (r.ok) setPage(r.value);
    else setError(r.error.message);
  }, [api, filter, offset]);

  useEffect(() => {
    void load();
  }, [load]);

  async function runVerify() {
    setError(null);
    const r = await api.call('audit/verify', {});
    if (r.ok) setVerify(r.value);
    else setError(r.error.message);
  }

  async function exportAs(format: 'csv' | 'json') {
    setError(null);
    const r = await api.call('audit/export', { format, filter });
    if (r.ok) saveBase64File(r.value.fileName, r.value.contentBase64, format === 'csv' ? 'text/csv' : 'application/json');
    else setError(r.error.message);
  }

  const clean = (f: AuditFilter): AuditFilter => Object.fromEntries(Object.entries(f).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as AuditFilter;

  return (
    <section className="audit-page">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <ErrorLine text={error} />
      <div className="row">
        <button type="button" className="primary" onClick={() => void runVerify()}>
          {t.verify}
        </button>
        <button type="button" className="secondary" onClick={() => void exportAs('csv')}>
          {t.exportCsv}
        </button>
        <button type="button" className="secondary" onClick={() => void exportAs('json')}>
          {t.exportJson}
        </button>
      </div>
      {verify && (
        <p className={verify.ok ? 'success' : 'error'} role="status" data-testid="audit-verify">
          {verify.ok ? t.verifyOk(verify.checked) : t.verifyBroken(verify.problem!.message)}
        </p>
      )}
      <form
        className="row audit-filters"
        onSubmit={(e) => {
          e.preventDefault();
          // Days are typed the Vietnamese way (dd/mm/yyyy) and sent as ISO.
          const from = days.from.trim() ? parseDateVi(days.from) : '';
          const to = days.to.trim() ? parseDateVi(days.to) : '';
          if (from === null || to === null) return setError(t.badDate);
          setError(null);
          setOffset(0);
          setFilter(clean({ ...draft, from, to }));
        }}
      >
        <label className="field">
          <span>{t.action}</span>
          <select value={draft.action ?? ''} onChange={(e) => setDraft((d) => ({ ...d, action: e.target.value }))}>
            <option value="">{t.allActions}</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t.actor}</span>
          <input value={draft.actor ?? ''} onChange={(e) => setDraft((d) => ({ ...d, actor: e.target.value }))} maxLength={100} />
        </label>
        <label className="field">
          <span>{t.from}</span>
          <input placeholder="dd/mm/yyyy" value={days.from} onChange={(e) => setDays((d) => ({ ...d, from: e.target.value }))} maxLength={10} />
        </label>
        <label className="field">
          <span>{t.to}</span>
          <input placeholder="dd/mm/yyyy" value={days.to} onChange={(e) => setDays((d) => ({ ...d, to: e.target.value }))} maxLength={10} />
        </label>
        <button type="submit" className="secondary">
          {t.apply}
        </button>
      </form>
      {page && page.entries.length === 0 && <p className="muted">{t.empty}</p>}
      {page && page.entries.length > 0 && (
        <>
          <table className="grid audit-table">
            <thead>
              <tr>
                <th className="num">{t.seq}</th>
                <th>{t.at}</th>
                <th>{t.actor}</th>
                <th>{t.action}</th>
                <th>{t.subject}</th>
                <th>{t.target}</th>
                <th>{t.old}</th>
                <th>{t.new}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((e) => (
                <tr key={e.seq}>
                  <td className="num">{e.seq}</td>
                  <td className="nowrap">{formatDateTimeVi(e.at)}</td>
                  <td>{e.actorName}</td>
                  <td>{auditActionLabel(e.action)}</td>
                  <td>{e.subject ? subjectLabel(e.subject) : ''}</td>
                  <td>{e.target}</td>
                  <td className="small value-cell">{auditValueText(e.old, e.action)}</td>
                  <td className="small value-cell">{auditValueText(e.new, e.action)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row pager">
            <span className="muted small">{t.page(offset + 1, offset + page.entries.length, page.total)}</span>
            <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              {t.previous}
            </button>
            <button type="button" className="secondary" disabled={offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
              {t.next}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
