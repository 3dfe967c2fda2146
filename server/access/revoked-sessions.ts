import type { Logger } from '../logger';
import type { Revocation, SessionStore } from '../storage/event-log';

/** How often a process reads the revocations of the others: a logout elsewhere holds within this. */
export const REVOCATION_POLL_MS = 1000;

/**
 * The logged-out sessions, as a set in memory (every message and push checks it, so it must be
 * cheap) refreshed from the durable SessionStore: a logout holds across restarts and reaches every
 * process sharing the storage within REVOCATION_POLL_MS.
 */
export class RevokedSessions {
  private readonly expiresAt = new Map<string, number>();
  private readonly listeners = new Set<(sessionId: string) => void>();
  private timer: NodeJS.Timeout | null = null;
  private failing = false;

  private constructor(
    private readonly store: SessionStore,
    private readonly now: () => number,
    private readonly logger: Logger,
  ) {}

  /** Loads the revocations kept so far (before the process answers anyone), then polls. */
  static async start(store: SessionStore, now: () => number, logger: Logger, pollEveryMs = REVOCATION_POLL_MS): Promise<RevokedSessions> {
    const revoked = new RevokedSessions(store, now, logger);
    revoked.learn(await store.revoked(now()));
    revoked.timer = setInterval(() => void revoked.refresh(), pollEveryMs);
    revoked.timer.unref();
    return revoked;
  }

  has(sessionId: string): boolean {
    return this.expiresAt.has(sessionId);
  }

  /**
   * Records a logout durably. When the store fails, this process still refuses the session (and
   * cuts its consoles off), and the error reaches the caller: a logout the other processes may not
   * know of is reported, not pretended.
   */
  async revoke(revocation: Revocation): Promise<void> {
    try {
      await this.store.revoke(revocation, this.now());
    } finally {
      this.learn([revocation]);
    }
  }

  /** Called with the id of each session revoked from now on, here or in another process. */
  onRevoked(listener: (sessionId: string) => void): void {
    this.listeners.add(listener);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private async refresh(): Promise<void> {
    try {
      this.learn(await this.store.revoked(this.now()));
      if (this.failing) this.logger.warn('session revocations readable again');
      this.failing = false;
    } catch (error) {
      // Keep what is known; a revocation made elsewhere meanwhile arrives at the next good read.
      if (!this.failing) this.logger.error({ err: { message: (error as Error).message } }, 'cannot read session revocations');
      this.failing = true;
    }
  }

  private learn(revocations: readonly Revocation[]): void {
    const now = this.now();
    for (const [id, exp] of this.expiresAt) if (exp < now) this.expiresAt.delete(id);
    for (const { sessionId, expiresAt } of revocations) {
      if (this.expiresAt.has(sessionId) || expiresAt < now) continue;
      this.expiresAt.set(sessionId, expiresAt);
      for (const listener of this.listeners) listener(sessionId);
    }
  }
}
