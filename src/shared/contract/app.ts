import { z } from 'zod';
import { channel } from './define';
import type { UnitProfile } from './profile';
import type { EvidenceRecoveryReport } from './evidence';

export interface AppInfo {
  appVersion: string;
  dataDir: string;
  schemaVersion: number;
  latestProfile: UnitProfile | null;
  /** What this start-up cleaned or quarantined (null if its clean-up failed). */
  startup: EvidenceRecoveryReport | null;
}

export const appChannels = {
  'app/info': channel<AppInfo>()(z.strictObject({})),
};
