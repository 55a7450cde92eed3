import { latestVersion } from '../criteria/criteria-store';
import type { Db } from '../db/open';

/** What the review domain asks of the criteria domain: the newest stored version of a set. */
export const criteriaAccess = {
  latestSetVersion(db: Db, setId: string): number | null {
    return latestVersion(db, setId);
  },
};
