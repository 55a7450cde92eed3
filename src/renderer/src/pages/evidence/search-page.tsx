import { useEffect, useState } from 'react';
import type { EvidenceSearchResult } from '../../../../shared/contract/evidence';
import { useApi } from '../../api/context';
import { ErrorLine, MessageLine, type Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { DocumentFacts } from './document-facts';
import { canPreview } from './evidence-format';
import { FilePreview } from './file-preview';
import { ItemLinks } from './item-links';
import { OpenFileButton } from './open-file-button';
import { Snippet } from './snippet';

const t = vi.evidence.search;

/** Results of the header's search: each file with its facts, where the words were found, and its items. */
export function SearchPage({ query, year, onOpenItem }: { query: string; year: number; onOpenItem(code: string): void }) {
  const api = useApi();
  const [result, setResult] = useState<EvidenceSearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [previewId, setPreviewId] = useState<number | null>(null);
  const [notice, setNotice] = useState<Message | null>(null);

  useEffect(() => {
    let cancelled = false;
    setResult(null);
    setError(null);
    if (!query) return;
    void api.call('evidence/search', { query, limit: 50 }).then((r) => {
      if (cancelled) return;
      if (r.ok) setResult(r.value);
      else setError(r.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [api, query]);

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t.title}</h1>
      {!query && <p className="muted">{t.enterQuery}</p>}
      <ErrorLine text={error} />
      <MessageLine message={notice} />
      {query && !result && !error && <p className="muted">{vi.loading}</p>}
      {result && (
        <>
          <p role="status" data-testid="search-count">
            {t.results(result.total, result.query)}
            {result.total > result.hits.length && ` ${t.showing(result.hits.length)}`}
          </p>
          <ol className="search-results" aria-label={t.resultsLabel}>
            {result.hits.map((hit) => (
              <li key={hit.file.id} className="search-hit" aria-label={hit.file.originalName}>
                <DocumentFacts file={hit.file} />
                <Snippet parts={hit.snippet} />
                <ItemLinks file={hit.file} year={year} onOpenItem={onOpenItem} />
                <div className="row">
                  {canPreview(hit.file) && (
                    <button type="button" className="secondary" onClick={() => setPreviewId((id) => (id === hit.file.id ? null : hit.file.id))}>
                      {vi.evidence.file.preview}
                    </button>
                  )}
                  <OpenFileButton file={hit.file} onMessage={setNotice} />
                </div>
                {previewId === hit.file.id && <FilePreview fileId={hit.file.id} name={hit.file.originalName} onClose={() => setPreviewId(null)} />}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
