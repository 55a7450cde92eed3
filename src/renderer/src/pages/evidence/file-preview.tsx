import { useEffect, useState } from 'react';
import type { EvidencePreview } from '../../../../shared/contract/evidence';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { base64ToBytes } from '../../files';
import { vi } from '../../i18n/vi';
import { PREVIEW_IMAGE_TYPES } from './evidence-format';

const t = vi.evidence.file;

/**
 * Shows a PDF (Chromium's own viewer, in a frame) or an image inside the window. The content
 * becomes a blob: URL of this page's origin (the CSP allows frames from blob: only for this);
 * the blob's type is set here from the two kinds we allow, never taken from the file.
 */
export function FilePreview({ fileId, name, onClose }: { fileId: number; name: string; onClose(): void }) {
  const api = useApi();
  const [shown, setShown] = useState<{ url: string; kind: 'pdf' | 'image' } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    void api.call('evidence/preview', { fileId }).then((r) => {
      if (cancelled) return;
      if (!r.ok) return setError(r.error.message);
      const kind = previewKind(r.value);
      if (!kind) return setError(t.previewUnavailable);
      url = URL.createObjectURL(new Blob([base64ToBytes(r.value.contentBase64)], { type: kind === 'pdf' ? 'application/pdf' : r.value.mime }));
      setShown({ url, kind });
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, fileId]);

  return (
    <div className="file-preview" role="region" aria-label={`${t.preview}: ${name}`}>
      <div className="row between">
        <strong>{name}</strong>
        <button type="button" className="secondary" onClick={onClose}>
          {t.closePreview}
        </button>
      </div>
      <ErrorLine text={error} />
      {!error && !shown && <p className="muted">{vi.loading}</p>}
      {shown?.kind === 'pdf' && <iframe className="preview-frame" title={`${t.preview}: ${name}`} src={shown.url} />}
      {shown?.kind === 'image' && <img className="preview-image" alt={name} src={shown.url} />}
    </div>
  );
}

function previewKind(p: EvidencePreview): 'pdf' | 'image' | null {
  if (p.mime === 'application/pdf') return 'pdf';
  if (PREVIEW_IMAGE_TYPES.has(p.mime)) return 'image';
  return null;
}
