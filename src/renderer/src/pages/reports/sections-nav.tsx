import type { ReportSection } from '../../../../shared/contract/reports';
import { vi } from '../../i18n/vi';

const t = vi.reports.editor;

/** The outline down the side, grouped under its headings, with what is written and what is a draft. */
export function SectionsNav({ sections, current, onSelect }: { sections: ReportSection[]; current: string; onSelect(code: string): void }) {
  let lastParent: string | null = null;
  return (
    <nav className="sections-nav" aria-label={t.outline}>
      <ol>
        {sections.flatMap((s) => {
          const items = [];
          if (s.parentTitle && s.parentTitle !== lastParent) {
            items.push(
              <li key={`parent-${s.code}`} className="outline-parent" aria-hidden>
                {s.parentTitle}
              </li>,
            );
          }
          lastParent = s.parentTitle;
          const state = s.text.trim() === '' ? 'empty' : s.draft ? 'draft' : 'written';
          items.push(
            <li key={s.code}>
              <button
                type="button"
                className={s.code === current ? 'item-link active' : 'item-link'}
                aria-current={s.code === current ? 'true' : undefined}
                onClick={() => onSelect(s.code)}
              >
                <span className={`dot section-${state}`} aria-hidden />
                <span className="code">{s.label}</span> {s.title}
                {state === 'draft' && <span className="tag">{t.draftTag}</span>}
              </button>
            </li>,
          );
          return items;
        })}
      </ol>
    </nav>
  );
}
