import { listPeriods } from '../reporting';

/** What the plan domain asks of the reporting domain: the year's periods and their data windows. */
export const reportingAccess = { listPeriods };
