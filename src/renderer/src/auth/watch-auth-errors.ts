import type { ApiClient } from '../api/client';

/**
 * Wraps the client so that any page's call answered LOCKED shows the lock screen, and one
 * answered UNAUTHENTICATED (account disabled, signed out elsewhere) goes back to sign-in. The
 * auth/* calls answer UNAUTHENTICATED for a wrong password; their own forms show that.
 */
export function watchAuthErrors(client: ApiClient, on: { locked(): void; signedOut(): void }): ApiClient {
  return {
    sendsFiles: client.sendsFiles,
    async call(channel, input) {
      const result = await client.call(channel, input);
      if (!result.ok) {
        if (result.error.code === 'LOCKED') on.locked();
        else if (result.error.code === 'UNAUTHENTICATED' && !channel.startsWith('auth/')) on.signedOut();
      }
      return result;
    },
  };
}
