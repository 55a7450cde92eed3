import { useId, useState, type FormEvent } from 'react';
import { UNIT_TYPES, type UnitProfile, type UnitProfileInput } from '../../../shared/contract/profile';
import { UNIT_TYPE_LABELS } from '../../../shared/profile-labels';
import { useApi } from '../api/context';
import { vi } from '../i18n/vi';
import { FieldErrorText, FormErrorSummary, useFormErrors, type FormErrors } from './form-errors';
import { SuccessLine } from './message-line';
import { ProvinceSelect } from './province-select';

type FormState = Required<Omit<UnitProfileInput, 'year'>> & { year: string };

function toForm(profile: UnitProfile | null, defaultYear: number): FormState {
  return {
    year: String(profile?.year ?? defaultYear),
    name: profile?.name ?? '',
    shortName: profile?.shortName ?? '',
    unitType: profile?.unitType ?? 'so',
    parentBody: profile?.parentBody ?? '',
    province: profile?.province ?? '',
    focalOfficerName: profile?.focalOfficerName ?? '',
    focalOfficerPhone: profile?.focalOfficerPhone ?? '',
    focalOfficerEmail: profile?.focalOfficerEmail ?? '',
    leaderName: profile?.leaderName ?? '',
    leaderTitle: profile?.leaderTitle ?? '',
    draftingUnit: profile?.draftingUnit ?? '',
  };
}

interface Props {
  initial: UnitProfile | null;
  defaultYear: number;
  submitLabel: string;
  onSaved(profile: UnitProfile): void;
  /** Shown but not editable (a person whose roles do not allow profile/save). */
  readOnly?: boolean;
}

/** The unit profile, validated in main: errors come back as Vietnamese messages naming the field. */
export function ProfileForm({ initial, defaultYear, submitLabel, onSaved, readOnly = false }: Props) {
  const api = useApi();
  const [form, setForm] = useState<FormState>(() => toForm(initial, defaultYear));
  const errors = useFormErrors();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const set = (key: keyof FormState) => (value: string) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    errors.clear();
    const result = await api.call('profile/save', {
      profile: {
        ...form,
        year: Number(form.year),
        shortName: form.shortName.trim().toUpperCase(),
        draftingUnit: form.draftingUnit.trim().toUpperCase(),
      },
    });
    setBusy(false);
    if (!result.ok) {
      // Main names every field that is wrong at once; each shows under its field.
      errors.fromError(result.error);
      return;
    }
    setSaved(true);
    onSaved(result.value);
  }

  const t = vi.profile;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="muted">{t.yearNote}</p>
      <FormErrorSummary errors={errors} />
      <fieldset className="form-grid plain" disabled={readOnly}>
        <Field label={t.year} required value={form.year} onChange={set('year')} type="number" errors={errors} name="year" />
        <UnitTypeField value={form.unitType} onChange={set('unitType')} error={errors.of('unitType')} />
        <Field label={t.name} required value={form.name} onChange={set('name')} placeholder={t.namePlaceholder} wide errors={errors} name="name" />
        <Field label={t.shortName} required value={form.shortName} onChange={set('shortName')} placeholder={t.shortNamePlaceholder} errors={errors} name="shortName" />
        <Field label={t.parentBody} required value={form.parentBody} onChange={set('parentBody')} placeholder={t.parentBodyPlaceholder} errors={errors} name="parentBody" />
        <ProvinceSelect label={t.province} value={form.province} onChange={set('province')} error={errors.of('province')} />
        <Field label={t.focalOfficerName} required value={form.focalOfficerName} onChange={set('focalOfficerName')} errors={errors} name="focalOfficerName" />
        <Field label={t.focalOfficerPhone} value={form.focalOfficerPhone} onChange={set('focalOfficerPhone')} errors={errors} name="focalOfficerPhone" />
        <Field label={t.focalOfficerEmail} value={form.focalOfficerEmail} onChange={set('focalOfficerEmail')} type="email" errors={errors} name="focalOfficerEmail" />
        <Field label={t.leaderName} required value={form.leaderName} onChange={set('leaderName')} errors={errors} name="leaderName" />
        <Field label={t.leaderTitle} required value={form.leaderTitle} onChange={set('leaderTitle')} placeholder={t.leaderTitlePlaceholder} errors={errors} name="leaderTitle" />
        <Field label={t.draftingUnit} value={form.draftingUnit} onChange={set('draftingUnit')} placeholder={t.draftingUnitPlaceholder} errors={errors} name="draftingUnit" />
      </fieldset>
      {saved && <SuccessLine text={t.saved} />}
      {!readOnly && (
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      )}
    </form>
  );
}

function UnitTypeField({ value, onChange, error }: { value: string; onChange(value: string): void; error: string | undefined }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {vi.profile.unitType} <em className="req">{vi.profile.required}</em>
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {UNIT_TYPES.map((type) => (
          <option key={type} value={type}>
            {UNIT_TYPE_LABELS[type]}
          </option>
        ))}
      </select>
      <FieldErrorText id={`${id}-error`} text={error} />
    </div>
  );
}

/** A labelled input whose error (keyed by `name`, the contract's field) shows under it. */
function Field(props: {
  label: string;
  name: string;
  errors: FormErrors;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  placeholder?: string;
  type?: string;
  wide?: boolean;
}) {
  const id = useId();
  const error = props.errors.of(props.name);
  return (
    <div className={props.wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>
        {props.label} {props.required && <em className="req">{vi.profile.required}</em>}
      </label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
        aria-required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldErrorText id={`${id}-error`} text={error} />
    </div>
  );
}
