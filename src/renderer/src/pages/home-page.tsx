import type { AppInfo } from '../../../shared/contract/app';
import type { UnitProfile } from '../../../shared/contract/profile';
import type { ReportPeriodCode } from '../../../shared/contract/reports';
import { vi } from '../i18n/vi';
import { BackupReminder } from './exchange/backup-reminder';
import { AttentionCard } from './home/attention-card';
import { DomainProgressCard } from './home/domain-progress-card';
import { DossierOverview } from './home/dossier-overview';
import { ScoreChartCard } from './home/score-chart-card';
import { TimelineCard } from './home/timeline-card';
import { useDashboard } from './home/use-dashboard';
import { NextDeadline } from './reports/next-deadline';
import { AppraisalCard } from './home/appraisal-card';
import './home/dashboard.css';
import { PlanDueCard } from './home/plan-due-card';

interface Props {
  info: AppInfo;
  /** The working year's unit profile. */
  profile: UnitProfile;
  onOpenReport(period: ReportPeriodCode): void;
  onOpenBackup?: () => void;
  onOpenPage(page: 'assessment' | 'evidence-verify' | 'review' | 'appraisal' | 'plan'): void;
  /** Opens one item of the year's assessment (a returned comment's item). */
  onOpenItem?: (code: string) => void;
}

/**
 * The year at a glance: where the dossier stands, what needs doing, the score against earlier
 * years, progress per domain and the year's deadlines. Each card is its own component; cards of
 * other domains (plan tasks due, appraisal) take their place in the grid beside these.
 */
export function HomePage({ info, profile: p, onOpenReport, onOpenBackup, onOpenPage, onOpenItem }: Props) {
  const t = vi.home;
  const data = useDashboard(p.year);
  return (
    <section>
      <h1>{t.title}</h1>
      {onOpenBackup && <BackupReminder onOpenBackup={onOpenBackup} />}
      <div className="dashboard">
        <DossierOverview year={p.year} onOpen={onOpenPage} />
        {data?.view && <AttentionCard check={data.check} review={data.review} onOpenItem={(code) => (onOpenItem ? onOpenItem(code) : onOpenPage('assessment'))} onOpenReview={() => onOpenPage('review')} />}
        <NextDeadline year={p.year} onOpen={onOpenReport} />
        <PlanDueCard year={p.year} onOpen={() => onOpenPage('plan')} />
        <AppraisalCard year={p.year} onOpen={() => onOpenPage('appraisal')} />
        {data?.view && <ScoreChartCard view={data.view} history={data.history} />}
        {data?.view && <DomainProgressCard view={data.view} />}
        {data && <TimelineCard periods={data.periods} review={data.review} onOpenReport={onOpenReport} />}
      </div>
      <dl className="facts home-facts">
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
    </section>
  );
}
