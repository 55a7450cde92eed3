import { useEffect, useState } from 'react';
import type { EvidenceFileView } from '../../../../shared/contract/evidence';
import { itemTargetKey } from '../../../../shared/contract/evidence';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { DocumentFacts } from '../evidence/document-facts';
import { canPreview } from '../evidence/evidence-format';
import { FilePreview } from '../evidence/file-preview';

const t = vi.itemReview;

/** The files linked to one item, read-only, each with its document facts and an in-window preview. */
export function ReviewEvidence({ year, code }: { year: number; code: string }) {
  const api = useApi();
  const [files, setFiles] = useState<EvidenceFileView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('evidence/links', { target: { type: 'item', key: itemTargetKey(year, code) } }).then((r) => {
      if (!live) return;
      if (r.ok) setFiles(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, year, code]);

  if (error) return <ErrorLine text={error} />;
  if (!files) return <p className="muted small">{vi.loading}</p>;
  if (files.length === 0) return <p className="warn-text">{t.noEvidence}</p>;
  return (
    <ul className="review-evidence">
      {files.map((f) => (
        <li key={f.id}>
          <DocumentFacts file={f} />
          {canPreview(f) && (
            <button type="button" className="link" onClick={() => setPreviewing(previewing === f.id ? null : f.id)}>
              {previewing === f.id ? vi.evidence.file.closePreview : vi.evidence.file.preview}
            </button>
          )}
          {previewing === f.id && <FilePreview fileId={f.id} name={f.originalName} onClose={() => setPreviewing(null)} />}
        </li>
      ))}
    </ul>
  );
}
