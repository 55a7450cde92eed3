import { useEffect, useState } from 'react';
import type { ReportDocumentOptions, ReportPeriodCode } from '../../../../shared/contract/reports';
import { formatDateVi, parseDateVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { useAuth } from '../../auth/auth-context';
import { MessageLine, type Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';

const t = vi.reportDocument;

/** The warning main gives when the document would be dated before the period's data end; shown, never silent. */
export function DocumentDateWarning({ warning }: { warning: string | null | undefined }) {
  if (!warning) return null;
  return (
    <p className="warn-text" role="alert" data-testid="document-date-warning">
      <strong>{t.warningTitle}:</strong> {warning}
    </p>
  );
}

/**
 * The report's document date and Nơi nhận: what the .docx prints in "…, ngày … tháng … năm …"
 * and in the Nơi nhận block, with the printed lines shown before generating.
 */
export function DocumentOptionsPanel(props: { year: number; period: ReportPeriodCode; onSaved(options: ReportDocumentOptions): void }) {
  const { year, period, onSaved } = props;
  const api = useApi();
  const canEdit = useAuth().can('reports/save-document-options');
  const [options, setOptions] = useState<ReportDocumentOptions | null>(null);
  const [date, setDate] = useState('');
  const [lines, setLines] = useState('');
  const [message, setMessage] = useState<Message | null>(null);

  function show(next: ReportDocumentOptions) {
    setOptions(next);
    setDate(next.documentDate ? formatDateVi(next.documentDate) : '');
    setLines(next.recipients.join('\n'));
  }

  useEffect(() => {
    void api.call('reports/document-options', { year, period }).then((r) => (r.ok ? show(r.value) : setMessage({ kind: 'error', text: r.error.message })));
  }, [api, year, period]);

  async function save(recipients: string[] | null) {
    const documentDate = date.trim() ? parseDateVi(date.trim()) : null;
    if (date.trim() && !documentDate) return setMessage({ kind: 'error', text: t.dateInvalid });
    const r = await api.call('reports/save-document-options', { year, period, documentDate, recipients });
    if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
    show(r.value);
    setMessage({ kind: 'success', text: t.saved });
    onSaved(r.value);
  }

  if (!options) return <MessageLine message={message} />;
  const typed = lines.split('\n');
  const unchangedList = typed.map((l) => l.trim()).filter(Boolean).join('\n') === options.recipients.join('\n');
  return (
    <section className="panel" aria-labelledby="document-options-title" data-testid="document-options">
      <h2 id="document-options-title">{t.title}</h2>
      <p className="muted small">{t.intro}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // An untouched default list stays the default, so it follows later profile changes.
          void save(options.recipientsDefault && unchangedList ? null : typed);
        }}
      >
        <fieldset className="plain" disabled={!canEdit}>
          <div className="row">
            <label className="field">
              <span>{t.date}</span>
              <input value={date} placeholder="dd/mm/yyyy" onChange={(e) => setDate(e.target.value)} />
            </label>
            <p className="muted small">
              {t.dateHint} {t.dateWillBe(formatDateVi(options.effectiveDate))} {t.cutoff(formatDateVi(options.dataCutoff))}
            </p>
          </div>
          <DocumentDateWarning warning={options.dateWarning} />
          <label className="field wide">
            <span>{t.recipients}</span>
            <textarea rows={Math.max(4, typed.length + 1)} value={lines} onChange={(e) => setLines(e.target.value)} />
          </label>
          <p className="muted small">
            {t.recipientsHint} {options.recipientsDefault && t.defaultNote}
          </p>
        </fieldset>
        <div className="recipients-preview" aria-label={t.preview}>
          <p className="small">
            <strong>{t.preview}</strong>
          </p>
          <p className="small">
            <em>
              <strong>Nơi nhận:</strong>
            </em>
            {options.printedRecipients.map((line) => (
              <span key={line} className="recipient-line">
                <br />
                {line}
              </span>
            ))}
          </p>
        </div>
        {canEdit && (
          <div className="row">
            <button type="submit" className="primary">
              {t.save}
            </button>
            {!options.recipientsDefault && (
              <button type="button" className="secondary" onClick={() => void save(null)}>
                {t.useDefault}
              </button>
            )}
          </div>
        )}
      </form>
      <MessageLine message={message} />
    </section>
  );
}
