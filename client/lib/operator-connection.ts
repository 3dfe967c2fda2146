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
}

const ACK_TIMEOUT_MS = 5_000;
const SEND_ATTEMPTS = 3;

export class AckTimeoutError extends Error {
  constructor() {
    super('no acknowledgement from the server');
    this.name = 'AckTimeoutError';
  }
}

/** The console's one link to the `/operator` namespace, authenticated by the session cookie. */
export class OperatorConnection {
  readonly #options: OperatorConnectionOptions;
  #socket: OperatorSocket | null = null;

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
    socket.on('connect', () => handlers.status(ConnectionStatuses.live));
    socket.on('disconnect', () => handlers.status(ConnectionStatuses.reconnecting));
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
    socket.on('failure', (error) => (error.code === 'unauthorized' ? handlers.unauthorized() : handlers.failure(error)));
    this.#socket = socket;
  }

  disconnect(): void {
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
   * Sends one command and waits for its ack. A lost ack is retried with the very same command
   * (same commandId), so the server can tell a retry from a second press.
   */
  async send(command: Command): Promise<CommandResult> {
    const socket = this.#socket;
    if (!socket) throw new AckTimeoutError();
    for (let attempt = 1; ; attempt++) {
      try {
        return await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', command);
      } catch {
        if (attempt >= SEND_ATTEMPTS || this.#socket !== socket) throw new AckTimeoutError();
      }
    }
  }

  /** Renames a screen, moves it to a channel or a view, or reloads it. Not retried: a reload is not idempotent. */
  async screen(request: ScreenRequest): Promise<AckResult> {
    const socket = this.#socket;
    if (!socket) throw new AckTimeoutError();
    try {
      return await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('screen', request);
    } catch {
      throw new AckTimeoutError();
    }
  }

  #auth(): OperatorAuth {
    const lastSeq = this.#options.lastSeq();
    const { ceremonyId, runId } = this.#options;
    return { ceremonyId, ...(runId && runId !== LIVE_RUN_ID ? { runId } : {}), ...(lastSeq !== undefined ? { lastSeq } : {}) };
  }
}
