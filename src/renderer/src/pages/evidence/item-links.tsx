import type { EvidenceFileView } from '../../../../shared/contract/evidence';
import { vi } from '../../i18n/vi';
import { linkedItems } from './evidence-format';

const t = vi.evidence.search;

/**
 * The items a file supports. Items of the year being assessed open in the assessment; other
 * years are shown with their year (the assessment page works on one year at a time).
 */
export function ItemLinks({ file, year, onOpenItem, withLabel = true }: { file: EvidenceFileView; year: number; onOpenItem(code: string): void; withLabel?: boolean }) {
  const items = linkedItems(file);
  const sections = file.links.filter((l) => l.type === 'report-section').length;
  const planUses = file.planUses ?? [];
  return (
    <p className="small item-links">
      {planUses.length > 0 && (
        // The plan names the file by itself (no evidence link): it is in use all the same.
        <span className="tag suggestion" title={planUses.join('; ')} data-testid="plan-use">
          {t.planTag}
        </span>
      )}
      {planUses.length > 0 && ' '}
      {withLabel && `${t.supports}: `}
      {items.length === 0 ? (
        <span className="muted">{sections ? t.reportSectionsOnly(sections) : planUses.length ? `${t.planOnly} (${planUses.join('; ')})` : t.noItems}</span>
      ) : (
        items.map((item, i) => (
          <span key={`${item.year}:${item.code}`}>
            {i > 0 && ', '}
            {item.year === year ? (
              <button type="button" className="link" aria-label={t.openItem(item.code)} onClick={() => onOpenItem(item.code)}>
                {item.code}
              </button>
            ) : (
              <span>
                {item.code} ({item.year})
              </span>
            )}
          </span>
        ))
      )}
      {items.length > 0 && sections > 0 && <span className="muted"> {t.andReportSections(sections)}</span>}
    </p>
  );
}
