import { useCallback, useEffect, useState } from 'react';
import type { MissingEvidenceReport } from '../../../../shared/contract/assessment';
import type { EvidenceFileRef, EvidenceStatus, EvidenceVerifyReport } from '../../../../shared/contract/evidence';
import { formatPointsVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';
import { formatSize } from './upload-progress';

const t = vi.evidence.verify;

/** "Kiểm tra tài liệu": are the stored files intact, and which items still lack their evidence. */
export function VerifyPage({ year, onOpenItem }: { year: number; onOpenItem(code: string): void }) {
  return (
    <section aria-labelledby="verify-title">
      <h1 id="verify-title">{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <StoreStatus />
      <FileCheck />
      <MissingEvidence year={year} onOpenItem={onOpenItem} />
    </section>
  );
}

/** What the store holds, and what start-up cleaned after an interrupted import, if anything. */
function StoreStatus() {
  const api = useApi();
  const [status, setStatus] = useState<EvidenceStatus | null>(null);
  useEffect(() => {
    void api.call('evidence/status', {}).then((r) => r.ok && setStatus(r.value));
  }, [api]);
  if (!status) return null;
  const recovery = status.lastRecovery;
  const cleaned = recovery ? recovery.removedTempFiles.length + recovery.removedOrphans.length : 0;
  return (
    <div className="store-status" data-testid="store-status">
      <p>{t.storeStatus(status.fileCount, formatSize(status.totalBytes), status.linkCount)}</p>
      {recovery && cleaned > 0 && <p className="muted small">{t.recovered(formatDateTimeVi(recovery.ranAt), cleaned)}</p>}
    </div>
  );
}

/** "20:15 25/11/2026" in Vietnam's time (Intl's short style would print a two-digit year). */
function formatDateTimeVi(iso: string): string {
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ${part('day')}/${part('month')}/${part('year')}`;
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
