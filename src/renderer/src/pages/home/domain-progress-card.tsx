import type { AssessmentView } from '../../../../shared/contract/assessment';
import { assessmentProgress } from '../../../../shared/assessment/progress';
import { formatPointsVi } from '../../../../shared/text/vi';
import { vi } from '../../i18n/vi';

const t = vi.dashboard;

/**
 * Per domain: how many items are done (the one definition of done) and the points, self-scored
 * against the maximum. The appraised points join here once the appraisal domain knows them.
 */
export function DomainProgressCard({ view }: { view: AssessmentView }) {
  const progress = assessmentProgress(view);
  return (
    <section className="panel dash-card" aria-labelledby="domain-progress-title">
      <h2 id="domain-progress-title">{t.domainsTitle}</h2>
      <p className="small muted">{vi.itemReview.progressRule}</p>
      <ul className="domain-bars">
        {view.score.domains.map((d) => {
          const p = progress.domains[d.code] ?? { done: 0, total: 0 };
          return (
            <li key={d.code} data-testid={`domain-progress-${d.code}`}>
              <div className="row between">
                <span>
                  <span className="code">{d.code}</span> {d.title}
                </span>
                <span className="small nowrap">
                  {t.points(formatPointsVi(d.points), formatPointsVi(d.max))}
                </span>
              </div>
              <progress max={Math.max(1, p.total)} value={p.done} aria-label={t.domainDone(d.title, p.done, p.total)} />
              <span className="small muted">{t.done(p.done, p.total)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
