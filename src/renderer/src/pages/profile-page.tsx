import { useEffect, useState } from 'react';
import type { UnitProfile } from '../../../shared/contract/profile';
import { useApi } from '../api/context';
import { useAuth } from '../auth/auth-context';
import { ProfileForm } from '../components/profile-form';
import { vi } from '../i18n/vi';

const t = vi.profile;

/**
 * The unit profile per year: pick a year to edit, or start the next year from the latest one
 * (names change between years, e.g. after the 2025 mergers).
 */
export function ProfilePage({ latest, onSaved }: { latest: UnitProfile; onSaved(): void }) {
  const api = useApi();
  const canSave = useAuth().can('profile/save');
  const [years, setYears] = useState<number[]>([latest.year]);
  const [year, setYear] = useState(latest.year);
  const [profile, setProfile] = useState<UnitProfile | null>(latest);
  const [draftYear, setDraftYear] = useState<number | null>(null);

  useEffect(() => {
    void api.call('profile/years', {}).then((r) => r.ok && setYears(r.value));
  }, [api, latest]);

  useEffect(() => {
    if (draftYear !== null) return;
    void api.call('profile/get', { year }).then((r) => r.ok && setProfile(r.value));
  }, [api, year, draftYear]);

  const nextYear = Math.max(...years) + 1;
  return (
    <section>
      <h1>{t.title}</h1>
      <div className="row">
        <label className="field narrow">
          <span>{t.yearPicker}</span>
          <select
            value={draftYear ?? year}
            onChange={(e) => {
              setDraftYear(null);
              setYear(Number(e.target.value));
            }}
          >
            {draftYear !== null && <option value={draftYear}>{draftYear} (mới)</option>}
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        {draftYear === null && canSave && (
          <button type="button" className="secondary" onClick={() => setDraftYear(nextYear)}>
            {t.addYear(nextYear)}
          </button>
        )}
      </div>
      {!canSave && <p className="muted">{vi.readOnly.profile}</p>}
      <ProfileForm
        key={draftYear ?? year}
        readOnly={!canSave}
        initial={draftYear !== null && profile ? { ...profile, year: draftYear } : profile}
        defaultYear={draftYear ?? year}
        submitLabel={t.save}
        onSaved={(saved) => {
          setDraftYear(null);
          setYear(saved.year);
          setYears((ys) => [...new Set([saved.year, ...ys])].sort((a, b) => b - a));
          onSaved();
        }}
      />
    </section>
  );
}
