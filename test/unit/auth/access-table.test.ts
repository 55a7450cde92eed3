import { describe, expect, it } from 'vitest';
import { accessOf, CHANNEL_ACCESS, rolesAllow } from '../../../src/shared/contract/access';
import { CHANNEL_NAMES } from '../../../src/shared/contract';

describe('the access table', () => {
  it('lists every contract channel explicitly (add a line to access.ts for each new channel)', () => {
    const missing = CHANNEL_NAMES.filter((name) => !(name in CHANNEL_ACCESS));
    expect(missing, `channels without an access rule: ${missing.join(', ')}`).toEqual([]);
  });

  it('names no channel the contract does not have', () => {
    const extra = Object.keys(CHANNEL_ACCESS).filter((name) => !(CHANNEL_NAMES as string[]).includes(name));
    expect(extra).toEqual([]);
  });

  it('keeps only what sign-in and the first start need public', () => {
    const open = CHANNEL_NAMES.filter((name) => accessOf(name) === 'public').sort();
    expect(open).toEqual(['app/info', 'auth/create-first-admin', 'auth/lock', 'auth/login', 'auth/logout', 'auth/status', 'auth/unlock']);
  });

  it('gives writes to the roles that do them', () => {
    expect(rolesAllow('profile/save', ['officer'])).toBe(true);
    expect(rolesAllow('profile/save', ['admin'])).toBe(true);
    expect(rolesAllow('profile/save', ['leader'])).toBe(false);
    expect(rolesAllow('criteria/import', ['officer'])).toBe(true);
    expect(rolesAllow('criteria/import', ['leader', 'submitter'])).toBe(false);
    expect(rolesAllow('assessment/save-entry', ['leader'])).toBe(false);
    expect(rolesAllow('assessment/get', ['leader'])).toBe(true);
    expect(rolesAllow('accounts/create', ['officer', 'leader', 'submitter'])).toBe(false);
  });
});
