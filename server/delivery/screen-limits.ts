import { TokenBucket } from '../rate-limit';

/**
 * How often one public screen may send each message (rule S21): `capacity` at once, then
 * `perSecond`. Far above what the client sends (a sync per gap, eight clock round trips per minute
 * and on wake, a hello per clock estimate or preference change, a rendered per reveal), far below
 * what would make one socket cost everyone: every sync is answered with a snapshot.
 */
export const SCREEN_MESSAGE_LIMITS = {
  sync: { capacity: 5, perSecond: 0.5 },
  clock: { capacity: 16, perSecond: 1 },
  hello: { capacity: 10, perSecond: 1 },
  rendered: { capacity: 10, perSecond: 2 },
} as const;
export type LimitedScreenMessage = keyof typeof SCREEN_MESSAGE_LIMITS;

/** One socket's buckets, one per kind of message; it goes with the socket. */
export class ScreenMessageLimits {
  private readonly buckets = new Map<LimitedScreenMessage, TokenBucket>();
  /** Messages dropped so far, for the one log line per socket. */
  dropped = 0;

  allow(message: LimitedScreenMessage, now: number): boolean {
    let bucket = this.buckets.get(message);
    if (!bucket) {
      const { capacity, perSecond } = SCREEN_MESSAGE_LIMITS[message];
      this.buckets.set(message, (bucket = new TokenBucket(capacity, perSecond, now)));
    }
    if (bucket.take(now)) return true;
    this.dropped += 1;
    return false;
  }
}
