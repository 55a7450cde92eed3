import { useId } from 'react';
import { findProvince, PROVINCES } from '../../../shared/provinces';
import { FieldErrorText } from './form-errors';
import { vi } from '../i18n/vi';

const t = vi.profile;
const collator = new Intl.Collator('vi');
const cities = PROVINCES.filter((p) => p.city).map((p) => p.name);
const provinces = PROVINCES.filter((p) => !p.city)
  .map((p) => p.name)
  .sort(collator.compare);

/**
 * The province or centrally-run city, picked from the 34 of 2025 (documents then name it
 * "thành phố Hà Nội" or "tỉnh Lâm Đồng" themselves). A stored value written as "Tỉnh Lâm Đồng"
 * selects its entry; one not on the list (an earlier year's province) is kept as its own option,
 * so opening an old profile never changes it.
 */
export function ProvinceSelect({ label, value, onChange, error }: { label: string; value: string; onChange(value: string): void; error?: string | undefined }) {
  const id = useId();
  const found = value.trim() ? findProvince(value) : null;
  const selected = found?.name ?? value;
  const old = value.trim() && !found ? value : null;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} <em className="req">{t.required}</em>
      </label>
      <select
        id={id}
        value={selected}
        onChange={(e) => onChange(e.target.value)}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {!value.trim() && <option value="">{t.provinceChoose}</option>}
        {old && <option value={old}>{t.provinceOld(old)}</option>}
        <optgroup label={t.provinceCities}>
          {cities.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t.provinceProvinces}>
          {provinces.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </optgroup>
      </select>
      <FieldErrorText id={`${id}-error`} text={error} />
    </div>
  );
}
