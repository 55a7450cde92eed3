import { appendAudit, beforeEdit } from '../review';

/** What the appraisal domain asks of the review domain: the edit guard and the audit log. */
export const reviewAccess = { appendAudit, beforeEdit };
