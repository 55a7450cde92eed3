import { useId, useState } from 'react';
import type { AppErrorShape, FieldError } from '../../../../shared/contract/define';
import { DOC_TYPES, evidenceChannels } from '../../../../shared/contract/evidence';
import { formatDateVi, parseDateVi } from '../../../../shared/text/vi';
import { checkFields, FieldErrorText, FormErrorSummary, useFormErrors } from '../../components/form-errors';
import { vi } from '../../i18n/vi';
import { draftToMeta } from './evidence-format';

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
  /** Saves and confirms; resolves with main's error (its field errors shown under the fields), or null. */
  onSave(draft: MetadataDraft, isoDate: string | null): Promise<AppErrorShape | null>;
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
  const errors = useFormErrors();
  const [saving, setSaving] = useState(false);
  const dateInvalid = draft.issueDate.trim() !== '' && parseDateVi(draft.issueDate) === null;
  // «Số, ký hiệu» is one box here and two fields in main (docNumber, docSymbol).
  const errorOf = (field: MetadataField) => (field === 'numberSymbol' ? (errors.of('docNumber') ?? errors.of('docSymbol')) : errors.of(field));
  const errorId = (field: MetadataField) => `${docTypesId}-${field}-error`;
  const invalid = (field: MetadataField) => (errorOf(field) ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {});

  /** The mark for a field still holding its suggestion, e.g. «gợi ý từ tên tệp»; null otherwise. */
  const mark = (field: MetadataField) => {
    if (confirmed || !suggested[field] || draft[field] !== suggested[field]) return null;
    const from = suggestedFrom[field];
    return from ? t.suggestedFrom[from] : t.suggested;
  };
  const set = (field: MetadataField, value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    // Every wrong field at once, in the words main would use, before any call.
    const clean = normalise(draft);
    const isoDate = parseDateVi(clean.issueDate);
    const found: FieldError[] = [
      ...(dateInvalid ? [{ path: 'meta.issueDate', label: t.issueDate, message: t.badDate }] : []),
      // The channel's own schema (fileId 1 stands in for this file's): main's very words and paths.
      ...checkFields(evidenceChannels['evidence/update-meta'].input, { fileId: 1, meta: draftToMeta(clean, isoDate) }).filter(
        (f) => !(dateInvalid && f.path.endsWith('issueDate')),
      ),
    ];
    if (found.length > 0) return errors.show(found.map((f) => ({ ...f, label: labelOf(f.path) ?? f.label })));
    errors.clear();
    setSaving(true);
    const failure = await onSave(clean, isoDate);
    setSaving(false);
    if (failure) errors.fromError(failure);
  }

  return (
    <form className="meta-form" aria-label={t.formTitle} onSubmit={(e) => void submit(e)}>
      {!confirmed && FIELDS.some((f) => suggested[f]) && <p className="muted small">{t.suggestionNote}</p>}
      <FormErrorSummary errors={errors} />
      <div className="form-grid">
        <Field label={t.docType} mark={mark('docType')} error={errorOf('docType')} errorId={errorId('docType')}>
          <input list={docTypesId} value={draft.docType} {...invalid('docType')} onChange={(e) => set('docType', e.target.value)} />
          <datalist id={docTypesId}>
            {DOC_TYPES.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
        </Field>
        <Field label={t.numberSymbol} mark={mark('numberSymbol')} error={errorOf('numberSymbol')} errorId={errorId('numberSymbol')}>
          <input value={draft.numberSymbol} placeholder={t.numberSymbolPlaceholder} {...invalid('numberSymbol')} onChange={(e) => set('numberSymbol', e.target.value)} />
        </Field>
        <Field label={t.issueDate} mark={mark('issueDate')} error={errorOf('issueDate') ?? (dateInvalid ? t.badDate : undefined)} errorId={errorId('issueDate')}>
          <input value={draft.issueDate} placeholder="dd/mm/yyyy" aria-invalid={dateInvalid || Boolean(errorOf('issueDate'))} aria-describedby={errorId('issueDate')} onChange={(e) => set('issueDate', e.target.value)} />
        </Field>
        <Field label={t.issuer} mark={mark('issuer')} error={errorOf('issuer')} errorId={errorId('issuer')}>
          <input value={draft.issuer} placeholder={t.issuerPlaceholder} {...invalid('issuer')} onChange={(e) => set('issuer', e.target.value)} />
        </Field>
        <Field label={t.summary} mark={mark('summary')} error={errorOf('summary')} errorId={errorId('summary')} wide>
          <textarea rows={2} value={draft.summary} {...invalid('summary')} onChange={(e) => set('summary', e.target.value)} />
        </Field>
        <Field label={t.period} mark={mark('period')} error={errorOf('period')} errorId={errorId('period')}>
          <input value={draft.period} placeholder={t.periodPlaceholder} {...invalid('period')} onChange={(e) => set('period', e.target.value)} />
        </Field>
      </div>
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

function Field(props: { label: string; mark: string | null; error: string | undefined; errorId: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <label className={props.wide ? 'field wide' : 'field'}>
      <span>
        {props.label} {props.mark && <em className="tag suggestion">{props.mark}</em>}
      </span>
      {props.children}
      <FieldErrorText id={props.errorId} text={props.error} />
    </label>
  );
}

/** The form's own label for a field main names (docNumber and docSymbol are «Số, ký hiệu» here). */
function labelOf(path: string): string | undefined {
  const key = path.split('.').pop() ?? '';
  const labels: Record<string, string> = {
    docType: t.docType,
    docNumber: t.numberSymbol,
    docSymbol: t.numberSymbol,
    issueDate: t.issueDate,
    issuer: t.issuer,
    summary: t.summary,
    period: t.period,
  };
  return labels[key];
}

function normalise(draft: MetadataDraft): MetadataDraft {
  const out = { ...draft };
  for (const f of FIELDS) out[f] = out[f].normalize('NFC').trim();
  return out;
}
