import type { UnitType } from '../../../shared/contract/profile';
import type { CriteriaSet } from '../../../shared/criteria/format';
import { ensureBundledSetsOnce } from '../criteria/bundled-sets';
import { getSet, findSetForYear, latestVersion } from '../criteria/criteria-store';
import { scoreSet } from '../criteria/engine';
import type { Db } from '../db/open';

/** What the assessment domain asks of the criteria domain, through its functions only. */
export const criteriaAccess = {
  getSet: (db: Db, id: string, version?: number): CriteriaSet | null => getSet(db, id, version),
  findSetForYear(db: Db, year: number, unitType: UnitType): CriteriaSet | null {
    ensureBundledSetsOnce(db, new Date());
    return findSetForYear(db, year, unitType);
  },
  get scoreSet() {
    return scoreSet;
  },
  /** The newest stored version of a set, or null when the set is unknown. */
  get latestVersion() {
    return latestVersion;
  },
};
