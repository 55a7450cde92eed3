import { useEffect, useState } from 'react';
import type { AssessmentSummary, AssessmentView } from '../../../../shared/contract/assessment';
import type { ReportPeriodInfo } from '../../../../shared/contract/reports';
import type { CheckResult, ReviewStatus } from '../../../../shared/contract/review';
import { useApi } from '../../api/context';

/** What the home dashboard reads for the working year, in one go; each part may be missing. */
export interface DashboardData {
  year: number;
  view: AssessmentView | null;
  /** Earlier years' assessments (for the chart), oldest first, at most the four before this one. */
  history: AssessmentView[];
  review: ReviewStatus | null;
  check: CheckResult | null;
  periods: ReportPeriodInfo[];
}

export function useDashboard(year: number): DashboardData | undefined {
  const api = useApi();
  const [data, setData] = useState<DashboardData | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void (async () => {
      const [view, list, periods] = await Promise.all([
        api.call('assessment/get', { year }),
        api.call('assessment/list', {}),
        api.call('reports/periods', { year }),
      ]);
      const current = view.ok ? view.value : null;
      const earlier = list.ok ? list.value.filter((a: AssessmentSummary) => a.year < year).sort((a, b) => a.year - b.year).slice(-4) : [];
      const [history, review, check] = await Promise.all([
        Promise.all(earlier.map((a) => api.call('assessment/get', { year: a.year }))),
        current ? api.call('review/status', { kind: 'assessment', key: String(year) }) : null,
        current ? api.call('review/check', { kind: 'assessment', key: String(year), action: 'submit' }) : null,
      ]);
      if (!live) return;
      setData({
        year,
        view: current,
        history: history.flatMap((r) => (r.ok && r.value ? [r.value] : [])),
        review: review?.ok ? review.value : null,
        check: check?.ok ? check.value : null,
        periods: periods.ok ? periods.value : [],
      });
    })();
    return () => {
      live = false;
    };
  }, [api, year]);

  return data;
}
