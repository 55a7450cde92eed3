import type { Handlers } from '../registry';
import { getLatestProfile, getProfile, listProfileYears, saveProfile } from './profile-store';

export const profileHandlers: Pick<Handlers, 'profile/get' | 'profile/latest' | 'profile/years' | 'profile/save'> = {
  'profile/get': ({ year }, { db }) => getProfile(db, year),
  'profile/latest': (_input, { db }) => getLatestProfile(db),
  'profile/years': (_input, { db }) => listProfileYears(db),
  'profile/save': ({ profile }, { db, now }) => saveProfile(db, profile, now()),
};
