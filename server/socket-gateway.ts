import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, type Namespace, type Socket } from 'socket.io';
import { z } from 'zod';
import { ErrorCodes, podiumError, type ErrorCode } from '../shared/errors';
import { toPublicEvent, type CeremonyEvent } from '../shared/events';
import { projectPublic } from '../shared/projection';
import type {
  OperatorToServerEvents,
  ScreenCounts,
  ScreenToServerEvents,
  ServerToOperatorEvents,
  ServerToScreenEvents,
} from '../shared/protocol';
import { ScreenRoles, type ScreenRole } from '../shared/roles';
import { tokenFromHeaders, type OperatorAuth } from './auth';
import type { CeremonyRun } from './ceremony-run';
import type { Ceremonies } from './ceremonies';
import type { Logger } from './logger';

/** Past this many missed events a reconnecting screen gets a snapshot instead. */
const MAX_REPLAY = 500;
const COUNTS_EVERY_MS = 250;

const ScreenAuthSchema = z.object({
  ceremonyId: z.string().min(1).max(100),
  role: z.enum(ScreenRoles).default('audience'),
  lastSeq: z.int().min(0).optional(),
});
const OperatorAuthSchema = z.object({
  ceremonyId: z.string().min(1).max(100),
  token: z.string().max(512).optional(),
  lastSeq: z.int().min(0).optional(),
});
const SyncSchema = z.object({ lastSeq: z.int().min(0) });

interface ScreenData {
  run: CeremonyRun;
  role: ScreenRole;
}
interface OperatorData {
  run: CeremonyRun;
  token: string;
}
type ScreenSocket = Socket<ScreenToServerEvents, ServerToScreenEvents, Record<string, never>, ScreenData>;
type OperatorSocket = Socket<OperatorToServerEvents, ServerToOperatorEvents, Record<string, never>, OperatorData>;

const screensRoom = (run: CeremonyRun) => `screens:${run.runId}`;
const roleRoom = (run: CeremonyRun, role: ScreenRole) => `screens:${run.runId}:${role}`;
const operatorsRoom = (run: CeremonyRun) => `operators:${run.runId}`;

/** A handshake refusal: the client's connect_error has `message` = the code and `data` = the error. */
function refusal(code: ErrorCode, message: string): Error & { data: unknown } {
  return Object.assign(new Error(code), { data: podiumError(code, message) });
}

export interface GatewayOptions {
  ceremonies: () => Ceremonies;
  auth: OperatorAuth;
  logger: Logger;
  allowedOrigins: readonly string[];
  now: () => number;
  newId: () => string;
}

/** The browser's Origin must be the server itself or one of the allowed origins. */
export function originAllowed(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser: no ambient cookie to abuse
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Socket.IO: public screens on the default namespace, operator consoles on /operator. Each run's
 * events are sent once per room (one encoding per role), never per socket.
 */
export class SocketGateway {
  readonly io: Server<ScreenToServerEvents, ServerToScreenEvents, Record<string, never>, ScreenData>;
  private readonly operators: Namespace<OperatorToServerEvents, ServerToOperatorEvents, Record<string, never>, OperatorData>;
  private readonly countTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    httpServer: HttpServer,
    private readonly options: GatewayOptions,
  ) {
    this.io = new Server(httpServer, {
      serveClient: false,
      maxHttpBufferSize: 16 * 1024,
      cors: { origin: [...options.allowedOrigins], credentials: true },
      allowRequest: (req, callback) => callback(null, originAllowed(req, options.allowedOrigins)),
    });
    this.operators = this.io.of('/operator') as unknown as Namespace<OperatorToServerEvents, ServerToOperatorEvents, Record<string, never>, OperatorData>;
    this.io.use((socket, next) => void this.admitScreen(socket).then(() => next(), next));
    this.io.on('connection', (socket) => this.onScreen(socket));
    this.operators.use((socket, next) => void this.admitOperator(socket).then(() => next(), next));
    this.operators.on('connection', (socket) => this.onOperator(socket));
  }

  /** Sends committed events of a run to its screens and consoles. */
  publish(run: CeremonyRun, events: readonly CeremonyEvent[]): void {
    for (const event of events) {
      this.io.to(screensRoom(run)).emit('event', toPublicEvent(event));
      this.operators.to(operatorsRoom(run)).emit('event', event);
    }
  }

  counts(run: CeremonyRun): ScreenCounts {
    const screens = (role: ScreenRole) => this.io.of('/').adapter.rooms.get(roleRoom(run, role))?.size ?? 0;
    return {
      audience: screens('audience'),
      stage: screens('stage'),
      overlay: screens('overlay'),
      operator: this.operators.adapter.rooms.get(operatorsRoom(run))?.size ?? 0,
    };
  }

  async close(): Promise<void> {
    for (const timer of this.countTimers.values()) clearTimeout(timer);
    this.countTimers.clear();
    await this.io.close();
  }

  private async admitScreen(socket: ScreenSocket): Promise<void> {
    const auth = ScreenAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) throw refusal(ErrorCodes.invalidMessage, 'auth must be { ceremonyId, role?, lastSeq? }.');
    const run = await this.options.ceremonies().live(auth.data.ceremonyId);
    if (!run) throw refusal(ErrorCodes.unknownCeremony, `There is no ceremony "${auth.data.ceremonyId}".`);
    socket.data = { run, role: auth.data.role };
  }

  private onScreen(socket: ScreenSocket): void {
    const { run, role } = socket.data;
    const lastSeq = ScreenAuthSchema.shape.lastSeq.safeParse(socket.handshake.auth.lastSeq).data;
    // Joining and catching up happen in one tick: no event can fall between the two.
    void socket.join([screensRoom(run), roleRoom(run, role)]);
    this.catchUpScreen(socket, lastSeq);
    socket.on('sync', (request) => {
      const parsed = SyncSchema.safeParse(request);
      if (!parsed.success) return socket.emit('failure', podiumError(ErrorCodes.invalidMessage, 'sync takes { lastSeq: a whole number ≥ 0 }.'));
      this.catchUpScreen(socket, parsed.data.lastSeq);
    });
    socket.on('disconnect', () => this.scheduleCounts(run));
    this.scheduleCounts(run);
  }

  private catchUpScreen(socket: ScreenSocket, lastSeq: number | undefined): void {
    const run = socket.data.run;
    const missed = lastSeq ? run.eventsAfter(lastSeq) : null;
    if (missed && missed.length <= MAX_REPLAY) for (const event of missed) socket.emit('event', toPublicEvent(event));
    else socket.emit('snapshot', projectPublic(run.current));
  }

  private async admitOperator(socket: OperatorSocket): Promise<void> {
    const auth = OperatorAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) throw refusal(ErrorCodes.invalidMessage, 'auth must be { ceremonyId, token?, lastSeq? }.');
    const token = auth.data.token ?? tokenFromHeaders({ cookie: socket.handshake.headers.cookie });
    if (!token || !this.options.auth.verifyToken(token, this.options.now())) throw refusal(ErrorCodes.unauthorized, 'Log in as operator first.');
    const run = await this.options.ceremonies().live(auth.data.ceremonyId);
    if (!run) throw refusal(ErrorCodes.unknownCeremony, `There is no ceremony "${auth.data.ceremonyId}".`);
    socket.data = { run, token };
  }

  private onOperator(socket: OperatorSocket): void {
    const { run } = socket.data;
    void socket.join(operatorsRoom(run));
    socket.emit('snapshot', run.operatorView());
    socket.emit('screens', this.counts(run));
    socket.on('sync', () => socket.emit('snapshot', run.operatorView()));
    socket.on('command', (command, ack) => {
      if (typeof ack !== 'function') return socket.emit('failure', podiumError(ErrorCodes.invalidMessage, 'command needs an acknowledgement callback.'));
      void this.runCommand(socket, command).then(ack);
    });
    socket.on('disconnect', () => this.scheduleCounts(run));
    this.scheduleCounts(run);
  }

  private async runCommand(socket: OperatorSocket, command: unknown) {
    const { run, token } = socket.data;
    // Authorized per message: a session that expired since connect can no longer act.
    const actor = this.options.auth.verifyToken(token, this.options.now());
    if (!actor) {
      socket.disconnect(true);
      return { ok: false as const, error: podiumError(ErrorCodes.unauthorized, 'Your operator session has ended; log in again.') };
    }
    try {
      const result = await run.handle(command, { actor, now: this.options.now(), fallbackCommandId: this.options.newId() });
      this.options.logger.info({ runId: run.runId, via: 'socket', type: commandType(command), ok: result.ok, code: result.ok ? undefined : result.error.code, seq: result.ok ? result.seq : undefined }, 'command');
      return result;
    } catch (error) {
      this.options.logger.error({ runId: run.runId, err: error }, 'command failed');
      return { ok: false as const, error: podiumError(ErrorCodes.internal, 'The server could not apply this command; nothing was changed.') };
    }
  }

  private scheduleCounts(run: CeremonyRun): void {
    if (this.countTimers.has(run.runId)) return;
    this.countTimers.set(
      run.runId,
      setTimeout(() => {
        this.countTimers.delete(run.runId);
        this.operators.to(operatorsRoom(run)).emit('screens', this.counts(run));
      }, COUNTS_EVERY_MS),
    );
  }
}

/** The type of a command for logs: a known word, never the command's content. */
export function commandType(command: unknown): string {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' && /^[a-z_]{1,20}$/.test(type) ? type : 'unknown';
}
