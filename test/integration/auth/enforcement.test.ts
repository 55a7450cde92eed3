import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/app';
import { MAX_FREE_FAILURES, WAIT_SECONDS } from '../../../src/main/core/auth/login-throttle';
import { Session } from '../../../src/main/core/auth/session';
import { sampleProfile } from '../../helpers/sample-profile';
import { ADMIN, addAccount, coreWithAdmin, PASSWORD, signedIn } from './helpers';

let core: Core;
let clock: Awaited<ReturnType<typeof coreWithAdmin>>['clock'];
let cleanup: () => void;

const count = (table: string) => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeEach(async () => {
  ({ core, clock, cleanup } = await coreWithAdmin());
});
afterEach(() => cleanup());

describe('roles enforced by the registry for a session', () => {
  it('refuses a signed-in channel before sign-in, and runs nothing', async () => {
    const r = await core.registry.invoke('profile/save', { profile: sampleProfile() }, new Session());
    expect(r).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Hãy đăng nhập để dùng chức năng này.' } });
    expect(count('unit_profile')).toBe(0);
  });

  it('answers the public channels the sign-in screen needs', async () => {
    const r = await core.registry.invoke('auth/status', {}, new Session());
    expect(r).toEqual({ ok: true, value: { hasAccounts: true, user: null, locked: false, lockAfterMinutes: 15 } });
  });

  it('refuses an officer on an admin-only channel (FORBIDDEN, Vietnamese, nothing changed)', async () => {
    await addAccount(core, 'canbo', ['officer']);
    const officer = await signedIn(core, 'canbo');
    const r = await core.registry.invoke('accounts/create', { username: 'thunghiem', displayName: 'Thử', password: PASSWORD, roles: ['admin'] }, officer);
    expect(r).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Chức năng này dành cho quản trị; tài khoản «canbo» không có vai trò đó.' },
    });
    expect(count('account')).toBe(2);
    expect(await core.registry.invoke('accounts/set-lock-minutes', { minutes: 240 }, officer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.db.prepare(`SELECT count(*) AS n FROM app_meta WHERE key = 'lockAfterMinutes'`).get()).toEqual({ n: 0 });
  });

  it('refuses a leader on officer-only channels, and lets the leader read', async () => {
    await core.registry.invoke('profile/save', { profile: sampleProfile() });
    await addAccount(core, 'lanhdao', ['leader']);
    const leader = await signedIn(core, 'lanhdao');
    const open = await core.registry.invoke('assessment/open', { year: 2026 }, leader);
    expect(open).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Chức năng này dành cho cán bộ đầu mối; tài khoản «lanhdao» không có vai trò đó.' },
    });
    expect(count('assessment')).toBe(0);
    const save = await core.registry.invoke('profile/save', { profile: sampleProfile({ leaderName: 'Người Khác' }) }, leader);
    expect(save).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.db.prepare('SELECT leader_name FROM unit_profile').get()).toEqual({ leader_name: 'Trần Văn Mỹ' });
    expect(await core.registry.invoke('assessment/get', { year: 2026 }, leader)).toEqual({ ok: true, value: null });
  });

  it('lets an officer do officer work', async () => {
    await core.registry.invoke('profile/save', { profile: sampleProfile() });
    await addAccount(core, 'canbo', ['officer']);
    const officer = await signedIn(core, 'canbo');
    expect(await core.registry.invoke('assessment/open', { year: 2026 }, officer)).toMatchObject({ ok: true });
    expect(count('assessment')).toBe(1);
  });

  it('applies a role change on the very next call', async () => {
    const id = await addAccount(core, 'canbo', ['officer']);
    const person = await signedIn(core, 'canbo');
    expect(await core.registry.invoke('profile/save', { profile: sampleProfile() }, person)).toMatchObject({ ok: true });
    await core.registry.invoke('accounts/update', { id, roles: ['leader'] });
    const r = await core.registry.invoke('profile/save', { profile: sampleProfile({ year: 2027 }) }, person);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(person.user?.roles).toEqual(['leader']);
    expect(count('unit_profile')).toBe(1);
  });

  it('reports current roles in auth/status, and no user once disabled', async () => {
    const id = await addAccount(core, 'canbo', ['officer']);
    const person = await signedIn(core, 'canbo');
    await core.registry.invoke('accounts/update', { id, roles: ['officer', 'submitter'] });
    expect(await core.registry.invoke('auth/status', {}, person)).toMatchObject({ ok: true, value: { user: { roles: ['officer', 'submitter'] } } });
    await core.registry.invoke('accounts/update', { id, disabled: true });
    expect(await core.registry.invoke('auth/status', {}, person)).toMatchObject({ ok: true, value: { user: null, locked: false } });
  });

  it('cuts a disabled account off at once', async () => {
    const id = await addAccount(core, 'canbo', ['officer']);
    const person = await signedIn(core, 'canbo');
    await core.registry.invoke('accounts/update', { id, disabled: true });
    const r = await core.registry.invoke('profile/years', {}, person);
    expect(r).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Tài khoản không còn hoạt động; hãy đăng nhập lại.' } });
    expect(person.user).toBeNull();
    const again = await core.registry.invoke('auth/login', { username: 'canbo', password: PASSWORD }, person);
    expect(again).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Tài khoản này đã bị vô hiệu hóa; hãy liên hệ người quản trị.' } });
    expect(person.user).toBeNull();
  });
});

describe('the inactivity lock', () => {
  it('locks after the configured minutes without activity, and activity keeps it open', async () => {
    const admin = await signedIn(core, ADMIN.username, ADMIN.password);
    clock.advanceMinutes(14);
    expect(await core.registry.invoke('auth/activity', {}, admin)).toEqual({ ok: true, value: null });
    clock.advanceMinutes(14);
    expect(await core.registry.invoke('profile/years', {}, admin)).toEqual({ ok: true, value: [] });
    clock.advanceMinutes(16);
    const r = await core.registry.invoke('profile/save', { profile: sampleProfile() }, admin);
    expect(r).toEqual({ ok: false, error: { code: 'LOCKED', message: 'Ứng dụng đã tự khóa sau 15 phút không thao tác. Hãy nhập mật khẩu để tiếp tục.' } });
    expect(count('unit_profile')).toBe(0);
    expect(await core.registry.invoke('auth/status', {}, admin)).toMatchObject({ ok: true, value: { locked: true, user: { username: 'quantri' } } });
  });

  it('follows the administrator’s lock minutes', async () => {
    const admin = await signedIn(core, ADMIN.username, ADMIN.password);
    expect(await core.registry.invoke('accounts/set-lock-minutes', { minutes: 2 }, admin)).toEqual({ ok: true, value: 2 });
    clock.advanceMinutes(3);
    expect(await core.registry.invoke('profile/years', {}, admin)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await core.registry.invoke('accounts/set-lock-minutes', { minutes: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('unlocks with the right password only', async () => {
    const admin = await signedIn(core, ADMIN.username, ADMIN.password);
    expect(await core.registry.invoke('auth/lock', {}, admin)).toEqual({ ok: true, value: null });
    expect(await core.registry.invoke('profile/years', {}, admin)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await core.registry.invoke('auth/unlock', { password: 'sai-mat-khau-1' }, admin)).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'Mật khẩu không đúng.' },
    });
    expect(await core.registry.invoke('profile/years', {}, admin)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await core.registry.invoke('auth/unlock', { password: ADMIN.password }, admin)).toMatchObject({ ok: true, value: { username: 'quantri' } });
    expect(await core.registry.invoke('profile/years', {}, admin)).toEqual({ ok: true, value: [] });
  });

  it('signs out: the next call needs a sign-in again', async () => {
    const admin = await signedIn(core, ADMIN.username, ADMIN.password);
    await core.registry.invoke('auth/logout', {}, admin);
    expect(await core.registry.invoke('profile/years', {}, admin)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, then only the new one signs in', async () => {
    await addAccount(core, 'canbo', ['officer']);
    const person = await signedIn(core, 'canbo');
    expect(await core.registry.invoke('auth/change-password', { currentPassword: 'doan-sai-1', newPassword: 'moi2026abc' }, person)).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'Mật khẩu hiện tại không đúng.' },
    });
    expect(await core.registry.invoke('auth/change-password', { currentPassword: PASSWORD, newPassword: 'moi2026abc' }, person)).toEqual({ ok: true, value: null });
    expect(await core.registry.invoke('auth/login', { username: 'canbo', password: PASSWORD }, new Session())).toMatchObject({ ok: false });
    expect(await core.registry.invoke('auth/login', { username: 'canbo', password: 'moi2026abc' }, new Session())).toMatchObject({ ok: true });
  });

  it('is not open to the command line, which has no one signed in', async () => {
    const r = await core.registry.invoke('auth/change-password', { currentPassword: PASSWORD, newPassword: 'moi2026abc' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('password guessing', () => {
  it(`makes the connection wait ${WAIT_SECONDS} s after ${MAX_FREE_FAILURES} wrong passwords, even for the right one`, async () => {
    const session = new Session();
    for (let i = 0; i < MAX_FREE_FAILURES; i++) {
      expect(await core.registry.invoke('auth/login', { username: 'quantri', password: `doan${i}` }, session)).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
      });
    }
    const blocked = await core.registry.invoke('auth/login', { username: ADMIN.username, password: ADMIN.password }, session);
    expect(blocked).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: `Đã nhập sai mật khẩu nhiều lần. Hãy đợi ${WAIT_SECONDS} giây rồi thử lại.` } });
    expect(session.user).toBeNull();
    clock.advanceMinutes(0.5);
    expect(await core.registry.invoke('auth/login', { username: ADMIN.username, password: ADMIN.password }, session)).toMatchObject({ ok: true });
  });

  it('counts wrong unlock passwords too, so the lock screen is no side door', async () => {
    const admin = await signedIn(core, ADMIN.username, ADMIN.password);
    await core.registry.invoke('auth/lock', {}, admin);
    for (let i = 0; i < MAX_FREE_FAILURES; i++) await core.registry.invoke('auth/unlock', { password: `doan${i}` }, admin);
    expect(await core.registry.invoke('auth/unlock', { password: ADMIN.password }, admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(admin.locked).toBe(true);
  });

  it('treats an unknown name like a wrong password (same message)', async () => {
    expect(await core.registry.invoke('auth/login', { username: 'khongco', password: PASSWORD }, new Session())).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
    });
  });
});
