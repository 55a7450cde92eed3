import * as appraisal from '../appraisal';
import type { CoreContext } from '../context';

/**
 * What the reporting domain asks of the appraisal domain: the appraised points per item (latest
 * round) and the council's notes, for the "Điểm thẩm định" column of the self-assessment report.
 * Called through a function, not bound at load: the appraisal domain writes its own document with
 * the reporting domain's Decree-30 writer, so the two modules load each other.
 */
export const appraisalAccess = {
  appraisalColumns: (ctx: CoreContext, year: number) => appraisal.appraisalColumns(ctx, year),
};
