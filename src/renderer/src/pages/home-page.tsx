import type { AppInfo } from '../../../shared/contract/app';
import type { UnitProfile } from '../../../shared/contract/profile';
import type { ReportPeriodCode } from '../../../shared/contract/reports';
import { vi } from '../i18n/vi';
import { BackupReminder } from './exchange/backup-reminder';
import { DossierOverview } from './home/dossier-overview';
import { NextDeadline } from './reports/next-deadline';
import { PlanDueCard } from './home/plan-due-card';

interface Props {
  info: AppInfo;
  /** The working year's unit profile. */
  profile: UnitProfile;
  onOpenReport(period: ReportPeriodCode): void;
  onOpenBackup?: () => void;
  onOpenPage(page: 'assessment' | 'evidence-verify' | 'review' | 'plan'): void;
}

export function HomePage({ info, profile: p, onOpenReport, onOpenBackup, onOpenPage }: Props) {
  const t = vi.home;
  return (
    <section>
      <h1>{t.title}</h1>
      {onOpenBackup && <BackupReminder onOpenBackup={onOpenBackup} />}
      <dl className="facts">
        <dt>{t.unit}</dt>
        <dd data-testid="home-unit">{p.name} ({p.shortName})</dd>
        <dt>{t.year}</dt>
        <dd>{p.year}</dd>
        <dt>{t.focalOfficer}</dt>
        <dd>{p.focalOfficerName}</dd>
        <dt>{t.leader}</dt>
        <dd>
          {p.leaderTitle} {p.leaderName}
        </dd>
        <dt>{t.dataDir}</dt>
        <dd className="mono">{info.dataDir}</dd>
      </dl>
      <DossierOverview year={p.year} onOpen={onOpenPage} />
      <NextDeadline year={p.year} onOpen={onOpenReport} />
      <PlanDueCard year={p.year} onOpen={() => onOpenPage('plan')} />
    </section>
  );
}
