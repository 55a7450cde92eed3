import { insertAccount } from '../../src/main/core/auth/account-store';
import { Session } from '../../src/main/core/auth/session';
import type { Db } from '../../src/main/core/db/open';
import type { Role } from '../../src/shared/contract/define';

/**
 * A window's session signed in as a new account with `roles` (its password is never checked: the
 * hash is a placeholder), for calling channels as that person.
 */
export function signedInAs(db: Db, account: { username: string; displayName?: string; roles: Role[] }, at: Date = new Date()): Session {
  const row = insertAccount(db, { username: account.username, displayName: account.displayName ?? account.username, passwordHash: 'scrypt$test-only$not-a-real-hash', roles: account.roles }, at);
  const session = new Session();
  session.signIn(row, at);
  return session;
}
