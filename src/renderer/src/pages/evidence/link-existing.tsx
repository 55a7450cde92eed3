import { useEffect, useState } from 'react';
import type { EvidenceFileView, EvidenceSearchHit } from '../../../../shared/contract/evidence';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { DocumentFacts } from './document-facts';

const t = vi.evidence.linkExisting;

interface Props {
  /** Files already linked to this item: shown as such instead of offering the link again. */
  linkedIds: Set<number>;
  onLink(fileId: number): Promise<void>;
  onClose(): void;
}

const RECENT = 10;

/**
 * One stored file for many items: find it in the store and link it here, nothing is copied.
 * Before any search, the files stored most recently: usually the one wanted was just attached
 * to a neighbouring item.
 */
export function LinkExisting({ linkedIds, onLink, onClose }: Props) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<EvidenceSearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recent, setRecent] = useState<EvidenceFileView[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api.call('evidence/catalog', { limit: RECENT }).then((r) => {
      if (cancelled) return;
      if (r.ok) setRecent(r.value.files);
      else setError(r.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [api]);

  async function search(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const r = await api.call('evidence/search', { query, limit: 20 });
    if (!r.ok) return setError(r.error.message);
    setHits(r.value.hits);
  }

  return (
    <div className="link-existing" role="region" aria-label={t.title}>
      <h4>{t.title}</h4>
      <form className="row" role="search" aria-label={t.title} onSubmit={(e) => void search(e)}>
        <label className="field grow">
          <span>{t.searchLabel}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="submit" className="secondary">
          {vi.evidence.search.submit}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t.close}
        </button>
      </form>
      <ErrorLine text={error} />
      {hits && hits.length === 0 && <p className="muted">{t.noResults}</p>}
      {hits && hits.length > 0 && <FileChoices files={hits.map((h) => h.file)} linkedIds={linkedIds} onLink={onLink} />}
      {!hits && recent && recent.length > 0 && (
        <>
          <h5>{vi.evidenceList.recentTitle}</h5>
          <FileChoices files={recent} linkedIds={linkedIds} onLink={onLink} label={vi.evidenceList.recentTitle} />
        </>
      )}
    </div>
  );
}

function FileChoices({ files, linkedIds, onLink, label }: { files: EvidenceFileView[]; linkedIds: Set<number>; onLink(fileId: number): Promise<void>; label?: string }) {
  return (
    <ul className="plain-list" aria-label={label}>
      {files.map((file) => (
        <li key={file.id} className="row between">
          <DocumentFacts file={file} />
          {linkedIds.has(file.id) ? (
            <span className="ok-text">{t.linked}</span>
          ) : (
            <button type="button" className="secondary" aria-label={`${t.link}: ${file.originalName}`} onClick={() => void onLink(file.id)}>
              {t.link}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
