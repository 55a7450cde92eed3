import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../src/renderer/src/api/client';
import { watchAuthErrors } from '../../../src/renderer/src/auth/watch-auth-errors';
import type { AppErrorShape } from '../../../src/shared/contract';

function clientAnswering(error: AppErrorShape | null): ApiClient {
  return { sendsFiles: true, call: async () => (error ? { ok: false, error } : { ok: true, value: null as never }) };
}

describe('the renderer noticing LOCKED and UNAUTHENTICATED answers', () => {
  it('shows the lock screen when any page’s call answers LOCKED', async () => {
    const on = { locked: vi.fn(), signedOut: vi.fn() };
    const client = watchAuthErrors(clientAnswering({ code: 'LOCKED', message: 'Ứng dụng đã tự khóa' }), on);
    // What the transport can carry passes through: the window's uploads stream File slices by it.
    expect(client.sendsFiles).toBe(true);
    const result = await client.call('profile/years', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(on.locked).toHaveBeenCalledOnce();
    expect(on.signedOut).not.toHaveBeenCalled();
  });

  it('goes back to sign-in when a page’s call answers UNAUTHENTICATED (account disabled)', async () => {
    const on = { locked: vi.fn(), signedOut: vi.fn() };
    await watchAuthErrors(clientAnswering({ code: 'UNAUTHENTICATED', message: 'Tài khoản không còn hoạt động' }), on).call('assessment/list', {});
    expect(on.signedOut).toHaveBeenCalledOnce();
  });

  it('leaves a wrong password on the auth forms to the form itself', async () => {
    const on = { locked: vi.fn(), signedOut: vi.fn() };
    await watchAuthErrors(clientAnswering({ code: 'UNAUTHENTICATED', message: 'Mật khẩu không đúng.' }), on).call('auth/unlock', { password: 'x' });
    await watchAuthErrors(clientAnswering(null), on).call('profile/years', {});
    await watchAuthErrors(clientAnswering({ code: 'FORBIDDEN', message: 'Chức năng này dành cho quản trị' }), on).call('accounts/list', {});
    expect(on.signedOut).not.toHaveBeenCalled();
    expect(on.locked).not.toHaveBeenCalled();
  });
});
