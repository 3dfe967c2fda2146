import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { tick } from 'svelte';
import type { Channel } from '../../shared/channels';
import type { ClockEstimate } from '../../shared/clock-sync';
import type { PublicEvent } from '../../shared/events';
import type { ScreenAuth, ScreenToServerEvents, ServerToScreenEvents } from '../../shared/protocol';
import type { ReactionKind } from '../../shared/reactions';
import type { DelegateLocation, ScreenRole } from '../../shared/roles';
import type { CeremonyState } from '../../shared/state';
import type { CeremonyFeed } from './ceremony-feed.svelte';
import { ConnectionStatuses } from './connection-status';
import { DisplayQueue } from './display-queue';
import { HeartbeatWatch } from './heartbeat-watch';
import type { ScreenView } from './route';
import { ScreenClock } from './screen-clock';
import { failureFromConnectError } from './socket-errors';

export type ScreenSocket = Socket<ServerToScreenEvents, ScreenToServerEvents>;
export type SocketFactory<S> = (options: Partial<ManagerOptions & SocketOptions>) => S;

export interface ScreenConnectionOptions {
  ceremonyId: string;
  role: ScreenRole;
  /** `rehearsal-N` or `replay-N` from the link; the live run when absent. */
  runId?: string;
  /** The run's key from its link. */
  runKey?: string;
  /** A stage or overlay link's key (`k=`). */
  screenKey?: string;
  /** The channel from the URL; the server's `channel` message wins once it has spoken. */
  channel?: string;
  /** A name for the operator's registry. */
  name?: string;
  /** A delegate link's organization and key; the location is the feed's. */
  delegate?: { organizationId: string; key: string };
  /** Tests pass a fake; the app uses socket.io's `io` on the default namespace. */
  createSocket?: SocketFactory<ScreenSocket>;
  /** The screen's clock and timers: injected by tests and the benchmark. */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  /** Subscribes to the page becoming visible again; returns an unsubscribe. */
  onVisible?: (listener: () => void) => () => void;
  /** Resolves once the DOM shows the state just applied (Svelte's `tick`). */
  afterRender?: () => Promise<void>;
  /** The operator sends this screen to another view (a stage or overlay with its key), or reloads it. */
  onNavigate?: (view: ScreenView, screenKey?: string) => void;
  onReload?: () => void;
  /** The server moved this screen to a channel (or changed its delay). */
  onChannel?: (channel: Channel) => void;
  /** The viewer changed a preference worth remembering, or the operator renamed the screen. */
  onPreferences?: (preferences: { nudgeMs?: number; location?: DelegateLocation; name?: string }) => void;
}

/** What the audience page may ask of its connection. */
export interface AudienceActions {
  react(kind: ReactionKind): void;
  setNudge(nudgeMs: number): void;
  setLocation(location: DelegateLocation): void;
}

const CLOCK_ACK_TIMEOUT_MS = 2_000;
/** A tap faster than this is not sent: the server rate-limits anyway, this saves the uplink. */
export const REACTION_MIN_INTERVAL_MS = 150;

/**
 * The one place a public screen talks to the server. Snapshots apply at once; events wait in a
 * DisplayQueue for their moment (their `showAt` plus the channel's delay and the viewer's nudge,
 * by the screen's synced clock) and then go into the CeremonyFeed in seq order. A gap asks for
 * the missing events, a reconnect resumes from the last seq received (socket.io calls `auth`
 * again on every reconnect), and a reveal once on screen is acknowledged with `rendered`.
 */
export class ScreenConnection implements AudienceActions {
  readonly #feed: CeremonyFeed;
  readonly #options: ScreenConnectionOptions;
  readonly #now: () => number;
  #socket: ScreenSocket | null = null;
  #queue: DisplayQueue | null = null;
  #clock: ScreenClock | null = null;
  #stopHeartbeat: () => void = () => {};
  #stopVisible: () => void = () => {};
  #channelId: string | undefined;
  #lastReactionAt = -Infinity;
  /** The screen's name: from the link or remembered, then as the operator renamed it. */
  #name: string | undefined;
  /** Whether this connection's hello has said the name: later ones must not undo an operator's rename. */
  #named = false;
  /** The seq a sync was last asked from: one request per gap, not one per event behind it. */
  #syncAskedAt: number | null = null;

  constructor(feed: CeremonyFeed, options: ScreenConnectionOptions) {
    this.#feed = feed;
    this.#options = options;
    this.#now = options.now ?? (() => Date.now());
    this.#channelId = options.channel;
    this.#name = options.name;
  }

  connect(): void {
    if (this.#socket) return;
    const options = this.#options;
    const create = options.createSocket ?? ((o) => io(o) as ScreenSocket);
    const socket = create({
      auth: (cb: (data: object) => void) => cb(this.#auth()),
      // Weak networks: keep trying, but back off so a hall full of phones does not stampede.
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
    });
    const feed = this.#feed;
    const queue = new DisplayQueue({
      show: (event) => this.#show(event),
      now: this.#now,
      ...(options.setTimer ? { setTimer: options.setTimer } : {}),
      ...(options.clearTimer ? { clearTimer: options.clearTimer } : {}),
      ...(options.onVisible ? { onVisible: options.onVisible } : {}),
    });
    queue.setNudge(feed.nudgeMs);
    const clock = new ScreenClock({
      now: this.#now,
      roundTrip: async (sentAt) => {
        if (!socket.connected) throw new Error('not connected');
        return socket.timeout(CLOCK_ACK_TIMEOUT_MS).emitWithAck('clock', sentAt);
      },
      onEstimate: (estimate) => this.#onEstimate(estimate),
      ...(options.setInterval ? { setInterval: options.setInterval } : {}),
      ...(options.clearInterval ? { clearInterval: options.clearInterval } : {}),
    });
    // A phone whose network silently dropped says so within seconds, not when Socket.IO gives up (S28).
    const heartbeat = new HeartbeatWatch({
      onLate: () => feed.setConnection(ConnectionStatuses.reconnecting),
      onBack: () => feed.setConnection(ConnectionStatuses.live),
      now: this.#now,
      ...(options.setTimer ? { setTimer: options.setTimer } : {}),
      ...(options.clearTimer ? { clearTimer: options.clearTimer } : {}),
    });
    const onPing = () => heartbeat.beat();
    socket.io.on('ping', onPing);
    this.#stopHeartbeat = () => {
      heartbeat.stop();
      socket.io.off('ping', onPing);
    };
    // A tab back from the background may have slept: its clock estimate is worth renewing.
    this.#stopVisible = options.onVisible?.(() => void (socket.connected ? clock.sync() : null)) ?? (() => {});

    socket.on('connect', () => {
      this.#syncAskedAt = null;
      this.#named = false;
      feed.setConnection(ConnectionStatuses.live);
      feed.setFailure(null);
      clock.start();
      heartbeat.start();
    });
    socket.on('disconnect', () => {
      heartbeat.stop();
      feed.setConnection(ConnectionStatuses.reconnecting);
    });
    socket.on('connect_error', (error) => {
      // socket.active is false when the server refused us in its middleware: no retry follows.
      feed.setConnection(socket.active ? ConnectionStatuses.reconnecting : ConnectionStatuses.refused);
      if (!socket.active) feed.setFailure(failureFromConnectError(error));
    });
    socket.on('snapshot', (state) => {
      this.#syncAskedAt = null;
      feed.applySnapshot(state);
      queue.drop(state.seq);
      void this.#acknowledgeSnapshot(state);
    });
    socket.on('event', (event) => this.#receive(event));
    socket.on('failure', (error) => feed.setFailure(error));
    socket.on('channel', (channel) => {
      this.#channelId = channel.id;
      feed.setChannel(channel);
      queue.setDelay(channel.delayMs);
      options.onChannel?.(channel);
    });
    socket.on('reactions', (update) => feed.setReactions(update));
    socket.on('navigate', ({ view, screenKey }) => options.onNavigate?.(view, screenKey));
    socket.on('reload', () => options.onReload?.());
    // The operator's name for this screen: kept for the next connection (and remembered), but
    // not said again in this connection's hellos, where the server has it already.
    socket.on('renamed', (name) => {
      this.#name = name;
      this.#named = true;
      options.onPreferences?.({ name });
    });
    socket.on('delegation', (organization) => feed.setOrganization(organization));
    this.#socket = socket;
    this.#queue = queue;
    this.#clock = clock;
  }

  disconnect(): void {
    this.#clock?.stop();
    this.#stopHeartbeat();
    this.#queue?.dispose();
    this.#stopVisible();
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = null;
    this.#queue = null;
    this.#clock = null;
    this.#stopHeartbeat = () => {};
  }

  /** One tap on a reaction button. Taps faster than a few a second are dropped here. */
  react(kind: ReactionKind): void {
    const now = this.#now();
    if (!this.#socket?.connected || now - this.#lastReactionAt < REACTION_MIN_INTERVAL_MS) return;
    this.#lastReactionAt = now;
    this.#socket.emit('react', kind);
  }

  /** The viewer's own extra delay, e.g. "I am watching the stream": +N ms on top of the channel's. */
  setNudge(nudgeMs: number): void {
    const value = Math.max(0, Math.round(nudgeMs));
    const changed = value !== this.#feed.nudgeMs;
    this.#feed.setNudge(value);
    this.#queue?.setNudge(value);
    this.#options.onPreferences?.({ nudgeMs: value });
    // The registry judges "not shown yet" against the screen's whole delay, the viewer's included.
    if (changed && this.#socket?.connected) this.#socket.emit('hello', this.#hello());
  }

  /** A delegate says where they watch from: the server counts them there. */
  setLocation(location: DelegateLocation): void {
    this.#feed.setLocation(location);
    this.#options.onPreferences?.({ location });
    if (this.#socket?.connected) this.#socket.emit('hello', this.#hello());
  }

  /** The last seq received: applied, or waiting for its moment. */
  get #lastSeq(): number | undefined {
    const applied = this.#feed.lastSeq;
    if (applied === undefined) return undefined;
    return Math.max(applied, this.#queue?.lastPendingSeq ?? 0);
  }

  #auth(): ScreenAuth & { runKey?: string } {
    const { ceremonyId, role, runId, runKey, screenKey, delegate } = this.#options;
    const name = this.#name;
    const lastSeq = this.#lastSeq;
    return {
      ceremonyId,
      ...(runId ? { runId } : {}),
      ...(runId && runKey ? { runKey } : {}),
      role,
      ...((role === 'stage' || role === 'overlay') && screenKey ? { screenKey } : {}),
      ...(lastSeq !== undefined ? { lastSeq } : {}),
      ...(this.#channelId ? { channel: this.#channelId } : {}),
      ...(name ? { name } : {}),
      ...(delegate ? { delegate: { ...delegate, location: this.#feed.location ?? 'remote' } } : {}),
    };
  }

  #hello(estimate: ClockEstimate | null = this.#feed.clock): Parameters<ScreenToServerEvents['hello']>[0] {
    const { delegate } = this.#options;
    const name = this.#name;
    const sayName = !!name && !this.#named;
    this.#named = true;
    return {
      ...(sayName ? { name } : {}),
      ...(delegate ? { location: this.#feed.location ?? 'remote' } : {}),
      ...(estimate ? { offsetMs: estimate.offsetMs, rttMs: estimate.rttMs } : {}),
      nudgeMs: this.#feed.nudgeMs,
    };
  }

  #onEstimate(estimate: ClockEstimate): void {
    this.#feed.setClock(estimate);
    this.#queue?.setOffset(estimate.offsetMs);
    this.#socket?.emit('hello', this.#hello(estimate));
  }

  /** An event arrives: it waits its turn if it is the next one; a gap asks for what is missing. */
  #receive(event: PublicEvent): void {
    const lastSeq = this.#lastSeq;
    if (lastSeq === undefined) return this.#restart();
    if (event.seq <= lastSeq) return;
    if (event.seq !== lastSeq + 1) return this.#askSync(lastSeq);
    this.#syncAskedAt = null;
    this.#queue?.push(event);
  }

  /** Its moment has come: into the feed, and acknowledged if it is a reveal. */
  #show(event: PublicEvent): void {
    const outcome = this.#feed.applyEvent(event);
    switch (outcome.kind) {
      case 'applied':
        if (event.type === 'result_revealed') void this.#acknowledge(event.seq, event.cueId);
        return;
      case 'stale':
        return;
      case 'gap':
        return this.#askSync(outcome.lastSeq);
      case 'invalid':
      case 'no_state':
        return this.#restart();
      default: {
        const never: never = outcome;
        throw new Error(`unknown outcome ${JSON.stringify(never)}`);
      }
    }
  }

  async #acknowledge(seq: number, cueId: string): Promise<void> {
    const socket = this.#socket;
    await (this.#options.afterRender ?? tick)();
    if (socket && socket === this.#socket) socket.emit('rendered', { seq, cueId });
  }

  /** A snapshot holding a reveal puts that reveal on screen too. */
  async #acknowledgeSnapshot(state: CeremonyState): Promise<void> {
    const cueId = state.lastRevealCueId;
    if (!cueId) return;
    const result = Object.values(state.results)
      .flat()
      .find((r) => r.cueId === cueId);
    if (result) await this.#acknowledge(result.seq, cueId);
  }

  #askSync(lastSeq: number): void {
    if (this.#syncAskedAt === lastSeq) return;
    this.#syncAskedAt = lastSeq;
    this.#socket?.emit('sync', { lastSeq });
  }

  /** Our state cannot take the server's events: start over from a snapshot. */
  #restart(): void {
    this.#feed.reset();
    this.#queue?.drop();
    this.#socket?.disconnect().connect();
  }
}
