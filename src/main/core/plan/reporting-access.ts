import type { CoreContext } from '../context';
import { listPeriods } from '../reporting';

/**
 * What the plan domain asks of the reporting domain: the year's periods and their data windows.
 * A function, not a copied reference: reporting also reads the plan, and the two modules load in
 * a cycle, so the binding is read when called.
 */
export const reportingAccess = {
  listPeriods: (ctx: CoreContext, year: number) => listPeriods(ctx, year),
};
