import { useState, type FormEvent } from 'react';
import { UNIT_TYPES, type UnitProfile, type UnitProfileInput } from '../../../shared/contract/profile';
import { UNIT_TYPE_LABELS } from '../../../shared/profile-labels';
import { useApi } from '../api/context';
import { vi } from '../i18n/vi';
import { ErrorLine, SuccessLine } from './message-line';
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
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const set = (key: keyof FormState) => (value: string) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
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
      setError(result.error.message);
      return;
    }
    setSaved(true);
    onSaved(result.value);
  }

  const t = vi.profile;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="muted">{t.yearNote}</p>
      <fieldset className="form-grid plain" disabled={readOnly}>
        <Field label={t.year} required value={form.year} onChange={set('year')} type="number" />
        <label className="field">
          <span>
            {t.unitType} <em className="req">{t.required}</em>
          </span>
          <select value={form.unitType} onChange={(e) => set('unitType')(e.target.value)}>
            {UNIT_TYPES.map((type) => (
              <option key={type} value={type}>
                {UNIT_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </label>
        <Field label={t.name} required value={form.name} onChange={set('name')} placeholder={t.namePlaceholder} wide />
        <Field label={t.shortName} required value={form.shortName} onChange={set('shortName')} placeholder={t.shortNamePlaceholder} />
        <Field label={t.parentBody} required value={form.parentBody} onChange={set('parentBody')} placeholder={t.parentBodyPlaceholder} />
        <ProvinceSelect label={t.province} value={form.province} onChange={set('province')} />
        <Field label={t.focalOfficerName} required value={form.focalOfficerName} onChange={set('focalOfficerName')} />
        <Field label={t.focalOfficerPhone} value={form.focalOfficerPhone} onChange={set('focalOfficerPhone')} />
        <Field label={t.focalOfficerEmail} value={form.focalOfficerEmail} onChange={set('focalOfficerEmail')} type="email" />
        <Field label={t.leaderName} required value={form.leaderName} onChange={set('leaderName')} />
        <Field label={t.leaderTitle} required value={form.leaderTitle} onChange={set('leaderTitle')} placeholder={t.leaderTitlePlaceholder} />
        <Field label={t.draftingUnit} value={form.draftingUnit} onChange={set('draftingUnit')} placeholder={t.draftingUnitPlaceholder} />
      </fieldset>
      <ErrorLine text={error} />
      {saved && <SuccessLine text={t.saved} />}
      {!readOnly && (
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      )}
    </form>
  );
}

function Field(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  placeholder?: string;
  type?: string;
  wide?: boolean;
}) {
  return (
    <label className={props.wide ? 'field wide' : 'field'}>
      <span>
        {props.label} {props.required && <em className="req">{vi.profile.required}</em>}
      </span>
      <input
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
        aria-required={props.required}
      />
    </label>
  );
}
