import type { ApprovalBoard } from '../../shared/two-keys';
import { io, type Socket } from 'socket.io-client';
import type { Command } from '../../shared/commands';
import type { PodiumError } from '../../shared/errors';
import type { CeremonyEvent } from '../../shared/events';
import type { OperatorView } from '../../shared/projection';
import type {
  AckResult,
  AttendanceSample,
  CommandResult,
  OperatorAuth,
  OperatorToServerEvents,
  ReactionUpdate,
  RegistryMessage,
  ScreenCounts,
  ScreenRequest,
  ServerToOperatorEvents,
} from '../../shared/protocol';
import type { ReactionCounts } from '../../shared/reactions';
import { LIVE_RUN_ID } from '../../shared/runs';
import { ConnectionStatuses, type ConnectionStatus } from './connection-status';
import { HeartbeatWatch, type HeartbeatWatchOptions } from './heartbeat-watch';
import type { SocketFactory } from './screen-connection';
import { failureFromConnectError } from './socket-errors';

export type OperatorSocket = Socket<ServerToOperatorEvents, OperatorToServerEvents>;

/** What the console does with what arrives. */
export interface OperatorHandlers {
  snapshot(view: OperatorView): void;
  event(event: CeremonyEvent): void;
  screens(counts: ScreenCounts): void;
  registry(message: RegistryMessage): void;
  attendance(samples: AttendanceSample[]): void;
  reactions(update: ReactionUpdate & { byCue: Record<string, ReactionCounts> }): void;
  failure(error: PodiumError): void;
  /** Two keys (S30): the policy and the requests, whole. */
  approvals?(board: ApprovalBoard): void;
  status(status: ConnectionStatus): void;
  /** The session cookie is missing or expired: sign in again. */
  unauthorized(): void;
}

export interface OperatorConnectionOptions {
  ceremonyId: string;
  /** The run the console drives: `live` or `rehearsal-N`. */
  runId?: string;
  /** Read on every (re)connect: the server sends only what came after it. */
  lastSeq: () => number | undefined;
  handlers: OperatorHandlers;
  createSocket?: SocketFactory<OperatorSocket>;
  /** The heartbeat watch's clock and timers: injected by tests. */
  heartbeatTimers?: Pick<HeartbeatWatchOptions, 'now' | 'setTimer' | 'clearTimer'>;
}

const ACK_TIMEOUT_MS = 5_000;

/** No answer in time, or the link dropped before one came: the command may or may not have been applied. */
export class AckTimeoutError extends Error {
  constructor() {
    super('no answer from the server: the outcome is unknown');
    this.name = 'AckTimeoutError';
  }
}

/** The console is not connected: the command was not sent, and will not be. */
export class NotConnectedError extends Error {
  constructor() {
    super('not sent: no connection to the server');
    this.name = 'NotConnectedError';
  }
}

/** Packets Socket.IO holds to send on reconnect: never a command or a screen request (see `send`). */
function isDeferredAction(packet: { data?: unknown }): boolean {
  const name = Array.isArray(packet.data) ? packet.data[0] : undefined;
  return name === 'command' || name === 'screen';
}

/** The console's one link to the `/operator` namespace, authenticated by the session cookie. */
export class OperatorConnection {
  readonly #options: OperatorConnectionOptions;
  #socket: OperatorSocket | null = null;
  #heartbeat: HeartbeatWatch | null = null;
  #stopHeartbeat: () => void = () => {};

  constructor(options: OperatorConnectionOptions) {
    this.#options = options;
  }

  connect(): void {
    if (this.#socket) return;
    const { handlers } = this.#options;
    const create = this.#options.createSocket ?? ((options) => io('/operator', options) as OperatorSocket);
    const socket = create({
      auth: (cb: (data: object) => void) => cb(this.#auth()),
      withCredentials: true,
    });
    // A console whose link silently died says so within seconds, and sends nothing into it (S27, S28).
    const heartbeat = new HeartbeatWatch({
      onLate: () => handlers.status(ConnectionStatuses.reconnecting),
      onBack: () => handlers.status(ConnectionStatuses.live),
      ...this.#options.heartbeatTimers,
    });
    const onPing = () => heartbeat.beat();
    socket.io.on('ping', onPing);
    this.#heartbeat = heartbeat;
    this.#stopHeartbeat = () => {
      heartbeat.stop();
      socket.io.off('ping', onPing);
    };
    socket.on('connect', () => {
      heartbeat.start();
      handlers.status(ConnectionStatuses.live);
    });
    socket.on('disconnect', () => {
      heartbeat.stop();
      // Emitted while the link was already dying (a missed heartbeat): Socket.IO would send it
      // after the reconnect, seconds later. Dropped here, its ack fails at once: "outcome unknown".
      socket.sendBuffer = socket.sendBuffer.filter((packet) => !isDeferredAction(packet));
      handlers.status(ConnectionStatuses.reconnecting);
    });
    socket.on('connect_error', (error) => {
      const failure = failureFromConnectError(error);
      if (failure.code === 'unauthorized') {
        this.disconnect();
        handlers.unauthorized();
        return;
      }
      handlers.status(socket.active ? ConnectionStatuses.reconnecting : ConnectionStatuses.refused);
      if (!socket.active) handlers.failure(failure);
    });
    socket.on('snapshot', (view) => handlers.snapshot(view));
    socket.on('event', (event) => handlers.event(event));
    socket.on('screens', (counts) => handlers.screens(counts));
    socket.on('registry', (update) => handlers.registry(update));
    socket.on('attendance', (samples) => handlers.attendance(samples));
    socket.on('reactions', (update) => handlers.reactions(update));
    socket.on('approvals', (board) => handlers.approvals?.(board));
    socket.on('failure', (error) => (error.code === 'unauthorized' ? handlers.unauthorized() : handlers.failure(error)));
    this.#socket = socket;
  }

  disconnect(): void {
    this.#stopHeartbeat();
    this.#stopHeartbeat = () => {};
    this.#heartbeat = null;
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = null;
  }

  /** Starts over from a fresh snapshot: our state could not take the server's events. */
  restart(): void {
    this.#socket?.disconnect().connect();
  }

  sync(lastSeq: number): void {
    this.#socket?.emit('sync', { lastSeq });
  }

  /**
   * Sends one command now, or not at all. Socket.IO buffers what is emitted while disconnected
   * and sends it on reconnect: a GO pressed during an outage would fire by itself later. So a
   * command is only emitted on a live link, and a lost answer is never re-sent here: the
   * operator sees "outcome unknown", the console re-syncs, and only a new press acts again.
   */
  async send(command: Command): Promise<CommandResult> {
    const socket = this.#liveSocket();
    try {
      return await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', command);
    } catch {
      throw new AckTimeoutError();
    }
  }

  /** Renames a screen, moves it to a channel or a view, or reloads it: now or not at all, like a command. */
  async screen(request: ScreenRequest): Promise<AckResult> {
    const socket = this.#liveSocket();
    try {
      return await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('screen', request);
    } catch {
      throw new AckTimeoutError();
    }
  }

  #liveSocket(): OperatorSocket {
    const socket = this.#socket;
    // A late heartbeat counts as no connection: what is emitted now would wait in Socket.IO's buffer.
    if (!socket?.connected || this.#heartbeat?.late) throw new NotConnectedError();
    return socket;
  }

  #auth(): OperatorAuth {
    const lastSeq = this.#options.lastSeq();
    const { ceremonyId, runId } = this.#options;
    return { ceremonyId, ...(runId && runId !== LIVE_RUN_ID ? { runId } : {}), ...(lastSeq !== undefined ? { lastSeq } : {}) };
  }
}

