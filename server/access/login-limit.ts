import { createClient } from 'redis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '../logger';

/** Passcode attempts one client address may make in LOGIN_WINDOW_S; a success starts it over. */
export const LOGIN_ATTEMPTS = 10;
export const LOGIN_WINDOW_S = 10 * 60;
const CONNECT_TIMEOUT_MS = 5000;

/**
 * Guessing the passcode, slowed per client address (as TRUST_PROXY lets the server see it), so
 * that a stranger's wrong guesses never lock out the operator at another address. Counted in
 * Redis when REDIS_URL is set, so that every process behind the proxy shares the count (and a
 * guesser gains nothing by spreading over them); in memory otherwise, and while Redis is down.
 */
export class LoginLimit {
  private constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly client: ReturnType<typeof createClient> | null,
  ) {}

  static async start(redisUrl: string | undefined, logger: Logger): Promise<LoginLimit> {
    const options = { points: LOGIN_ATTEMPTS, duration: LOGIN_WINDOW_S, keyPrefix: 'podium:login' };
    if (!redisUrl) return new LoginLimit(new RateLimiterMemory(options), null);
    const client = createClient({
      url: redisUrl,
      disableOfflineQueue: true,
      socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
    });
    let down = false;
    client.on('error', (error: Error) => {
      if (!down) logger.error({ err: { message: error.message } }, 'Redis is unreachable: login attempts are counted by this process only until it is back');
      down = true;
    });
    client.on('ready', () => (down = false));
    const connected = client.connect().then(
      () => true,
      () => false,
    );
    const timeout = new Promise<false>((resolve) => setTimeout(resolve, CONNECT_TIMEOUT_MS, false).unref());
    await Promise.race([connected, timeout]);
    // redis v4+ ("node-redis"): `useRedisPackage`. Not ready: the in-memory insurance counts instead of waiting.
    const limiter = new RateLimiterRedis({ ...options, storeClient: client, useRedisPackage: true, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) });
    return new LoginLimit(limiter, client);
  }

  /** Counts one attempt from `address`: the seconds it must wait when it is over the limit, else null. */
  async attempt(address: string): Promise<number | null> {
    try {
      await this.limiter.consume(address);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }

  /** The right passcode: the address starts over (the operator's own typos do not add up). */
  async succeeded(address: string): Promise<void> {
    // Redis down: the count expires by itself; the operator is in either way.
    await this.limiter.delete(address).catch(() => undefined);
  }

  async close(): Promise<void> {
    if (!this.client) return;
    if (this.client.isOpen) await this.client.close().catch(() => this.client!.destroy());
    else this.client.destroy();
  }
}
