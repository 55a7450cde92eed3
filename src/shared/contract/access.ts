import type { Role } from './define';
import type { ChannelName } from './index';

/**
 * Who may call each channel, in one table so the whole policy can be read at once.
 * - 'public': anyone, also before sign-in (what the sign-in and first-start screens need).
 * - 'signed-in': any person signed in, whatever their roles (reading).
 * - a list of roles: a signed-in person holding at least one of them.
 * A channel missing here is treated as 'signed-in' (default deny for strangers) and a test
 * insists that every channel is listed.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

const OFFICER: readonly Role[] = ['officer'];
const ADMIN: readonly Role[] = ['admin'];

export const CHANNEL_ACCESS: Partial<Record<ChannelName, Access>> = {
  'app/info': 'public',
  'auth/status': 'public',
  'auth/login': 'public',
  'auth/logout': 'public',
  'auth/unlock': 'public',
  'auth/create-first-admin': 'public',
  'auth/change-password': 'signed-in',
  'accounts/list': ADMIN,
  'accounts/create': ADMIN,
  'accounts/update': ADMIN,

  'profile/get': 'signed-in',
  'profile/latest': 'signed-in',
  'profile/years': 'signed-in',
  'profile/save': ['officer', 'admin'],

  'criteria/list': 'signed-in',
  'criteria/get': 'signed-in',
  'criteria/preview': OFFICER,
  'criteria/import': OFFICER,
  'criteria/export': 'signed-in',
  'criteria/template': 'signed-in',

  'assessment/list': 'signed-in',
  'assessment/get': 'signed-in',
  'assessment/compare': 'signed-in',
  'assessment/open': OFFICER,
  'assessment/save-entry': OFFICER,
  'assessment/carry-over': OFFICER,

  // Exporting sends the unit's approved dossier out: the submitter's job. Verifying and opening a
  // received package only reads it, so anyone signed in (Sở Nội vụ staff included) may.
  'package/export': ['submitter'],
  'package/verify': 'signed-in',
  'package/open': 'signed-in',
  'package/list-opened': 'signed-in',
  'package/get-opened': 'signed-in',
  'exchange/job': 'signed-in',
  'backup/create': ADMIN,
  'backup/status': 'signed-in',
};

export function accessOf(channel: ChannelName): Access {
  return CHANNEL_ACCESS[channel] ?? 'signed-in';
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'quản trị',
  officer: 'cán bộ đầu mối',
  leader: 'lãnh đạo',
  submitter: 'người nộp hồ sơ',
};
