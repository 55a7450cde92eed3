import { useCallback, useEffect, useState } from 'react';
import type { MissingEvidenceReport } from '../../../../shared/contract/assessment';
import type { EvidenceFileRef, EvidenceVerifyReport } from '../../../../shared/contract/evidence';
import { formatPointsVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';

const t = vi.evidence.verify;

/** "Kiểm tra tài liệu": are the stored files intact, and which items still lack their evidence. */
export function VerifyPage({ year, onOpenItem }: { year: number; onOpenItem(code: string): void }) {
  return (
    <section aria-labelledby="verify-title">
      <h1 id="verify-title">{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <FileCheck />
      <MissingEvidence year={year} onOpenItem={onOpenItem} />
    </section>
  );
}

/** Re-hashing every file reads the whole store, so it runs when asked, not on opening the page. */
function FileCheck() {
  const api = useApi();
  const [report, setReport] = useState<EvidenceVerifyReport | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setRunning(true);
    setError(null);
    const r = await api.call('evidence/verify', {});
    setRunning(false);
    if (r.ok) setReport(r.value);
    else setError(r.error.message);
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
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
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
                  <th className="num">{t.linkCount}</th>
                </tr>
              </thead>
              <tbody>
                <FileRows files={report.missing} problem={t.missing} />
                <FileRows files={report.altered} problem={t.altered} />
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

function FileRows({ files, problem }: { files: EvidenceFileRef[]; problem: string }) {
  return files.map((f) => (
    <tr key={f.id}>
      <td>{f.originalName}</td>
      <td className="warn-text">{problem}</td>
      <td className="num">{f.linkCount}</td>
    </tr>
  ));
}

function MissingEvidence({ year, onOpenItem }: { year: number; onOpenItem(code: string): void }) {
  const api = useApi();
  const [report, setReport] = useState<MissingEvidenceReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.call('assessment/missing-evidence', { year });
    if (r.ok) setReport(r.value);
    else setError(r.error.message);
  }, [api, year]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="panel verify-panel" aria-labelledby="missing-title">
      <h2 id="missing-title">{t.missingItemsTitle(year)}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <>
          <p className={report.missingCount ? 'warn-text' : 'ok-text'} data-testid="missing-summary">
            {report.missingCount ? t.missingCount(report.missingCount, report.requiredCount) : t.noMissingItems}
          </p>
          {report.domains.map((domain) => (
            <section key={domain.code} className="missing-domain" aria-label={`${domain.code}. ${domain.title}`}>
              <h3>
                {domain.code}. {domain.title}
              </h3>
              <ul className="plain-list">
                {domain.items.map((item) => (
                  <li key={item.code}>
                    <button type="button" className="link" onClick={() => onOpenItem(item.code)}>
                      {item.code} {item.title}
                    </button>{' '}
                    <span className="muted small">({formatPointsVi(item.maxPoints)} điểm)</span>
                    <div className="small">
                      {t.required}: {item.evidenceRequired}
                    </div>
                    {!item.hasExplanation && <div className="small warn-text">{t.noExplanation}</div>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
