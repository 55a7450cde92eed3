import { join } from 'node:path';
import { openCore, type Core } from '../../../src/main/core/app';
import { Session } from '../../../src/main/core/auth/session';
import type { Role } from '../../../src/shared/contract/define';
import { makeTempDir } from '../../helpers/temp-dir';

export const ADMIN = { username: 'quantri', displayName: 'Nguyễn Thị Quản Trị', password: 'quantri2026' };
export const PASSWORD = 'matkhau2026';

/** A core on a temp folder with a clock the test moves, and the first administrator created. */
export async function coreWithAdmin(): Promise<{ core: Core; clock: { now: Date; advanceMinutes(m: number): void }; cleanup(): void }> {
  const temp = makeTempDir('cchc-auth-');
  const clock = {
    now: new Date('2026-03-02T08:00:00Z'),
    advanceMinutes(m: number) {
      this.now = new Date(this.now.getTime() + m * 60_000);
    },
  };
  const core = openCore({ dataDir: join(temp.dir, 'data'), now: () => clock.now, log: () => {} });
  const created = await core.registry.invoke('auth/create-first-admin', ADMIN);
  if (!created.ok) throw new Error(created.error.message);
  return { core, clock, cleanup: () => (core.close(), temp.cleanup()) };
}

/** Creates an account through the trusted (sessionless) registry and returns its id. */
export async function addAccount(core: Core, username: string, roles: Role[]): Promise<number> {
  const r = await core.registry.invoke('accounts/create', { username, displayName: `Người dùng ${username}`, password: PASSWORD, roles });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { id: number }).id;
}

/** A window's session, signed in as this person. */
export async function signedIn(core: Core, username: string, password = PASSWORD): Promise<Session> {
  const session = new Session();
  const r = await core.registry.invoke('auth/login', { username, password }, session);
  if (!r.ok) throw new Error(r.error.message);
  return session;
}
