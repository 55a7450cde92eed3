import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/app';
import type { AuditPage, AuditVerifyResult } from '../../../src/shared/contract/review';
import { ADMIN, addAccount, coreWithAdmin, signedIn } from './helpers';

let core: Core;
let cleanup: () => void;

beforeEach(async () => {
  ({ core, cleanup } = await coreWithAdmin());
});
afterEach(() => cleanup());

async function auditEntries(): Promise<AuditPage['entries']> {
  const r = await core.registry.invoke('audit/list', { limit: 100 });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as AuditPage).entries;
}

describe('account and role changes in the audit log', () => {
  it('records who changed whose roles, old and new, and never a password hash', async () => {
    const id = await addAccount(core, 'canbo', ['officer']);
    const admin = await signedIn(core, ADMIN.username, ADMIN.password);
    const r = await core.registry.invoke('accounts/update', { id, roles: ['officer', 'leader'] }, admin);
    expect(r.ok).toBe(true);
    await core.registry.invoke('accounts/reset-password', { id, newPassword: 'matkhaumoi2027' }, admin);

    const entries = await auditEntries();
    const update = entries.find((e) => e.action === 'account.update');
    expect(update).toMatchObject({ subject: 'accounts', target: 'canbo', actorName: expect.stringContaining(ADMIN.displayName) });
    expect(JSON.stringify(update)).toContain('leader');
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['account.create', 'account.update', 'account.reset-password']));
    expect(JSON.stringify(entries)).not.toContain('scrypt$');

    const verify = await core.registry.invoke('audit/verify', {});
    expect(verify.ok && (verify.value as AuditVerifyResult).ok).toBe(true);
  });

  it('logs nothing when a role change is refused', async () => {
    const before = (await auditEntries()).length;
    const admin = await signedIn(core, ADMIN.username, ADMIN.password);
    const adminId = (admin.user as { id: number }).id;
    const r = await core.registry.invoke('accounts/update', { id: adminId, roles: ['officer'] }, admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await auditEntries()).length).toBe(before);
  });
});
