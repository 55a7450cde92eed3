import { useEffect, useRef, useState } from 'react';
import { vi } from '../../i18n/vi';

const t = vi.evidence.search;

/** The header's search field: reachable from every page, it opens the search page with the words. */
export function SearchBox({ initial, onSearch }: { initial: string; onSearch(query: string): void }) {
  const [query, setQuery] = useState(initial);
  const input = useRef<HTMLInputElement>(null);

  // Ctrl+K (as in most desktop apps) jumps to the search field from any page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
      <input ref={input} type="search" aria-label={t.boxLabel} title={t.shortcut} placeholder={t.boxPlaceholder} value={query} onChange={(e) => setQuery(e.target.value)} />
      <button type="submit" className="secondary">
        {t.submit}
      </button>
    </form>
  );
}
