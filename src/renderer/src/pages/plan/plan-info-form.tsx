import { useEffect, useState } from 'react';
import type { PlanInfo } from '../../../../shared/contract/plan';
import { formatDateVi, parseDateVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { MessageLine, type Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { uploadEvidenceFile } from '../evidence/upload-file';

const t = vi.plan;

/**
 * Số, ngày, trích yếu of the plan and its signed document. The document goes into the evidence
 * store like any evidence; what the store recognises in it (number, date, summary) fills the
 * fields the officer left empty, for them to check.
 */
export function PlanInfoForm(props: { plan: PlanInfo; canEdit: boolean; justSaved?: boolean; onSaved(updatedAt: string | null): void }) {
  const { plan, canEdit, justSaved = false, onSaved } = props;
  const api = useApi();
  const [number, setNumber] = useState(plan.number);
  const [date, setDate] = useState(plan.date ? formatDateVi(plan.date) : '');
  const [title, setTitle] = useState(plan.title);
  const [file, setFile] = useState<{ id: number; name: string } | null>(plan.documentFileId ? { id: plan.documentFileId, name: `#${plan.documentFileId}` } : null);
  const [message, setMessage] = useState<Message | null>(justSaved ? { kind: 'success', text: t.saved } : null);
  const [busy, setBusy] = useState(false);
  const dateInvalid = date.trim() !== '' && parseDateVi(date) === null;

  // The stored plan names its document by id: show the file's name.
  useEffect(() => {
    if (!plan.documentFileId) return;
    const id = plan.documentFileId;
    void api.call('evidence/get', { fileId: id }).then((r) => r.ok && setFile({ id, name: r.value.originalName }));
  }, [api, plan.documentFileId]);

  async function attach(chosen: File | undefined) {
    if (!chosen) return;
    setBusy(true);
    setMessage({ kind: 'success', text: t.attaching });
    try {
      const r = await uploadEvidenceFile(api, chosen, [], () => undefined);
      const meta = r.file.meta;
      setFile({ id: r.file.id, name: r.file.originalName });
      const numberSymbol = [meta.docNumber, meta.docSymbol].filter(Boolean).join('/');
      const found: string[] = [];
      if (!number && numberSymbol) {
        setNumber(numberSymbol);
        found.push(numberSymbol);
      }
      if (!date && meta.issueDate) {
        setDate(formatDateVi(meta.issueDate));
        found.push(formatDateVi(meta.issueDate));
      }
      if (!title && meta.summary) {
        setTitle(meta.summary);
        found.push(meta.summary);
      }
      setMessage(found.length ? { kind: 'success', text: t.recognised(found.join('; ')) } : null);
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (dateInvalid) return setMessage({ kind: 'error', text: t.dateInvalid });
    setBusy(true);
    const r = await api.call('plan/save', { year: plan.year, number, date: date.trim() ? parseDateVi(date) : null, title, documentFileId: file?.id ?? null });
    setBusy(false);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    setMessage({ kind: 'success', text: t.saved });
    onSaved(r.value.updatedAt);
  }

  return (
    <form className="form" aria-label={t.info} onSubmit={(e) => void save(e)}>
      <h2>{t.info}</h2>
      <div className="form-grid">
        <label className="field">
          <span>{t.number}</span>
          <input value={number} placeholder={t.numberHint} disabled={!canEdit} onChange={(e) => setNumber(e.target.value)} />
        </label>
        <label className="field">
          <span>{t.date}</span>
          <input value={date} placeholder="dd/mm/yyyy" aria-invalid={dateInvalid} disabled={!canEdit} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="field wide">
          <span>{t.titleField}</span>
          <input value={title} disabled={!canEdit} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <div className="field wide">
          <span>{t.document}</span>
          <div className="row">
            <small className="muted">{file ? t.documentFile(file.name) : t.noDocument}</small>
            {canEdit && (
              <label className="secondary file-button">
                {t.attach}
                <input type="file" hidden aria-label={t.attach} disabled={busy} onChange={(e) => void attach(e.target.files?.[0])} />
              </label>
            )}
          </div>
        </div>
      </div>
      <MessageLine message={message} />
      {canEdit && (
        <button type="submit" className="primary" disabled={busy}>
          {t.save}
        </button>
      )}
    </form>
  );
}
