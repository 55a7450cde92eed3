import type { EvidenceFileView } from '../../../../shared/contract/evidence';
import { formatBytesVi, formatDateVi } from '../../../../shared/text/vi';
import { vi } from '../../i18n/vi';
import { hasAnyMeta, numberSymbol } from './evidence-format';

const m = vi.evidence.meta;

/** A file's name and its document facts (loại, số ký hiệu, ngày, cơ quan, trích yếu) in one block. */
export function DocumentFacts({ file }: { file: EvidenceFileView }) {
  const { meta } = file;
  const ns = numberSymbol(meta);
  return (
    <div className="doc-facts">
      <div className="doc-name">
        <strong>{file.originalName}</strong> <span className="muted small">{formatBytesVi(file.size)}</span>
        {!file.metaConfirmed && <span className="tag warn">{vi.evidence.file.unconfirmed}</span>}
      </div>
      {hasAnyMeta(meta) && (
        <dl className="doc-meta">
          {meta.docType && <Fact label={m.docType} value={meta.docType} />}
          {ns && <Fact label={m.numberSymbol} value={ns} />}
          {meta.issueDate && <Fact label={m.issueDate} value={formatDateVi(meta.issueDate)} />}
          {meta.issuer && <Fact label={m.issuer} value={meta.issuer} />}
          {meta.period && <Fact label={m.period} value={meta.period} />}
          {meta.summary && <Fact label={m.summary} value={meta.summary} wide />}
        </dl>
      )}
    </div>
  );
}

function Fact({ label, value, wide }: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={wide ? 'fact wide' : 'fact'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
