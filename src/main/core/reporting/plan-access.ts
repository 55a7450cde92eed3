import type { ReportPeriodCode } from '../../../shared/contract/reports';
import type { CoreContext } from '../context';
import { getPlanView } from '../plan';
import { statisticsIndicators } from './content-data';

/**
 * What the reporting domain asks of the plan domain: the year's plan and the completion of its
 * tasks in a period's data window (Section I and the biểu số liệu are filled from it).
 */
export const planAccess = { getPlanView: (ctx: CoreContext, year: number) => getPlanView(ctx, year) };

/** The biểu số liệu's plan rows for a period, by indicator code; none while the plan has no tasks (printed "—"). */
export function planStatistics(ctx: CoreContext, year: number, period: ReportPeriodCode): Record<string, number> {
  const view = getPlanView(ctx, year);
  const c = view.periods.find((p) => p.period === period);
  if (view.tasks.length === 0 || !c) return {};
  const out: Record<string, number> = {};
  for (const ind of statisticsIndicators()) {
    if (ind.source) out[ind.code] = ind.source === 'plan-due' ? c.due : c.done;
  }
  return out;
}
