import type { Handlers } from './registry';
import { schemaVersion } from './db/open';
import { getLatestProfile } from './profile/profile-store';
import { lastRecovery } from './evidence';

export const appHandlers: Pick<Handlers, 'app/info'> = {
  'app/info': (_input, { db, dataDir, appVersion }) => ({
    appVersion,
    dataDir,
    schemaVersion: schemaVersion(db),
    latestProfile: getLatestProfile(db),
    startup: lastRecovery(db),
  }),
};
