import { useState } from 'react';
import { vi } from '../../i18n/vi';

const t = vi.evidence.search;

/** The header's search field: reachable from every page, it opens the search page with the words. */
export function SearchBox({ initial, onSearch }: { initial: string; onSearch(query: string): void }) {
  const [query, setQuery] = useState(initial);
  return (
    <form
      className="search-box"
      role="search"
      aria-label={t.boxLabel}
      onSubmit={(e) => {
        e.preventDefault();
        if (query.trim()) onSearch(query.trim());
      }}
    >
      <input type="search" aria-label={t.boxLabel} placeholder={t.boxPlaceholder} value={query} onChange={(e) => setQuery(e.target.value)} />
      <button type="submit" className="secondary">
        {t.submit}
      </button>
    </form>
  );
}
