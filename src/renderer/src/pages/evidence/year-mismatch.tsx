import type { EvidenceFileView } from '../../../../shared/contract/evidence';
import { vi } from '../../i18n/vi';
import { linkedItems } from './evidence-format';

/**
 * The items a file supports in another year than the one it was issued in: a 2025 decision
 * attached to a 2026 criterion is often the wrong file (or the right file for last year). Only a
 * warning: a plan issued late in December may rightly serve the next year.
 */
export function yearMismatches(file: EvidenceFileView, only?: { year: number; code: string }): { year: number; code: string; issuedYear: number }[] {
  const issued = file.meta.issueDate ? Number(file.meta.issueDate.slice(0, 4)) : null;
  if (issued === null) return [];
  return linkedItems(file)
    .filter((l) => l.year !== issued && (!only || (only.year === l.year && only.code === l.code)))
    .map((l) => ({ ...l, issuedYear: issued }));
}

/** The warning line under a file; nothing when the years agree or the date is not known. */
export function YearMismatchWarning({ file, only }: { file: EvidenceFileView; only?: { year: number; code: string } }) {
  const list = yearMismatches(file, only);
  if (list.length === 0) return null;
  return (
    <p className="small warn-text" role="note" data-testid="year-mismatch">
      {list.map((m) => vi.evidenceList.yearMismatch(m.issuedYear, m.code, m.year)).join(' ')}
    </p>
  );
}
