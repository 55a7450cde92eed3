import type { ReportEvidenceRef } from '../../../../shared/contract/reports';
import { formatDateVi } from '../../../../shared/text/vi';
import { vi } from '../../i18n/vi';

const t = vi.reports.evidence;

/** The tài liệu kiểm chứng linked to a section, so the officer can cite them by number and date. */
export function SectionEvidence({ evidence }: { evidence: ReportEvidenceRef[] }) {
  if (evidence.length === 0) return null;
  return (
    <section className="section-evidence" aria-labelledby="section-evidence-title">
      <h3 id="section-evidence-title">{t.title(evidence.length)}</h3>
      <ul>
        {evidence.map((e) => (
          <li key={e.fileId}>
            {e.docNumber && <strong>{e.docNumber}</strong>}
            {e.issueDate && <span className="muted"> {t.dated(formatDateVi(e.issueDate))}</span>}
            {(e.docNumber || e.issueDate) && ': '}
            {e.summary || e.originalName}
          </li>
        ))}
      </ul>
    </section>
  );
}
