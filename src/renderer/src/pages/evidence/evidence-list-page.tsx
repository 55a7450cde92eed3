import { useCallback, useEffect, useState } from 'react';
import type { EvidenceCatalog, EvidenceCatalogFilter } from '../../../../shared/contract/evidence';
import { useApi } from '../../api/context';
import { ErrorLine, MessageLine, type Message } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { DocumentFacts } from './document-facts';
import { canPreview } from './evidence-format';
import { FilePreview } from './file-preview';
import { ItemLinks } from './item-links';
import { YearMismatchWarning } from './year-mismatch';

const t = vi.evidenceList;
const PAGE = 50;

type Filter = Omit<EvidenceCatalogFilter, 'limit' | 'offset'>;

/** «Tài liệu kiểm chứng»: every stored file, filtered by year, type, linked or not, unconfirmed. */
export function EvidenceListPage({ year, onOpenItem }: { year: number; onOpenItem(code: string): void }) {
  const api = useApi();
  const [filter, setFilter] = useState<Filter>({});
  const [limit, setLimit] = useState(PAGE);
  const [catalog, setCatalog] = useState<EvidenceCatalog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Message | null>(null);
  const [previewId, setPreviewId] = useState<number | null>(null);

  const load = useCallback(async () => {
    const r = await api.call('evidence/catalog', { ...filter, limit, offset: 0 });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setCatalog(r.value);
  }, [api, filter, limit]);
  useEffect(() => {
    void load();
  }, [load]);

  const change = (next: Filter) => {
    setFilter(next);
    setLimit(PAGE);
  };

  async function open(fileId: number, name: string) {
    const r = await api.call('evidence/open', { fileId });
    setNotice(r.ok ? { kind: 'success', text: vi.evidence.file.opened(name) } : { kind: 'error', text: r.error.message });
  }

  return (
    <section aria-labelledby="evidence-list-title">
      <h1 id="evidence-list-title">{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <div className="row filters" role="group" aria-label={t.filtersLabel}>
        <label className="field narrow">
          <span>{t.year}</span>
          <select value={filter.year ?? ''} onChange={(e) => change({ ...filter, year: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{t.allYears}</option>
            {catalog?.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="field narrow">
          <span>{t.docType}</span>
          <select value={filter.docType ?? '*'} onChange={(e) => change({ ...filter, docType: e.target.value === '*' ? undefined : e.target.value })}>
            <option value="*">{t.allTypes}</option>
            {catalog?.docTypes.map((d) => (
              <option key={d} value={d}>
                {d || t.unknownType}
              </option>
            ))}
          </select>
        </label>
        <label className="field narrow">
          <span>{t.linked}</span>
          <select value={filter.linked ?? ''} onChange={(e) => change({ ...filter, linked: (e.target.value || undefined) as Filter['linked'] })}>
            <option value="">{t.linkedAll}</option>
            <option value="linked">{t.linkedYes}</option>
            <option value="unlinked">{t.linkedNo}</option>
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={filter.unconfirmedOnly ?? false} onChange={(e) => change({ ...filter, unconfirmedOnly: e.target.checked || undefined })} />
          {t.unconfirmedOnly}
        </label>
      </div>
      <ErrorLine text={error} />
      <MessageLine message={notice} />
      {!catalog && !error && <p className="muted">{vi.loading}</p>}
      {catalog && (
        <>
          <p role="status" data-testid="evidence-list-count">
            {t.count(catalog.files.length, catalog.total)}
          </p>
          <ol className="search-results" aria-label={t.listLabel}>
            {catalog.files.map((file) => (
              <li key={file.id} className="search-hit" aria-label={file.originalName}>
                <DocumentFacts file={file} />
                <ItemLinks file={file} year={year} onOpenItem={onOpenItem} />
                <YearMismatchWarning file={file} />
                <div className="row">
                  {canPreview(file) && (
                    <button type="button" className="secondary" onClick={() => setPreviewId((id) => (id === file.id ? null : file.id))}>
                      {vi.evidence.file.preview}
                    </button>
                  )}
                  <button type="button" className="secondary" onClick={() => void open(file.id, file.originalName)}>
                    {vi.evidence.file.open}
                  </button>
                </div>
                {previewId === file.id && <FilePreview fileId={file.id} name={file.originalName} onClose={() => setPreviewId(null)} />}
              </li>
            ))}
          </ol>
          {catalog.files.length < catalog.total && (
            <div className="row">
              <button type="button" className="secondary" onClick={() => setLimit((l) => l + PAGE)}>
                {t.more}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
