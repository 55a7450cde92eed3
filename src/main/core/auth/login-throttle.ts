/**
 * Slows down password guessing on one connection (window or browser tab): after MAX_FREE_FAILURES
 * wrong passwords in a row, each further attempt must wait WAIT_SECONDS after the last failure.
 * Sign-in and unlock share the counter, so the lock screen is not a side door. scrypt already
 * costs ~0.1 s per try; this turns an online guessing run into hours per dozen guesses.
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
}
