import type { Role } from './define';
import type { ChannelName } from './index';

/**
 * Who may call each channel, in one table so the whole policy can be read at once.
 * - 'public': anyone, also before sign-in (what the sign-in and first-start screens need).
 * - 'signed-in': any person signed in, whatever their roles (reading).
 * - a list of roles: a signed-in person holding at least one of them.
 * A channel missing here is open to administrators only (deny by default: an unlisted write
 * channel must not fall open to every signed-in person), and a test insists that every channel
 * is listed, so the fallback is a safety net, not a policy.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

const OFFICER: readonly Role[] = ['officer'];
const ADMIN: readonly Role[] = ['admin'];
const LEADER: readonly Role[] = ['leader'];

export const CHANNEL_ACCESS: Partial<Record<ChannelName, Access>> = {
  'app/info': 'public',
  'auth/status': 'public',
  'auth/login': 'public',
  'auth/logout': 'public',
  'auth/unlock': 'public',
  'auth/create-first-admin': 'public',
  'auth/lock': 'public',
  'auth/activity': 'signed-in',
  'auth/change-password': 'signed-in',
  'accounts/list': ADMIN,
  'accounts/create': ADMIN,
  'accounts/update': ADMIN,
  'accounts/reset-password': ADMIN,
  'accounts/set-lock-minutes': ADMIN,

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

  'reports/periods': 'signed-in',
  'reports/get': 'signed-in',
  'reports/save-section': OFFICER,
  'reports/save-statistics': OFFICER,
  'reports/start-from-previous': OFFICER,
  'reports/prefill-from-assessment': OFFICER,
  // Reading: the officer drafts, the leader reviews the files, the submitter packs them.
  'reports/generate': 'signed-in',
  // Review chain: the officer prepares and sends, the leader returns or approves.
  'review/status': 'signed-in',
  'review/comments': 'signed-in',
  'review/version': 'signed-in',
  'review/verify-version': 'signed-in',
  'review/document': 'signed-in',
  'review/submit': OFFICER,
  'review/resolve-comment': OFFICER,
  'review/attach-signed': OFFICER,
  'review/return': LEADER,
  'review/approve': LEADER,
  'audit/list': 'signed-in',
  'audit/verify': 'signed-in',
  'audit/export': ['leader', 'admin'],
  'assessment/missing-evidence': 'signed-in',

  // Attaching, linking and describing evidence is the officer's job; everyone signed in may
  // find, read, preview and check it (the leader reviews with it).
  'evidence/upload-begin': OFFICER,
  'evidence/upload-chunk': OFFICER,
  'evidence/upload-bytes': OFFICER,
  'evidence/upload-finish': OFFICER,
  'evidence/upload-cancel': OFFICER,
  'evidence/local-import-begin': OFFICER,
  'evidence/local-import-status': OFFICER,
  'evidence/local-import-cancel': OFFICER,
  'evidence/link': OFFICER,
  'evidence/unlink': OFFICER,
  'evidence/delete': OFFICER,
  'evidence/update-meta': OFFICER,
  'evidence/links': 'signed-in',
  'evidence/list': 'signed-in',
  'evidence/get': 'signed-in',
  'evidence/search': 'signed-in',
  'evidence/verify': 'signed-in',
  'evidence/status': 'signed-in',
  'evidence/preview': 'signed-in',
  'evidence/open': 'signed-in',
  'evidence/show-in-folder': 'signed-in',
  // Exporting sends the unit's approved dossier out: the submitter's job. Verifying and opening a
  // received package only reads it, so anyone signed in (Sở Nội vụ staff included) may.
  'package/export': ['submitter'],
  'package/verify': 'signed-in',
  'package/open': 'signed-in',
  'package/list-opened': 'signed-in',
  'package/get-opened': 'signed-in',
  // Continuing writes the year's draft: the officer's job, like saving an entry.
  'package/continue': OFFICER,
  'exchange/job': 'signed-in',
  'exchange/job-cancel': ['submitter', 'admin'],
  'backup/create': ADMIN,
  'backup/status': 'signed-in',
  // Showing a written export in its folder reads nothing; restoring and switching the data folder
  // replace what everybody works on: the administrator's, like the backup.
  'output/show-in-folder': 'signed-in',
  'backup/restore': ADMIN,
  'backup/restore-preview': ADMIN,
  'app/switch-data-folder': ADMIN,
  'evidence/catalog': 'signed-in',
  // Review item by item: a leader's unsent comments are theirs; the rounds and the check are read by all.
  'review/drafts': LEADER,
  'review/save-draft': LEADER,
  'review/history': 'signed-in',
  'review/check': 'signed-in',
  'review/open-version': OFFICER,

  // Appraisal: reading is for everyone signed in; importing Sở Nội vụ's results and writing the
  // giải trình is the officer's job (the leader approves the giải trình through review/*).
  'appraisal/get': 'signed-in',
  'appraisal/score': 'signed-in',
  'appraisal/template': 'signed-in',
  'appraisal/generate': 'signed-in',
  'appraisal/import': OFFICER,
  'appraisal/set-deadline': OFFICER,
  'appraisal/save-giai-trinh': OFFICER,
  'appraisal/set-outcome': OFFICER,
  'assessment/note-get': 'signed-in',
  'assessment/note-save': OFFICER,
  'assessment/document-warnings': 'signed-in',
  // The year's CCHC plan: the officer keeps it; everyone signed in reads it (the leader follows it).
  'plan/get': 'signed-in',
  'plan/due': 'signed-in',
  'plan/template': 'signed-in',
  'plan/criterion-facts': 'signed-in',
  'plan/save': OFFICER,
  'plan/save-task': OFFICER,
  'plan/delete-task': OFFICER,
  'plan/import': OFFICER,
  'plan/add-remediation': OFFICER,
  // Recording that a report was sent is the officer's (or the submitter's) job.
  'reports/mark-sent': ['officer', 'submitter'],
  'reports/unmark-sent': ['officer', 'submitter'],
  'reports/sending-record': 'signed-in',
  // A newer criteria set version: anyone reads the announcement; switching rewrites the officer's answers.
  'assessment/set-status': 'signed-in',
  'assessment/switch-set-version': OFFICER,
  'reports/document-options': 'signed-in',
  'reports/save-document-options': OFFICER,
  // Last year's answers as suggestions: confirming or dropping one is the officer's edit.
  'assessment/suggestions': 'signed-in',
  'assessment/use-suggestion': OFFICER,
  'assessment/dismiss-suggestion': OFFICER,
};

export function accessOf(channel: ChannelName): Access {
  return CHANNEL_ACCESS[channel] ?? ADMIN;
}

/** Whether a person holding these roles may call the channel (the UI uses it to hide actions). */
export function rolesAllow(channel: ChannelName, roles: readonly Role[]): boolean {
  const access = accessOf(channel);
  return access === 'public' || access === 'signed-in' || access.some((role) => roles.includes(role));
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'quản trị',
  officer: 'cán bộ đầu mối',
  leader: 'lãnh đạo',
  submitter: 'người nộp hồ sơ',
};
