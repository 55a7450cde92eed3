import type { UnitProfile } from '../../../shared/contract/profile';
import { hasSavedEntries, startFromApproved, type ApprovedItemInput, type StartFromApprovedResult } from '../assessment/assessment-service';
import type { CoreContext } from '../context';
import { ensureBundledSetsOnce } from '../criteria/bundled-sets';
import { getSet } from '../criteria/criteria-store';
import type { Db } from '../db/open';
import { storeFileAsEvidence } from '../evidence';
import { getProfile } from '../profile/profile-store';

/**
 * What "continue from a package" asks of the other domains: the unit profile, the criteria set,
 * the assessment (which writes entries, links and the audit entry in one transaction) and the
 * evidence store (which streams each file in).
 */
export const continueAccess = {
  profile: (db: Db, year: number): UnitProfile | null => getProfile(db, year),
  /** The set by id and version; bundled sets are loaded first, as opening an assessment does. */
  hasSet(db: Db, id: string, version: number, now: Date): boolean {
    ensureBundledSetsOnce(db, now);
    return getSet(db, id, version)?.version === version;
  },
  /** True when the year's assessment has any saved entry (never overwritten). */
  hasEntries: (ctx: CoreContext, year: number): boolean => hasSavedEntries(ctx, year),
  storeFile: (db: Db, dataDir: string, path: string, name: string) => storeFileAsEvidence(db, dataDir, path, name),
  startFromApproved: (
    ctx: CoreContext,
    input: { year: number; setId: string; setVersion: number; items: ApprovedItemInput[]; audit: Record<string, unknown> },
  ): StartFromApprovedResult => startFromApproved(ctx, input),
};
