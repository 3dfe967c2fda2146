import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ScreenAuth, ScreenToServerEvents, ServerToScreenEvents } from '../../shared/protocol';
import type { ScreenRole } from '../../shared/roles';
import type { CeremonyFeed } from './ceremony-feed.svelte';
import { ConnectionStatuses } from './connection-status';
import { failureFromConnectError } from './socket-errors';

export type ScreenSocket = Socket<ServerToScreenEvents, ScreenToServerEvents>;
export type SocketFactory<S> = (options: Partial<ManagerOptions & SocketOptions>) => S;

export interface ScreenConnectionOptions {
  ceremonyId: string;
  role: ScreenRole;
  /** Tests pass a fake; the app uses socket.io's `io` on the default namespace. */
  createSocket?: SocketFactory<ScreenSocket>;
}

/**
 * The one place a public screen talks to the server. It feeds snapshots and events into a
 * CeremonyFeed and keeps it in seq order: a gap asks for the missing events, a reconnect
 * resumes from the feed's last seq (socket.io calls `auth` again on every reconnect).
 */
export class ScreenConnection {
  readonly #feed: CeremonyFeed;
  readonly #options: ScreenConnectionOptions;
  #socket: ScreenSocket | null = null;
  /** The seq a sync was last asked from: one request per gap, not one per event behind it. */
  #syncAskedAt: number | null = null;

  constructor(feed: CeremonyFeed, options: ScreenConnectionOptions) {
    this.#feed = feed;
    this.#options = options;
  }

  connect(): void {
    if (this.#socket) return;
    const create = this.#options.createSocket ?? ((options) => io(options) as ScreenSocket);
    const socket = create({
      auth: (cb: (data: object) => void) => cb(this.#auth()),
      // Weak networks: keep trying, but back off so a hall full of phones does not stampede.
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
    });
    const feed = this.#feed;
    socket.on('connect', () => {
      this.#syncAskedAt = null;
      feed.setConnection(ConnectionStatuses.live);
      feed.setFailure(null);
    });
    socket.on('disconnect', () => feed.setConnection(ConnectionStatuses.reconnecting));
    socket.on('connect_error', (error) => {
      // socket.active is false when the server refused us in its middleware: no retry follows.
      feed.setConnection(socket.active ? ConnectionStatuses.reconnecting : ConnectionStatuses.refused);
      if (!socket.active) feed.setFailure(failureFromConnectError(error));
    });
    socket.on('snapshot', (state) => {
      this.#syncAskedAt = null;
      feed.applySnapshot(state);
    });
    socket.on('event', (event) => {
      const outcome = feed.applyEvent(event);
      if (outcome.kind === 'gap') this.#askSync(outcome.lastSeq);
      else if (outcome.kind === 'applied') this.#syncAskedAt = null;
      else if (outcome.kind === 'invalid' || outcome.kind === 'no_state') this.#restart();
    });
    socket.on('failure', (error) => feed.setFailure(error));
    this.#socket = socket;
  }

  disconnect(): void {
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = null;
  }

  #auth(): ScreenAuth {
    const lastSeq = this.#feed.lastSeq;
    return { ceremonyId: this.#options.ceremonyId, role: this.#options.role, ...(lastSeq !== undefined ? { lastSeq } : {}) };
  }

  #askSync(lastSeq: number): void {
    if (this.#syncAskedAt === lastSeq) return;
    this.#syncAskedAt = lastSeq;
    this.#socket?.emit('sync', { lastSeq });
  }

  /** Our state cannot take the server's events: start over from a snapshot. */
  #restart(): void {
    this.#feed.reset();
    this.#socket?.disconnect().connect();
  }
}
