import { useState } from 'react';
import type { ReportPeriodCode } from '../../../../shared/contract/reports';
import type { CheckTarget, SubjectKind } from '../../../../shared/contract/review';
import { PeriodsDashboard } from './periods-dashboard';
import { ReportEditor } from './report-editor';

interface Props {
  year: number;
  initialPeriod?: ReportPeriodCode | undefined;
  /** Opens an assessment item a finding of the check before generating names. */
  onOpenItem?(code: string): void;
  /** Opens where a newer criteria set version is announced and switched (the assessment page). */
  onOpenCriteria?(): void;
}

/** "Báo cáo": the periods of the profile's year; opening one shows its report. */
export function ReportsPage({ year, initialPeriod, onOpenItem, onOpenCriteria }: Props) {
  const [open, setOpen] = useState<ReportPeriodCode | null>(initialPeriod ?? null);
  const [section, setSection] = useState<string | undefined>(undefined);
  const openTarget = (target: CheckTarget, subject: { kind: SubjectKind; key: string }) => {
    if (target.type === 'item') onOpenItem?.(target.code);
    else if (target.type === 'criteria') onOpenCriteria?.();
    else if (target.type === 'section' && subject.kind === 'report') {
      setSection(target.code);
      setOpen(subject.key.split(':')[1] as ReportPeriodCode);
    }
  };
  return open ? (
    <ReportEditor
      key={open}
      year={year}
      period={open}
      initialSection={section}
      onOpenTarget={openTarget}
      onBack={() => {
        setSection(undefined);
        setOpen(null);
      }}
    />
  ) : (
    <PeriodsDashboard year={year} onOpen={setOpen} onOpenTarget={openTarget} />
  );
}
