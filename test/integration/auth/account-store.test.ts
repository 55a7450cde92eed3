import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/app';
import { findAccountWithHash, listAccounts } from '../../../src/main/core/auth/account-store';
import { verifyPassword } from '../../../src/main/core/auth/password';
import { ADMIN, addAccount, coreWithAdmin, PASSWORD } from './helpers';

let core: Core;
let cleanup: () => void;

beforeEach(async () => {
  ({ core, cleanup } = await coreWithAdmin());
});
afterEach(() => cleanup());

describe('accounts', () => {
  it('makes the first account the administrator, holding every role unless told otherwise', () => {
    const [admin] = listAccounts(core.db);
    expect(admin).toMatchObject({ username: 'quantri', displayName: 'Nguyễn Thị Quản Trị', disabled: false });
    expect([...admin!.roles].sort()).toEqual(['admin', 'leader', 'officer', 'submitter']);
  });

  it('creates the first administrator only once', async () => {
    const again = await core.registry.invoke('auth/create-first-admin', { ...ADMIN, username: 'keganh' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Đã có tài khoản quản trị; hãy đăng nhập.' } });
    expect(listAccounts(core.db)).toHaveLength(1);
  });

  it('keeps admin when the first administrator ticks only some roles', async () => {
    const { core: fresh, cleanup: done } = await coreWithAdmin();
    fresh.db.prepare('DELETE FROM account').run();
    const r = await fresh.registry.invoke('auth/create-first-admin', { ...ADMIN, roles: ['leader'] });
    expect(r).toMatchObject({ ok: true, value: { roles: ['admin', 'leader'] } });
    done();
  });

  it('stores a salted hash, never the password', () => {
    const row = core.db.prepare('SELECT password_hash FROM account').get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
  });

  it('refuses a duplicate username, whatever its case, and changes nothing', async () => {
    await addAccount(core, 'lanhdao', ['leader']);
    const dup = await core.registry.invoke('accounts/create', { username: 'LanhDao', displayName: 'Khác', password: PASSWORD, roles: ['officer'] });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Tên đăng nhập «LanhDao» đã có.' } });
    expect(listAccounts(core.db).map((a) => a.username)).toEqual(['quantri', 'lanhdao']);
  });

  it('refuses a weak password with a Vietnamese message', async () => {
    const weak = await core.registry.invoke('accounts/create', { username: 'yeu', displayName: 'Yếu', password: 'abcdefgh', roles: ['officer'] });
    expect(weak).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(weak.ok || weak.error.message).toContain('Mật khẩu cần có cả chữ cái và chữ số.');
    expect(listAccounts(core.db)).toHaveLength(1);
  });

  it('changes roles and disables an account', async () => {
    const id = await addAccount(core, 'canbo', ['officer']);
    expect(await core.registry.invoke('accounts/update', { id, roles: ['officer', 'submitter'] })).toMatchObject({ ok: true, value: { roles: ['officer', 'submitter'] } });
    expect(await core.registry.invoke('accounts/update', { id, disabled: true })).toMatchObject({ ok: true, value: { disabled: true } });
    expect(listAccounts(core.db).find((a) => a.id === id)).toMatchObject({ roles: ['officer', 'submitter'], disabled: true });
  });

  it('never leaves the machine without an active administrator', async () => {
    const adminId = listAccounts(core.db)[0]!.id;
    const r = await core.registry.invoke('accounts/update', { id: adminId, roles: ['officer'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Phải còn ít nhất một tài khoản quản trị đang hoạt động.' } });
    expect(await core.registry.invoke('accounts/update', { id: adminId, disabled: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(listAccounts(core.db)[0]).toMatchObject({ disabled: false, roles: expect.arrayContaining(['admin']) });
  });

  it('resets a password: the new one verifies, the old one no longer does', async () => {
    const id = await addAccount(core, 'canbo', ['officer']);
    expect(await core.registry.invoke('accounts/reset-password', { id, newPassword: 'moi12345' })).toEqual({ ok: true, value: null });
    const { passwordHash } = findAccountWithHash(core.db, 'canbo')!;
    expect(await verifyPassword('moi12345', passwordHash)).toBe(true);
    expect(await verifyPassword(PASSWORD, passwordHash)).toBe(false);
  });
});
