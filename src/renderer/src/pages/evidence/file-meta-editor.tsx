import { useEffect, useState } from 'react';
import type { EvidenceFileDetail } from '../../../../shared/contract/evidence';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { draftFor, draftToMeta, suggestionSources, suggestionsToDraft } from './evidence-format';
import { MetadataForm } from './metadata-form';

/** Loads a file's saved metadata and fresh suggestions, and saves what the officer confirms. */
export function FileMetaEditor({ fileId, onSaved, onClose }: { fileId: number; onSaved(file: EvidenceFileDetail): void; onClose(): void }) {
  const api = useApi();
  const [detail, setDetail] = useState<EvidenceFileDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api.call('evidence/get', { fileId }).then((r) => {
      if (cancelled) return;
      if (r.ok) setDetail(r.value);
      else setError(r.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [api, fileId]);

  if (error) return <ErrorLine text={error} />;
  if (!detail) return <p className="muted">{vi.loading}</p>;
  const suggested = suggestionsToDraft(detail.suggestions);
  return (
    <MetadataForm
      initial={draftFor(detail.meta, detail.metaConfirmed, suggested)}
      suggested={suggested}
      suggestedFrom={suggestionSources(detail.suggestions)}
      confirmed={detail.metaConfirmed}
      onCancel={onClose}
      onSave={async (draft, isoDate) => {
        const r = await api.call('evidence/update-meta', { fileId, meta: draftToMeta(draft, isoDate) });
        if (!r.ok) return r.error;
        onSaved(r.value);
        return null;
      }}
    />
  );
}
