import { scoreSet } from '../criteria/engine';

/** What the appraisal domain asks of the criteria domain: the scoring engine (caps, buckets, N/A). */
export const criteriaAccess = {
  get scoreSet() {
    return scoreSet;
  },
};
