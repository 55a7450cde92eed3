import { z } from 'zod';
import { channel } from './define';
import type { UnitProfile } from './profile';

export interface AppInfo {
  appVersion: string;
  dataDir: string;
  schemaVersion: number;
  latestProfile: UnitProfile | null;
}

export const appChannels = {
  'app/info': channel<AppInfo>()(z.strictObject({})),
};
