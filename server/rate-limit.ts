/** A token bucket: `capacity` at once, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One bucket per key (a socket, an address), forgotten when idle long enough to be full again. */
export class KeyedRateLimit {
  private readonly buckets = new Map<string, TokenBucket>();
  private sweptAt = 0;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {}

  take(key: string, now: number): boolean {
    if (now - this.sweptAt > 60_000) {
      this.buckets.clear();
      this.sweptAt = now;
    }
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(this.capacity, this.perSecond, now)));
    return bucket.take(now);
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }
}
