import { countLinks, listLinkedEvidence, type LinkedEvidence } from '../evidence';

/** What the appraisal domain asks of the evidence domain: the tài liệu bổ sung linked to a giải trình item. */
export type { LinkedEvidence };
export const evidenceAccess = {
  get countLinks() {
    return countLinks;
  },
  get listLinkedEvidence() {
    return listLinkedEvidence;
  },
};
