import { vi } from '../i18n/vi';

/**
 * The year every page works on (assessment, reports, review, submission, evidence): the latest
 * unit profile unless the officer picks an earlier one, e.g. the previous year's annual report
 * written in January after the new year's profile exists.
 */
export function WorkingYearPicker({ years, year, onChange }: { years: number[]; year: number; onChange(year: number): void }) {
  // Shown on every page, also when there is only one year to work on.
  if (years.length < 2) {
    return (
      <span className="working-year" data-testid="working-year">
        {vi.workingYear} <strong>{year}</strong>
      </span>
    );
  }
  return (
    <label className="working-year">
      {vi.workingYear}
      <select value={year} onChange={(e) => onChange(Number(e.target.value))}>
        {[...years]
          .sort((a, b) => b - a)
          .map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
      </select>
    </label>
  );
}
