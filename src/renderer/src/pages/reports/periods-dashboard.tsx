import { useEffect, useState } from 'react';
import type { ReportPeriodCode, ReportPeriodInfo } from '../../../../shared/contract/reports';
import type { CheckTarget, SubjectKind } from '../../../../shared/contract/review';
import { useApi } from '../../api/context';
import { ErrorLine } from '../../components/message-line';
import { vi } from '../../i18n/vi';
import { GeneratePanel } from './generate-panel';
import { PeriodCard } from './period-card';

const t = vi.reports;

/** The year's reporting periods as cards, and the documents that can be produced from them. */
export function PeriodsDashboard({
  year,
  onOpen,
  onOpenTarget,
}: {
  year: number;
  onOpen(period: ReportPeriodCode): void;
  onOpenTarget?(target: CheckTarget, subject: { kind: SubjectKind; key: string }): void;
}) {
  const api = useApi();
  const [periods, setPeriods] = useState<ReportPeriodInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.call('reports/periods', { year }).then((r) => (r.ok ? setPeriods(r.value) : setError(r.error.message)));
  }, [api, year]);

  return (
    <section>
      <h1>
        {t.title} — {year}
      </h1>
      <p className="muted">{t.intro}</p>
      <ErrorLine text={error} />
      {!periods && !error && <p>{vi.loading}</p>}
      {periods && (
        <>
          <div className="period-grid">
            {periods.map((p) => (
              <PeriodCard key={p.code} period={p} onOpen={() => onOpen(p.code)} />
            ))}
          </div>
          <GeneratePanel year={year} periods={periods} onOpenTarget={onOpenTarget} />
        </>
      )}
    </section>
  );
}
