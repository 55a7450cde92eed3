import { useEffect, useState } from 'react';
import type { EvidenceFileView } from '../../../../shared/contract/evidence';
import { itemTargetKey } from '../../../../shared/contract/evidence';
import { formatDateVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';

const t = vi.previousEvidence;

/**
 * Last year's files on this item that are not linked to this year: offered, one click each to
 * use them again, never linked on their own (a plan dated last year rarely proves this year).
 */
export function PreviousYearEvidence({ year, code, onLinked }: { year: number; code: string; onLinked(): void }) {
  const api = useApi();
  const [files, setFiles] = useState<EvidenceFileView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const here = itemTargetKey(year, code);

  useEffect(() => {
    let live = true;
    void api.call('evidence/links', { target: { type: 'item', key: itemTargetKey(year - 1, code) } }).then((r) => {
      if (live && r.ok) setFiles(r.value.filter((f) => !f.links.some((l) => l.type === 'item' && l.key === here)));
    });
    return () => {
      live = false;
    };
  }, [api, year, code, here, revision]);

  async function use(file: EvidenceFileView) {
    setError(null);
    const r = await api.call('evidence/link', { fileId: file.id, targets: [{ type: 'item', key: here }] });
    if (!r.ok) return setError(r.error.message);
    setRevision((n) => n + 1);
    onLinked();
  }

  if (files.length === 0) return null;
  return (
    <section className="guidance previous-evidence" aria-label={t.title(year - 1)}>
      <h3>{t.title(year - 1)}</h3>
      <ul>
        {files.map((f) => (
          <li key={f.id}>
            {f.originalName}
            {f.meta.issueDate && <span className="muted small"> ({formatDateVi(f.meta.issueDate)})</span>}{' '}
            <button type="button" className="link" onClick={() => void use(f)}>
              {t.use}
            </button>
          </li>
        ))}
      </ul>
      <ErrorLine text={error} />
    </section>
  );
}
