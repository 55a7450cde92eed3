import { useState } from 'react';
import type { EvidenceFileRef, EvidenceFileView, EvidenceVerifyReport } from '../../../../shared/contract/evidence';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { ItemLinks } from './item-links';

const t = vi.evidence.verify;

/** Re-hashing every file reads the whole store, so it runs when asked, not on opening the page. */
export function FileCheck({ year, onOpenItem }: { year: number; onOpenItem(code: string): void }) {
  const api = useApi();
  const [report, setReport] = useState<EvidenceVerifyReport | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The items each damaged file supports: what the officer must re-attach evidence for.
  const [details, setDetails] = useState<Map<number, EvidenceFileView>>(new Map());

  async function run() {
    setRunning(true);
    setError(null);
    const r = await api.call('evidence/verify', {});
    if (!r.ok) {
      setRunning(false);
      return setError(r.error.message);
    }
    const bad = [...r.value.missing, ...r.value.altered];
    const found = await Promise.all(bad.map((f) => api.call('evidence/get', { fileId: f.id })));
    setDetails(new Map(found.flatMap((d) => (d.ok ? [[d.value.id, d.value] as const] : []))));
    setReport(r.value);
    setRunning(false);
  }

  const bad = report ? report.missing.length + report.altered.length : 0;
  return (
    <div className="panel verify-panel" aria-labelledby="verify-files-title">
      <h2 id="verify-files-title">{t.filesTitle}</h2>
      <div className="row">
        <button type="button" className="primary" onClick={() => void run()} disabled={running}>
          {running ? t.running : t.run}
        </button>
      </div>
      <ErrorLine text={error} />
      {report && (
        <>
          <p className={bad ? 'error' : 'success'} role="status" data-testid="verify-summary">
            {bad ? t.problems(bad, report.checkedFiles) : t.allGood(report.checkedFiles)}
          </p>
          {bad > 0 && (
            <table className="grid">
              <thead>
                <tr>
                  <th>{t.file}</th>
                  <th>{t.problem}</th>
                  <th>{t.usedBy}</th>
                </tr>
              </thead>
              <tbody>
                <FileRows files={report.missing} problem={t.missing} details={details} year={year} onOpenItem={onOpenItem} />
                <FileRows files={report.altered} problem={t.altered} details={details} year={year} onOpenItem={onOpenItem} />
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

interface RowsProps {
  files: EvidenceFileRef[];
  problem: string;
  details: Map<number, EvidenceFileView>;
  year: number;
  onOpenItem(code: string): void;
}

function FileRows({ files, problem, details, year, onOpenItem }: RowsProps) {
  return files.map((f) => {
    const detail = details.get(f.id);
    return (
      <tr key={f.id}>
        <td>{f.originalName}</td>
        <td className="warn-text">{problem}</td>
        <td>{detail ? <ItemLinks file={detail} year={year} onOpenItem={onOpenItem} withLabel={false} /> : f.linkCount}</td>
      </tr>
    );
  });
}
