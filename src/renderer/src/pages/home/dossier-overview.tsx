import { useEffect, useState } from 'react';
import type { AssessmentView, MissingEvidenceReport } from '../../../../shared/contract/assessment';
import type { ReviewStatus } from '../../../../shared/contract/review';
import { assessmentProgress } from '../../../../shared/assessment/progress';
import { VERSION_STATUS_LABELS } from '../../../../shared/review-labels';
import { formatPercentVi, formatPointsVi } from '../../../../shared/text/vi';
import { useApi } from '../../api/context';
import { vi } from '../../i18n/vi';

const t = vi.home.overview;

interface Overview {
  view: AssessmentView;
  missing: MissingEvidenceReport | null;
  review: ReviewStatus | null;
}

/**
 * Where the year's dossier stands, at a glance: items done, points and band, items still without
 * tài liệu kiểm chứng, and where it is in the review chain. Each line opens the page that fixes it.
 */
export function DossierOverview({ year, onOpen }: { year: number; onOpen(page: 'assessment' | 'evidence-verify' | 'review'): void }) {
  const api = useApi();
  const [overview, setOverview] = useState<Overview | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void (async () => {
      const got = await api.call('assessment/get', { year });
      if (!got.ok || !got.value) return live && setOverview(null);
      const [missing, review] = await Promise.all([api.call('assessment/missing-evidence', { year }), api.call('review/status', { kind: 'assessment', key: String(year) })]);
      if (live) setOverview({ view: got.value, missing: missing.ok ? missing.value : null, review: review.ok ? review.value : null });
    })();
    return () => {
      live = false;
    };
  }, [api, year]);

  if (overview === undefined) return null;
  if (overview === null) {
    return (
      <section className="panel overview" aria-labelledby="overview-title">
        <h2 id="overview-title">{t.title(year)}</h2>
        <p>{t.notStarted}</p>
        <button type="button" className="primary" onClick={() => onOpen('assessment')}>
          {t.start}
        </button>
      </section>
    );
  }

  const { view, missing, review } = overview;
  const progress = assessmentProgress(view);
  return (
    <section className="panel overview" aria-labelledby="overview-title">
      <h2 id="overview-title">{t.title(year)}</h2>
      <dl className="facts">
        <dt>{t.progress}</dt>
        <dd data-testid="overview-progress">{t.done(progress.done, progress.total)}</dd>
        <dt>{t.points}</dt>
        <dd data-testid="overview-points">
          {t.score(formatPointsVi(view.score.total), formatPointsVi(view.score.max), formatPercentVi(view.score.percent), view.score.band)}
        </dd>
        {missing && (
          <>
            <dt>{t.evidence}</dt>
            <dd data-testid="overview-evidence">
              {missing.missingCount === 0 ? t.evidenceComplete : t.evidenceMissing(missing.missingCount, missing.requiredCount)}{' '}
              {missing.missingCount > 0 && (
                <button type="button" className="link" onClick={() => onOpen('evidence-verify')}>
                  {t.seeMissing}
                </button>
              )}
            </dd>
          </>
        )}
        {review && (
          <>
            <dt>{t.review}</dt>
            <dd data-testid="overview-review">
              {versionLine(review)}{' '}
              <button type="button" className="link" onClick={() => onOpen('review')}>
                {t.openReview}
              </button>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** "Phiên bản 1 đã duyệt; phiên bản 2: Đang soạn." — a later draft never hides that an earlier version was approved. */
function versionLine(review: ReviewStatus): string {
  const current = review.current;
  const approved = review.versions.find((v) => v.status === 'approved' && v.versionNo < current.versionNo);
  const status = VERSION_STATUS_LABELS[current.status];
  return approved && current.status !== 'approved' ? t.approvedThen(approved.versionNo, current.versionNo, status) : t.version(current.versionNo, status);
}
