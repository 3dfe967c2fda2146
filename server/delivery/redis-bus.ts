import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { Logger } from '../logger';

const CONNECT_TIMEOUT_MS = 5000;
/** How long the adapter's XREAD blocks: also how long a closed server may keep one connection. */
const READ_BLOCK_MS = 1000;

/**
 * Socket.IO broadcasts through Redis (the Redis Streams adapter), so that an event committed by
 * one process reaches the screens of every process, in order.
 *
 * While Redis is unreachable, publishing fails at once instead of waiting in the client's offline
 * queue: the adapter then still delivers to this process's own screens (it broadcasts locally
 * after a failed publish), and the other processes deliver to theirs from the log.
 */
export class RedisBus {
  private readonly recoveredListeners = new Set<() => void>();
  private wasDown = false;

  private constructor(
    private readonly publisher: ReturnType<typeof createClient>,
    private readonly logger: Logger,
  ) {
    publisher.on('error', (error: Error) => {
      if (!this.wasDown) logger.error({ err: { message: error.message } }, 'Redis is unreachable: broadcasting to this process only until it is back');
      this.wasDown = true;
    });
    publisher.on('ready', () => {
      if (!this.wasDown) return;
      this.wasDown = false;
      logger.warn('Redis is back: broadcasting through it again');
      for (const listener of this.recoveredListeners) listener();
    });
  }

  /** Connects (waiting up to 5 s; after that the process starts anyway and keeps trying) and sets the adapter. */
  static async attach(url: string, io: Server, logger: Logger): Promise<RedisBus> {
    const publisher = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
    });
    // The adapter's readers are duplicates of this client; they must keep the offline queue: a
    // reader whose XREAD failed at once would retry in a loop that starves the event loop.
    const duplicate = publisher.duplicate.bind(publisher);
    publisher.duplicate = ((overrides?: object) => duplicate({ ...overrides, disableOfflineQueue: false })) as typeof publisher.duplicate;
    const bus = new RedisBus(publisher, logger);
    const connected = publisher.connect().then(
      () => true,
      () => false,
    );
    const timeout = new Promise<false>((resolve) => setTimeout(resolve, CONNECT_TIMEOUT_MS, false).unref());
    if (!(await Promise.race([connected, timeout]))) logger.error({ redis: redactRedisUrl(url) }, 'Redis is not reachable at start; starting anyway, broadcasting to this process only');
    // Deployments sharing one Redis keep apart by database number (the stream is a key of that
    // database; pub/sub channels are global, so they get the number too).
    const name = `podium:${redisDatabase(url)}`;
    io.adapter(createAdapter(publisher, { streamName: name, channelPrefix: name, blockTimeInMs: READ_BLOCK_MS, onlyPlaintext: true }));
    if (publisher.isReady) await untilReading(io, logger);
    bus.onRecovered(() => void untilReading(io, logger));
    return bus;
  }

  /** Whether a broadcast now reaches the other processes. */
  get healthy(): boolean {
    return this.publisher.isReady;
  }

  /** Called when Redis is reachable again after an outage. */
  onRecovered(listener: () => void): void {
    this.recoveredListeners.add(listener);
  }

  async close(): Promise<void> {
    this.recoveredListeners.clear();
    if (this.publisher.isOpen) await this.publisher.close().catch(() => this.publisher.destroy());
    else this.publisher.destroy();
  }
}

export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable REDIS_URL)';
  }
}

/** The database number of a Redis URL (`redis://host:6379/2` → 2). */
export function redisDatabase(url: string): number {
  try {
    return Number(new URL(url).pathname.slice(1)) || 0;
  } catch {
    return 0;
  }
}

/**
 * Resolves once the adapter's reader has read an entry of the stream. Until it has, it reads
 * from "$" (entries newer than the read itself), so an entry added between two of its reads is
 * lost; after one, it reads from that entry's id and loses nothing. Every process thus starts by
 * broadcasting to an empty room until its own reader sees one of those.
 */
async function untilReading(io: Server, logger: Logger): Promise<void> {
  const adapter = io.of('/').adapter as unknown as { onRawMessage(raw: unknown, offset: string): unknown };
  const original = adapter.onRawMessage;
  let read!: () => void;
  const reading = new Promise<void>((resolve) => (read = resolve));
  adapter.onRawMessage = function (raw, offset) {
    read();
    return original.call(this, raw, offset);
  };
  const hello = () => io.to('podium:hello').emit('hello');
  hello();
  const every = setInterval(hello, 50);
  const timeout = new Promise<false>((resolve) => setTimeout(resolve, CONNECT_TIMEOUT_MS, false).unref());
  const ok = await Promise.race([reading.then(() => true), timeout]);
  clearInterval(every);
  adapter.onRawMessage = original;
  if (!ok) logger.error('the Redis stream reader did not start within 5 s; broadcasts from other processes may be missed until it does');
}
