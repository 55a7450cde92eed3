import { appendAudit, beforeEdit } from '../review';

/** What the appraisal domain asks of the review domain: the edit guard and the audit log. */
export const reviewAccess = {
  get appendAudit() {
    return appendAudit;
  },
  get beforeEdit() {
    return beforeEdit;
  },
};
