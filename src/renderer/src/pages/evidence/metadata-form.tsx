import { useId, useState } from 'react';
import { DOC_TYPES } from '../../../../shared/contract/evidence';
import { formatDateVi, parseDateVi } from '../../../../shared/text/vi';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';

const t = vi.evidence.meta;

/** The document facts an officer confirms for one file, as typed (the date stays dd/mm/yyyy text). */
export interface MetadataDraft {
  docType: string;
  /** Số ký hiệu as printed: "47/KH-UBND". */
  numberSymbol: string;
  /** dd/mm/yyyy, or '' when the document is undated. */
  issueDate: string;
  issuer: string;
  summary: string;
  period: string;
}

type MetadataField = keyof MetadataDraft;
const FIELDS: MetadataField[] = ['docType', 'numberSymbol', 'issueDate', 'issuer', 'summary', 'period'];

export function emptyDraft(): MetadataDraft {
  return { docType: '', numberSymbol: '', issueDate: '', issuer: '', summary: '', period: '' };
}

/** Converts an ISO date from main into the text the form shows. */
export function dateForForm(iso: string | null | undefined): string {
  return iso ? formatDateVi(iso) : '';
}

interface Props {
  /** Values the form opens with (saved ones, or the suggestions when nothing is confirmed yet). */
  initial: MetadataDraft;
  /** What was recognised automatically; fields that still hold it are marked «gợi ý». */
  suggested: Partial<MetadataDraft>;
  /** Where each suggestion was read (the file name or the document's first page), shown with the mark. */
  suggestedFrom: Partial<Record<MetadataField, 'name' | 'text'>>;
  confirmed: boolean;
  /** Saves and confirms; resolves with an error message to show, or null. */
  onSave(draft: MetadataDraft, isoDate: string | null): Promise<string | null>;
  onCancel(): void;
}

/**
 * Suggestions are only suggestions: they fill the form, are marked as such, and count for nothing
 * until the officer presses «Xác nhận».
 */
export function MetadataForm({ initial, suggested, suggestedFrom, confirmed, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  // Two files' forms may be open at once: each needs its own datalist id.
  const docTypesId = useId();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dateInvalid = draft.issueDate.trim() !== '' && parseDateVi(draft.issueDate) === null;

  /** The mark for a field still holding its suggestion, e.g. «gợi ý từ tên tệp»; null otherwise. */
  const mark = (field: MetadataField) => {
    if (confirmed || !suggested[field] || draft[field] !== suggested[field]) return null;
    const from = suggestedFrom[field];
    return from ? t.suggestedFrom[from] : t.suggested;
  };
  const set = (field: MetadataField, value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (dateInvalid) return setError(t.badDate);
    setSaving(true);
    const message = await onSave(normalise(draft), parseDateVi(draft.issueDate));
    setSaving(false);
    setError(message);
  }

  return (
    <form className="meta-form" aria-label={t.formTitle} onSubmit={(e) => void submit(e)}>
      {!confirmed && FIELDS.some((f) => suggested[f]) && <p className="muted small">{t.suggestionNote}</p>}
      <div className="form-grid">
        <Field label={t.docType} mark={mark('docType')}>
          <input list={docTypesId} value={draft.docType} onChange={(e) => set('docType', e.target.value)} />
          <datalist id={docTypesId}>
            {DOC_TYPES.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
        </Field>
        <Field label={t.numberSymbol} mark={mark('numberSymbol')}>
          <input value={draft.numberSymbol} placeholder={t.numberSymbolPlaceholder} onChange={(e) => set('numberSymbol', e.target.value)} />
        </Field>
        <Field label={t.issueDate} mark={mark('issueDate')} error={dateInvalid ? t.badDate : null}>
          <input value={draft.issueDate} placeholder="dd/mm/yyyy" aria-invalid={dateInvalid} onChange={(e) => set('issueDate', e.target.value)} />
        </Field>
        <Field label={t.issuer} mark={mark('issuer')}>
          <input value={draft.issuer} placeholder={t.issuerPlaceholder} onChange={(e) => set('issuer', e.target.value)} />
        </Field>
        <Field label={t.summary} mark={mark('summary')} wide>
          <textarea rows={2} value={draft.summary} onChange={(e) => set('summary', e.target.value)} />
        </Field>
        <Field label={t.period} mark={mark('period')}>
          <input value={draft.period} placeholder={t.periodPlaceholder} onChange={(e) => set('period', e.target.value)} />
        </Field>
      </div>
      <ErrorLine text={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={saving}>
          {t.confirm}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function Field(props: { label: string; mark: string | null; error?: string | null; wide?: boolean; children: React.ReactNode }) {
  return (
    <label className={props.wide ? 'field wide' : 'field'}>
      <span>
        {props.label} {props.mark && <em className="tag suggestion">{props.mark}</em>}
      </span>
      {props.children}
      {props.error && <small className="field-error">{props.error}</small>}
    </label>
  );
}

function normalise(draft: MetadataDraft): MetadataDraft {
  const out = { ...draft };
  for (const f of FIELDS) out[f] = out[f].normalize('NFC').trim();
  return out;
}
