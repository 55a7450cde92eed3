import { createContext, useContext } from 'react';
import { rolesAllow } from '../../../shared/contract/access';
import type { AccountInfo } from '../../../shared/contract/auth';
import type { ChannelName } from '../../../shared/contract';

export interface Auth {
  user: AccountInfo;
  lockAfterMinutes: number;
  /** Whether the signed-in person's roles allow this channel, from the same table main enforces. */
  can(channel: ChannelName): boolean;
  lock(): void;
  signOut(): void;
  /** Re-reads auth/status (after the lock minutes or one's own roles change). */
  refresh(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('AuthContext missing');
  return auth;
}

export function makeCan(user: AccountInfo): (channel: ChannelName) => boolean {
  return (channel) => rolesAllow(channel, user.roles);
}
