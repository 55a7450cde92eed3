import { useState } from 'react';
import type { ReportPeriodCode } from '../../../../shared/contract/reports';
import { PeriodsDashboard } from './periods-dashboard';
import { ReportEditor } from './report-editor';

/** "Báo cáo": the periods of the profile's year; opening one shows its report. */
export function ReportsPage({ year, initialPeriod }: { year: number; initialPeriod?: ReportPeriodCode | undefined }) {
  const [open, setOpen] = useState<ReportPeriodCode | null>(initialPeriod ?? null);
  return open ? (
    <ReportEditor key={open} year={year} period={open} onBack={() => setOpen(null)} />
  ) : (
    <PeriodsDashboard year={year} onOpen={setOpen} />
  );
}
