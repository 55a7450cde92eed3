import { useCallback, useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/contract/access';
import type { AuditFilter, AuditPage as AuditPageData, AuditVerifyResult } from '../../../../shared/contract/review';
import { answerText } from '../../../../shared/criteria/answer-text';
import { ITEM_STATUS_LABELS, type Answer, type CriteriaItem } from '../../../../shared/criteria/format';
import { AUDIT_ACTION_LABELS, auditActionLabel, formatDateTimeVi, subjectLabel, VERSION_STATUS_LABELS } from '../../../../shared/review-labels';
import { formatNumberVi, parseDateVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { saveBase64File } from '../../files';
import { vi } from '../../i18n/vi';

const t = vi.audit;
const PAGE_SIZE = 50;

const FIELD_LABELS: Record<string, string> = {
  answer: 'Trả lời',
  points: 'Điểm',
  explanation: 'Thuyết minh',
  status: 'Trạng thái',
  versionNo: 'Phiên bản',
  note: 'Ghi chú',
  comment: 'Ý kiến',
  comments: 'Ý kiến',
  body: 'Nội dung',
  resolved: 'Đã xử lý',
  commentId: 'Mã ý kiến',
  snapshotSha256: 'SHA-256',
  sha256: 'SHA-256',
  name: 'Tệp',
  size: 'Dung lượng (byte)',
  fromYear: 'Từ năm',
  carried: 'Tiêu chí đã chuyển',
  evidenceLinksCarried: 'Liên kết tài liệu đã chuyển',
  displayName: 'Họ và tên',
  roles: 'Vai trò',
  disabled: 'Vô hiệu hóa',
  reason: 'Lý do',
  evidenceOffered: 'Tài liệu năm trước được gợi ý',
  sameSubmitterAndApprover: 'Người trình cũng là người duyệt',
  target: 'Mục',
};

/** An old/new value as short «label: value» lines a person can read; the export keeps the raw JSON. */
function readable(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object' || Array.isArray(value)) return shortText(value);
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== '' && v !== null && v !== undefined)
    .map(([k, v]) => `${FIELD_LABELS[k] ?? k}: ${fieldText(k, v)}`)
    .join('\n');
}

function fieldText(key: string, v: unknown): string {
  if (key === 'status' && typeof v === 'string') return statusLabel(v);
  // Answers and comments in words, not as the stored JSON.
  if (key === 'answer' && v && typeof v === 'object' && 'kind' in v) return shortText(answerText(NO_ITEM, v as Answer));
  if (key === 'comments' && Array.isArray(v)) {
    return shortText(v.map((c: { target?: string; body?: string }) => `${c.target === '*' ? 'Chung' : (c.target ?? '')}: ${c.body ?? ''}`).join('; '));
  }
  // An account's roles, as the accounts page names them.
  if (key === 'roles' && Array.isArray(v)) return v.map((role: unknown) => (ROLE_LABELS as Record<string, string>)[String(role)] ?? String(role)).join(', ');
  return shortText(v);
}

/** The log does not carry the set: an answer reads without the item's option labels. */
const NO_ITEM: CriteriaItem = { code: '', title: '', kind: 'normal', maxPoints: 0, assessedBy: 'self', guidance: '', evidenceRequired: '', children: [] };

/** Item statuses (chua-lam …) and version statuses (draft …) share the "status" key. */
function statusLabel(code: string): string {
  return (ITEM_STATUS_LABELS as Record<string, string>)[code] ?? (VERSION_STATUS_LABELS as Record<string, string>)[code] ?? code;
}

function shortText(v: unknown): string {
  const text = typeof v === 'string' ? v : typeof v === 'number' ? formatNumberVi(v) : typeof v === 'boolean' ? (v ? 'Có' : 'Không') : JSON.stringify(v);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

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
                  <td className="small value-cell">{readable(e.old)}</td>
                  <td className="small value-cell">{readable(e.new)}</td>
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
