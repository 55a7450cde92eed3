import type { Db } from '../db/open';

/**
 * Slows down password guessing: after MAX_FREE_FAILURES wrong passwords in a row, each further
 * attempt must wait WAIT_SECONDS after the last one. Counted twice over: per connection (window
 * or browser tab; sign-in and unlock share the counter, so the lock screen is not a side door) and
 * per account name across every connection of the store (so opening more connections buys nothing).
 * scrypt already costs ~0.1 s per try; this turns an online guessing run into hours per dozen
 * guesses.
 *
 * An attempt is counted as a failure when it begins, before the asynchronous hash, and cleared
 * when the password turns out right: counting only after the hash let 40 attempts sent at once
 * all pass the check while none had failed yet.
 */
export const MAX_FREE_FAILURES = 5;
export const WAIT_SECONDS = 30;

export class LoginThrottle {
  private failures = 0;
  private lastFailure = 0;

  /** Seconds still to wait before the next attempt is heard; 0 when it may go ahead. */
  secondsToWait(now: Date): number {
    if (this.failures < MAX_FREE_FAILURES) return 0;
    const left = this.lastFailure + WAIT_SECONDS * 1000 - now.getTime();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  recordFailure(now: Date): void {
    this.failures += 1;
    this.lastFailure = now.getTime();
  }

  recordSuccess(): void {
    this.failures = 0;
  }

  /** True when nothing is being counted any more (safe to forget). */
  isIdle(now: Date): boolean {
    return this.failures === 0 || now.getTime() - this.lastFailure > WAIT_SECONDS * 1000;
  }
}

/** Names tried against one store; forgotten once idle, so random names cannot grow it for ever. */
const byStore = new WeakMap<Db, Map<string, LoginThrottle>>();
const PRUNE_ABOVE = 1000;

/**
 * The throttle of one account name in this store, whether or not the account exists (so the
 * answer does not tell which names do).
 */
export function accountThrottle(db: Db, username: string, now: Date): LoginThrottle {
  let names = byStore.get(db);
  if (!names) byStore.set(db, (names = new Map()));
  const key = username.normalize('NFC').trim().toLowerCase();
  let throttle = names.get(key);
  if (!throttle) {
    if (names.size >= PRUNE_ABOVE) for (const [name, t] of names) if (t.isIdle(now)) names.delete(name);
    names.set(key, (throttle = new LoginThrottle()));
  }
  return throttle;
}

/**
 * Begins one password attempt against every throttle that applies: the seconds to wait when one
 * refuses (nothing is counted then), else 0 with the attempt counted as a failure everywhere
 * until `succeeded` clears it. Synchronous, so attempts sent together are counted one by one.
 */
export function beginAttempt(throttles: readonly LoginThrottle[], now: Date): { wait: number; succeeded(): void } {
  const wait = Math.max(0, ...throttles.map((t) => t.secondsToWait(now)));
  if (wait === 0) for (const t of throttles) t.recordFailure(now);
  return { wait, succeeded: () => throttles.forEach((t) => t.recordSuccess()) };
}
