import { useCallback, useEffect, useState } from 'react';
import type { MissingEvidenceReport } from '../../../../shared/contract/assessment';
import { formatPointsVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';

const t = vi.evidence.verify;

/** The year's items that need evidence and have none, per domain, each opening its item. */
export function MissingEvidence({ year, onOpenItem }: { year: number; onOpenItem(code: string): void }) {
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
      <ErrorLine text={error} />
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
