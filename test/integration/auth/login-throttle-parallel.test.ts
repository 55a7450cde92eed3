import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/app';
import { MAX_FREE_FAILURES, WAIT_SECONDS } from '../../../src/main/core/auth/login-throttle';
import { Session } from '../../../src/main/core/auth/session';
import { ADMIN, coreWithAdmin } from './helpers';

/** Guesses sent all at once, or from many connections, get no more tries than guesses in a row. */
describe('password guessing in parallel', () => {
  let core: Core;
  let clock: Awaited<ReturnType<typeof coreWithAdmin>>['clock'];
  let cleanup: () => void;

  beforeEach(async () => {
    ({ core, clock, cleanup } = await coreWithAdmin());
  });
  afterEach(() => cleanup());

  const codes = (results: { ok: boolean; error?: { code: string } }[]) => results.map((r) => (r.ok ? 'OK' : r.error!.code));
  const count = (list: string[], code: string) => list.filter((c) => c === code).length;

  it(`hashes at most ${MAX_FREE_FAILURES} of 40 wrong passwords sent at once on one connection`, async () => {
    const session = new Session();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => core.registry.invoke('auth/login', { username: ADMIN.username, password: `doan${i}` }, session)),
    );
    const list = codes(results);
    expect(count(list, 'UNAUTHENTICATED')).toBe(MAX_FREE_FAILURES);
    expect(count(list, 'FORBIDDEN')).toBe(40 - MAX_FREE_FAILURES);
    expect(await core.registry.invoke('auth/login', { username: ADMIN.username, password: ADMIN.password }, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('counts per account across connections: 40 connections with one guess each get 5 tries', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => core.registry.invoke('auth/login', { username: ADMIN.username, password: `doan${i}` }, new Session())),
    );
    const list = codes(results);
    expect(count(list, 'UNAUTHENTICATED')).toBe(MAX_FREE_FAILURES);
    expect(count(list, 'FORBIDDEN')).toBe(40 - MAX_FREE_FAILURES);

    // A fresh connection still waits for this account, then signs in once the wait is over.
    const fresh = await core.registry.invoke('auth/login', { username: 'QuanTri', password: ADMIN.password }, new Session());
    expect(fresh).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: `Đã nhập sai mật khẩu nhiều lần. Hãy đợi ${WAIT_SECONDS} giây rồi thử lại.` } });
    clock.advanceMinutes(WAIT_SECONDS / 60);
    expect(await core.registry.invoke('auth/login', { username: ADMIN.username, password: ADMIN.password }, new Session())).toMatchObject({ ok: true });
  });

  it('a right password clears the count, so an officer who mistypes now and then is never made to wait', async () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < MAX_FREE_FAILURES - 1; i++) await core.registry.invoke('auth/login', { username: ADMIN.username, password: 'sai' }, new Session());
      expect(await core.registry.invoke('auth/login', { username: ADMIN.username, password: ADMIN.password }, new Session())).toMatchObject({ ok: true });
    }
  });
});
