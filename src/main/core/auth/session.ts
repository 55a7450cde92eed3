import type { AccountInfo } from '../../../shared/contract/auth';
import type { Db } from '../db/open';
import { getAccount } from './account-store';
import { LoginThrottle } from './login-throttle';

/**
 * Who is signed in on one transport connection (the Electron window, one browser-host run).
 * Locks itself after a period without activity; the password unlocks it. The CLI and tests call
 * the registry without a session: they act as the trusted local system.
 */
export class Session {
  user: AccountInfo | null = null;
  locked = false;
  private lastActivity = 0;
  /** Wrong passwords on this connection, for sign-in and unlock alike. */
  readonly throttle = new LoginThrottle();

  signIn(user: AccountInfo, now: Date): void {
    this.user = user;
    this.locked = false;
    this.lastActivity = now.getTime();
  }

  signOut(): void {
    this.user = null;
    this.locked = false;
  }

  /** Locks once the idle time passes the limit; stays locked until unlocked. */
  isLocked(now: Date, lockAfterMinutes: number): boolean {
    if (this.user && !this.locked && now.getTime() - this.lastActivity > lockAfterMinutes * 60_000) this.locked = true;
    return this.locked;
  }

  touch(now: Date): void {
    this.lastActivity = now.getTime();
  }

  /** The lock button, or the renderer's own idle timer: locked until the password is given. */
  lock(): void {
    if (this.user) this.locked = true;
  }

  unlock(now: Date): void {
    this.locked = false;
    this.lastActivity = now.getTime();
  }
}

/**
 * Re-reads the signed-in account so a change by the administrator (roles, disabled) applies at
 * once: signs the session out when the account is gone or disabled. Returns the fresh account,
 * or null when nobody is (any longer) signed in.
 */
export function refreshSessionUser(db: Db, session: Session): AccountInfo | null {
  if (!session.user) return null;
  const fresh = getAccount(db, session.user.id);
  if (!fresh || fresh.disabled) {
    session.signOut();
    return null;
  }
  session.user = fresh;
  return fresh;
}

/** Who did something, for the audit log and the approval record. */
export type Actor =
  | { kind: 'system'; name: string }
  | { kind: 'user'; id: number; username: string; displayName: string };

/**
 * The trusted local system: the CLI, tests, and the first administrator created before anyone is
 * signed in. Its name is what the audit log and the review cards show, so it is Vietnamese
 * (rows written before this change keep «hệ thống (local-system)»: they are hashed).
 */
export const SYSTEM_ACTOR: Actor = { kind: 'system', name: 'hệ thống' };

export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? `${actor.displayName} (${actor.username})` : actor.name;
}
