import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { DEFAULT_CHANNEL_ID } from '../../shared/channels';
import { ErrorCodes, podiumError, type ErrorCode, type PodiumError } from '../../shared/errors';
import { toPublicEvent, type CeremonyEvent } from '../../shared/events';
import { projectPublic, sealEvent, type OperatorView } from '../../shared/projection';
import type { PresenterView } from '../../shared/presenter';
import { actorOf, allowed, type Capability, type Principal } from '../../shared/crew';
import type {
  AckResult,
  ScreenCounts,
  ScreenInfo,
  ScreenRequest,
  ScreenToServerEvents,
  ServerToScreenEvents,
} from '../../shared/protocol';
import { ReactionKinds } from '../../shared/reactions';
import { LIVE_RUN_ID, REPLAY_ID_PATTERN } from '../../shared/runs';
import type { ScreenRole } from '../../shared/roles';
import { HEARTBEAT } from '../../shared/heartbeat';
import { AttendanceSampler } from './attendance';
import { tokenFromHeaders, type OperatorAuth } from '../access/auth';
import { clientAddress, type ProxyTrust } from '../http/client-address';
import { ChannelDelivery } from './channel-delivery';
import type { CeremonyRun } from '../live/ceremony-run';
import type { Ceremonies } from '../live/ceremonies';
import type { Logger } from '../logger';
import { ReactionHub } from './reaction-hub';
import type { ReplayRoom } from '../runs/replay-room';
import { ReplayRooms } from '../runs/replay-rooms';
import { originAllowed } from '../http/origin';
import { ScreenGuard } from './screen-guard';
import { ScreenRegistry } from './screen-registry';
import { ConsoleSessions, SESSION_ENDED } from './console-sessions';
import { channelRoom, operatorsRoom, presenterRoom, previewRoom, sealedRoom, screensRoom, type OperatorNamespace, type OperatorSocket, type ScreenData, type ScreenSocket } from './socket-types';
import type { TwoKeys } from '../approvals/two-keys';
import type { ApprovalBoard } from '../../shared/two-keys';
import { commandType, HelloSchema, OperatorAuthSchema, RenderedSchema, ScreenAuthSchema, ScreenRequestSchema, SyncSchema } from './socket-messages';

/** Past this many missed events a reconnecting screen gets a snapshot instead. */
const MAX_REPLAY = 500;
const NOTIFY_EVERY_MS = 250;

const roleRoom = (run: CeremonyRun, role: ScreenRole) => `screens:${run.runId}:role:${role}`;
const replayRoom = (ceremonyId: string, replayId: string) => `replay:${ceremonyId}:${replayId}`;
/** Every console of a ceremony (any run), by whether it may see results: the two-keys requests (S30). */
const APPROVALS_ROOM = 'approvals:';
const approvalsRoom = (ceremonyId: string, seesResults: boolean) => `${APPROVALS_ROOM}${seesResults ? 'results' : 'sealed'}:${ceremonyId}`;

/** A handshake refusal: the client's connect_error has `message` = the code and `data` = the error. */
function refusal(code: ErrorCode, message: string): Error & { data: unknown } {
  return Object.assign(new Error(code), { data: podiumError(code, message) });
}

export interface GatewayOptions {
  ceremonies: Ceremonies;
  auth: OperatorAuth;
  logger: Logger;
  allowedOrigins: readonly string[];
  /** Which proxies may tell a client's address (TRUST_PROXY), as for Express's req.ip. */
  trustProxy: ProxyTrust;
  /** PUBLIC_URL: the server's own origin behind a proxy, besides its Host. */
  publicUrl?: string | undefined;
  now: () => number;
  newId: () => string;
  /** Two keys (S30): retract and jump read the policy; consoles get the requests. */
  twoKeys?: Pick<TwoKeys, 'board' | 'guard'>;
}

/**
 * Socket.IO: public screens on the default namespace, operator consoles on /operator. Each run's
 * events go once per channel room (one encoding per channel, at that channel's delay), never per
 * socket.
 */
export class SocketGateway {
  readonly io: Server<ScreenToServerEvents, ServerToScreenEvents, Record<string, never>, ScreenData>;
  private readonly operators: OperatorNamespace;
  private readonly registry = new ScreenRegistry();
  private readonly deliveries = new Map<string, ChannelDelivery>();
  private readonly runs = new Map<string, CeremonyRun>();
  private readonly notifyTimers = new Map<string, NodeJS.Timeout>();
  private readonly reactions: ReactionHub;
  private readonly attendance: AttendanceSampler;
  private readonly sessions: ConsoleSessions;
  private readonly screenGuard: ScreenGuard;
  readonly replays: ReplayRooms;

  constructor(
    httpServer: HttpServer,
    private readonly options: GatewayOptions,
  ) {
    this.io = new Server(httpServer, {
      serveClient: false,
      maxHttpBufferSize: 16 * 1024,
      pingInterval: HEARTBEAT.pingIntervalMs, pingTimeout: HEARTBEAT.pingTimeoutMs, // S28: a dead link is seen in seconds
      cors: { origin: [...options.allowedOrigins], credentials: true },
      allowRequest: (req, callback) => callback(null, originAllowed(req, options.allowedOrigins, options.publicUrl)),
    });
    this.operators = this.io.of('/operator') as unknown as OperatorNamespace;
    this.replays = new ReplayRooms(
      (ceremonyId, replayId) => ({
        snapshot: (state) => this.io.to(replayRoom(ceremonyId, replayId)).emit('snapshot', projectPublic(state)),
        events: (events) => {
          const room = this.io.to(replayRoom(ceremonyId, replayId));
          for (const event of events) room.emit('event', event);
        },
      }),
      options.now,
    );
    // The client's address for everything that limits by address (reactions): read through the
    // proxies TRUST_PROXY names, exactly as Express reads req.ip, never a bare X-Forwarded-For.
    for (const namespace of [this.io, this.operators] as const) {
      namespace.use((socket, next) => {
        socket.handshake.address = clientAddress(socket.request, options.trustProxy) || socket.handshake.address;
        next();
      });
    }
    this.io.use((socket, next) => void this.admitScreen(socket).then(() => next(), next));
    this.io.on('connection', (socket) => {
      this.screenGuard.attach(socket);
      if (socket.data.replay) this.onReplayScreen(socket, socket.data.replay);
      else this.onScreen(socket);
    });
    this.operators.use((socket, next) => void this.admitOperator(socket).then(() => next(), next));
    this.operators.on('connection', (socket) => this.onOperator(socket));

    this.reactions = new ReactionHub((flush) => {
      const run = this.runs.get(flush.runId);
      if (!run) return;
      this.io.to(screensRoom(run)).emit('reactions', { burst: flush.burst, totals: flush.totals });
      this.toOperators(run).emit('reactions', flush);
    }, options.now);
    this.attendance = new AttendanceSampler(
      () => new Map([...this.runs.values()].map((run) => [run.runId, this.attendanceCounts(run)])),
      (runId, series) => {
        const run = this.runs.get(runId);
        if (run) this.toOperators(run).emit('attendance', series);
      },
      options.now,
    );
    this.screenGuard = new ScreenGuard(options.logger, options.now);
    this.sessions = new ConsoleSessions(this.operators, options.auth, options.now, (socket) => this.scheduleNotify(socket.data.run));
  }

  /** Sends committed events of a run to its consoles at once, and to each channel at its time. */
  publish(run: CeremonyRun, events: readonly CeremonyEvent[]): void {
    const withPreviews = this.toOperators(run, previewRoom(run));
    const sealed = this.toOperators(run, sealedRoom(run));
    for (const event of events) {
      withPreviews.emit('event', event);
      sealed.emit('event', sealEvent(event));
    }
    this.delivery(run).publish(events);
    this.toOperators(run, presenterRoom(run)).emit('presenter', this.presenterFrame(run));
    if (events.some((e) => e.type === 'channel_set')) {
      for (const event of events) {
        if (event.type === 'channel_set') this.io.to(channelRoom(run, event.channelId)).emit('channel', run.current.channels[event.channelId]!);
      }
    }
  }

  /** A failure every console of the run on this process is told of (e.g. broadcast_degraded). */
  warnConsoles(run: CeremonyRun, error: PodiumError): void {
    this.toLocalOperators(run).emit('failure', error);
  }

  /**
   * A run moved to another definition version: this process's consoles get a new operator view
   * at once (its previews show what GO reveals now). Each process sends its own, after its run has
   * read the new version from the log.
   */
  refreshConsoles(run: CeremonyRun): void {
    this.toLocalOperators(run, previewRoom(run)).emit('snapshot', run.operatorView());
    this.toLocalOperators(run, sealedRoom(run)).emit('snapshot', run.sealedOperatorView());
    this.toLocalOperators(run, presenterRoom(run)).emit('presenter', this.presenterFrame(run));
  }

  /** The ceremonies with a console open on this process (whose requests it shows). */
  approvalCeremonies(): string[] {
    const prefix = `${APPROVALS_ROOM}`;
    const ids = new Set<string>();
    for (const room of this.operators.adapter.rooms.keys()) if (room.startsWith(prefix)) ids.add(room.slice(room.indexOf(':', prefix.length) + 1));
    return [...ids];
  }

  /** Shows a ceremony's requests on this process's consoles: without a correction's results to those that may not see them. */
  showApprovals(ceremonyId: string, boards: { full: ApprovalBoard; sealed: ApprovalBoard }): void {
    for (const seesResults of [true, false]) {
      const room = approvalsRoom(ceremonyId, seesResults);
      this.sessions.pruneRoom(room);
      this.operators.local.to(room).emit('approvals', seesResults ? boards.full : boards.sealed);
    }
  }

  counts(run: CeremonyRun): ScreenCounts {
    const size = (role: ScreenRole) => this.io.of('/').adapter.rooms.get(roleRoom(run, role))?.size ?? 0;
    return {
      audience: size('audience'),
      stage: size('stage'),
      overlay: size('overlay'),
      delegate: size('delegate'),
      operator: this.operators.adapter.rooms.get(operatorsRoom(run))?.size ?? 0,
    };
  }

  async close(): Promise<void> {
    this.sessions.close();
    for (const timer of this.notifyTimers.values()) clearTimeout(timer);
    this.notifyTimers.clear();
    for (const delivery of this.deliveries.values()) delivery.close();
    this.replays.close();
    this.reactions.close();
    this.attendance.close();
    await this.io.close();
  }

  private delivery(run: CeremonyRun): ChannelDelivery {
    let delivery = this.deliveries.get(run.runId);
    if (!delivery || this.runs.get(run.runId) !== run) {
      delivery?.close();
      delivery = new ChannelDelivery(run, (channelId, events) => {
        const room = this.io.to(channelRoom(run, channelId));
        for (const event of events) room.emit('event', toPublicEvent(event));
      }, this.options.now);
      this.deliveries.set(run.runId, delivery);
      this.runs.set(run.runId, run);
    }
    return delivery;
  }

  private attendanceCounts(run: CeremonyRun): { audience: number; screens: number } {
    const counts = this.counts(run);
    return { audience: counts.audience + counts.delegate, screens: counts.audience + counts.delegate + counts.stage + counts.overlay };
  }

  private async openRun(ceremonyId: string, runId: string): Promise<CeremonyRun> {
    const run = await this.options.ceremonies.run(ceremonyId, runId);
    if (run) return run;
    if (runId !== LIVE_RUN_ID && (await this.options.ceremonies.live(ceremonyId))) throw refusal(ErrorCodes.unknownRun, `Ceremony "${ceremonyId}" has no run "${runId}".`);
    throw refusal(ErrorCodes.unknownCeremony, `There is no ceremony "${ceremonyId}".`);
  }

  // ---- public screens ----

  private async admitScreen(socket: ScreenSocket): Promise<void> {
    const auth = ScreenAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) throw refusal(ErrorCodes.invalidMessage, 'auth must be { ceremonyId, runId?, runKey?, role?, screenKey?, lastSeq?, channel?, name?, delegate? }.');
    const { ceremonyId, runId } = auth.data;
    if (runId !== LIVE_RUN_ID && !this.options.auth.verifyRunKey(ceremonyId, runId, auth.data.runKey)) {
      throw refusal(ErrorCodes.unauthorized, `Run "${runId}" needs the key from its screen links.`);
    }
    if ((auth.data.role === 'stage' || auth.data.role === 'overlay') && !this.options.auth.verifyScreenKey(ceremonyId, auth.data.role, auth.data.screenKey)) {
      throw refusal(ErrorCodes.unauthorized, `A ${auth.data.role} screen needs the key of its link (k=): ask the operator for the ${auth.data.role} link.`);
    }
    const replayRun = REPLAY_ID_PATTERN.test(runId);
    const run = await this.openRun(auth.data.ceremonyId, replayRun ? LIVE_RUN_ID : auth.data.runId);
    if (replayRun) {
      const room = this.replays.get(auth.data.ceremonyId, auth.data.runId);
      if (!room) throw refusal(ErrorCodes.unknownRun, `Ceremony "${auth.data.ceremonyId}" has no replay room "${auth.data.runId}".`);
      socket.data = { run, info: this.screenInfo(socket.id, auth.data.role, auth.data.name, DEFAULT_CHANNEL_ID), replay: { ceremonyId: auth.data.ceremonyId, room } };
      return;
    }
    const { role, delegate } = auth.data;
    if (role === 'delegate') {
      const known = run.definition.organizations?.some((o) => o.id === delegate?.organizationId);
      if (!delegate || !known || !this.options.auth.verifyDelegateKey(run.definition.id, delegate.organizationId, delegate.key)) {
        throw refusal(ErrorCodes.unauthorized, 'This delegate link is not valid.');
      }
    }
    // A screen that saw more than this process has (another process appended): catch up first.
    if (auth.data.lastSeq !== undefined && auth.data.lastSeq > run.current.seq) await run.catchUp();
    // Checked and registered in one tick, so a burst of handshakes cannot all slip under the cap.
    if (!this.registry.hasRoom(run.runId, role)) {
      throw refusal(ErrorCodes.tooManyScreens, `This run already has as many ${role === 'delegate' ? 'delegate' : 'stage and overlay'} screens as it admits; close one first.`);
    }
    const info = this.screenInfo(socket.id, role, auth.data.name, this.delivery(run).resolve(auth.data.channel));
    socket.data = { run, info: role === 'delegate' && delegate ? { ...info, organizationId: delegate.organizationId, location: delegate.location } : info };
    this.registry.add(run.runId, socket.data.info);
    // Forgotten when the connection closes, even if the socket never got to connect.
    socket.conn.once('close', () => this.registry.remove(run.runId, socket.id));
  }

  private screenInfo(id: string, role: ScreenRole, name: string | undefined, channel: string): ScreenInfo {
    return { id, role, name: name ?? `${role} ${id.slice(0, 4)}`, channel, rttMs: null, offsetMs: null, renderedCueId: null, renderedSeq: 0, nudgeMs: 0, connectedAt: this.options.now() };
  }

  /** A screen in a replay room: the room's state now, then what the room plays. */
  private onReplayScreen(socket: ScreenSocket, replay: { ceremonyId: string; room: ReplayRoom }): void {
    void socket.join(replayRoom(replay.ceremonyId, replay.room.replayId));
    socket.emit('snapshot', projectPublic(replay.room.state));
    socket.on('sync', () => this.screenGuard.allowed(socket, 'sync') && this.screenGuard.canSend(socket) && socket.emit('snapshot', projectPublic(replay.room.state)));
    socket.on('clock', (_sentAt, ack) => typeof ack === 'function' && this.screenGuard.allowed(socket, 'clock') && ack(this.options.now()));
  }

  private onScreen(socket: ScreenSocket): void {
    const { run, info } = socket.data;
    const lastSeq = ScreenAuthSchema.shape.lastSeq.safeParse(socket.handshake.auth.lastSeq).data;
    // Joining and catching up happen in one tick: no event can fall between the two.
    void socket.join([screensRoom(run), channelRoom(run, info.channel), roleRoom(run, info.role)]);
    socket.emit('channel', run.current.channels[info.channel]!);
    if (info.organizationId) {
      const organization = run.definition.organizations?.find((o) => o.id === info.organizationId);
      socket.emit('delegation', { id: info.organizationId, name: organization?.name ?? null });
    }
    this.catchUpScreen(socket, lastSeq);

    socket.on('sync', (request) => {
      if (!this.screenGuard.allowed(socket, 'sync')) return;
      const parsed = SyncSchema.safeParse(request);
      if (!parsed.success) return socket.emit('failure', podiumError(ErrorCodes.invalidMessage, 'sync takes { lastSeq: a whole number ≥ 0 }.'));
      const { lastSeq: asked } = parsed.data;
      // The log unreachable: answer from what this process has; the screen asks again on the next gap.
      const caughtUp = asked > run.current.seq ? run.catchUp().catch(() => undefined) : Promise.resolve();
      void caughtUp.then(() => this.catchUpScreen(socket, asked));
    });
    socket.on('clock', (_sentAt, ack) => {
      if (typeof ack === 'function' && this.screenGuard.allowed(socket, 'clock')) ack(this.options.now());
    });
    socket.on('hello', (report) => {
      if (!this.screenGuard.allowed(socket, 'hello')) return;
      const parsed = HelloSchema.safeParse(report);
      if (!parsed.success) return;
      const { name, location, offsetMs, rttMs, nudgeMs } = parsed.data;
      this.registry.update(run.runId, socket.id, {
        ...(name ? { name } : {}),
        ...(nudgeMs !== undefined ? { nudgeMs } : {}),
        ...(location && info.role === 'delegate' ? { location } : {}),
        ...(offsetMs !== undefined ? { offsetMs: Math.round(offsetMs) } : {}),
        ...(rttMs !== undefined ? { rttMs: Math.round(rttMs) } : {}),
      });
      this.scheduleNotify(run);
    });
    socket.on('rendered', (report) => {
      if (!this.screenGuard.allowed(socket, 'rendered')) return;
      const parsed = RenderedSchema.safeParse(report);
      if (!parsed.success || parsed.data.seq > run.current.seq) return;
      this.registry.update(run.runId, socket.id, { renderedCueId: parsed.data.cueId, renderedSeq: parsed.data.seq });
      this.scheduleNotify(run);
    });
    socket.on('react', (kind) => {
      if (!(ReactionKinds as readonly unknown[]).includes(kind)) return;
      const cueId = run.current.lastRevealCueId ?? run.current.currentCueId ?? 'before-start';
      this.reactions.react(run.runId, cueId, socket.id, socket.handshake.address, kind as (typeof ReactionKinds)[number]);
    });
    socket.on('disconnect', () => {
      this.registry.remove(run.runId, socket.id);
      this.reactions.forgetSocket(socket.id);
      this.scheduleNotify(run);
    });
    this.scheduleNotify(run);
  }

  /** Sends a screen what it missed since lastSeq on its channel, or a snapshot of its channel. */
  private catchUpScreen(socket: ScreenSocket, lastSeq: number | undefined): void {
    const { run, info } = socket.data;
    if (!this.screenGuard.canSend(socket)) return;
    const released = this.delivery(run).released(info.channel);
    const missed = lastSeq && lastSeq <= released ? run.eventsAfter(lastSeq)?.filter((e) => e.seq <= released) : null;
    if (missed && missed.length <= MAX_REPLAY) for (const event of missed) socket.emit('event', toPublicEvent(event));
    else socket.emit('snapshot', projectPublic(run.stateAt(released)));
  }

  // ---- operator consoles ----

  private async admitOperator(socket: OperatorSocket): Promise<void> {
    const auth = OperatorAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) throw refusal(ErrorCodes.invalidMessage, 'auth must be { ceremonyId, runId?, token?, lastSeq? }.');
    const token = auth.data.token ?? tokenFromHeaders({ cookie: socket.handshake.headers.cookie });
    const session = token ? this.options.auth.principal(token, this.options.now()) : null;
    if (!token || !session) throw refusal(ErrorCodes.unauthorized, 'Sign in first.');
    if (auth.data.presenter && !allowed(session, 'presenter.view', auth.data.ceremonyId)) {
      throw refusal(ErrorCodes.forbidden, `This sign-in may not open the presenter's screen of ceremony "${auth.data.ceremonyId}".`);
    }
    if (!allowed(session, 'console.view', auth.data.ceremonyId)) throw refusal(ErrorCodes.forbidden, `This sign-in may not open the console of ceremony "${auth.data.ceremonyId}".`);
    const run = await this.openRun(auth.data.ceremonyId, auth.data.runId);
    // A rehearsal on the real results shows the winners: not to a console that may not see them.
    if (run.realResultsRehearsal && !allowed(session, 'results.see')) {
      throw refusal(ErrorCodes.forbidden, 'This rehearsal uses the real results: your role may not see them.');
    }
    socket.data = { run, token, session, ...(auth.data.presenter ? { presenter: true as const } : {}) };
  }

  /** Whether a console may see results (its previews): else it gets the sealed view (S29). */
  private seesResults(socket: OperatorSocket): boolean {
    return allowed(socket.data.session, 'results.see', socket.data.run.definition.id);
  }

  private viewFor(socket: OperatorSocket): OperatorView {
    return this.seesResults(socket) ? socket.data.run.operatorView() : socket.data.run.sealedOperatorView();
  }

  private onOperator(socket: OperatorSocket): void {
    const { run } = socket.data;
    // Revoked or expired while the run was opening: not one frame of the operator view.
    if (!this.sessions.isLive(socket)) return this.sessions.cutOff(socket);
    this.sessions.guard(socket);
    if (socket.data.presenter) return this.onPresenter(socket);
    this.delivery(run);
    void socket.join([operatorsRoom(run), this.seesResults(socket) ? previewRoom(run) : sealedRoom(run), approvalsRoom(run.definition.id, this.seesResults(socket))]);
    const twoKeys = this.options.twoKeys;
    if (twoKeys) void twoKeys.board(run.definition.id).then((boards) => socket.connected && socket.emit('approvals', this.seesResults(socket) ? boards.full : boards.sealed), () => undefined);
    socket.emit('snapshot', this.viewFor(socket));
    socket.emit('screens', this.counts(run));
    this.sendRegistry(socket);
    socket.emit('attendance', this.attendance.of(run.runId));
    socket.on('sync', (request) => {
      // A console ahead of this process (another process appended): catch up before answering.
      const asked = SyncSchema.safeParse(request).data?.lastSeq ?? 0;
      const caughtUp = asked > run.current.seq ? run.catchUp().catch(() => undefined) : Promise.resolve();
      void caughtUp.then(() => socket.emit('snapshot', this.viewFor(socket)));
    });
    socket.on('registry', () => this.sendRegistry(socket));
    socket.on('command', (command, ack) => {
      if (typeof ack !== 'function') return socket.emit('failure', podiumError(ErrorCodes.invalidMessage, 'command needs an acknowledgement callback.'));
      void this.runCommand(socket, command).then(ack);
    });
    socket.on('screen', (request, ack) => {
      if (typeof ack !== 'function') return;
      ack(this.changeScreen(socket, request));
    });
    socket.on('disconnect', () => this.scheduleNotify(run));
    this.scheduleNotify(run);
  }

  /** The presenter view, stamped with the server's clock (the screen shows how long a segment has run). */
  private presenterFrame(run: CeremonyRun): PresenterView {
    return { ...run.presenterView(), sentAt: this.options.now() };
  }

  /**
   * The presenter's screen (S33): in its own room, it gets the presenter view and nothing of the
   * console's (no events, previews, registry). It drives nothing: every message but sync is ignored.
   */
  private onPresenter(socket: OperatorSocket): void {
    const { run } = socket.data;
    void socket.join(presenterRoom(run));
    socket.emit('presenter', this.presenterFrame(run));
    socket.on('sync', () => {
      if (this.sessions.principal(socket)) socket.emit('presenter', this.presenterFrame(run));
    });
    socket.on('command', (_command, ack) => {
      if (typeof ack === 'function') ack({ ok: false, error: podiumError(ErrorCodes.forbidden, "The presenter's screen drives nothing: commands come from the console.") });
    });
  }

  /** A run's consoles (or those of one of its rooms), to push to (those whose session ended are cut off first: S19). */
  private toOperators(run: CeremonyRun, room = operatorsRoom(run)) {
    this.sessions.pruneRoom(room);
    return this.operators.to(room);
  }

  /** The same, to this process's consoles only: what each process sends its own (a fresh view). */
  private toLocalOperators(run: CeremonyRun, room = operatorsRoom(run)) {
    this.sessions.pruneRoom(room);
    return this.operators.local.to(room);
  }

  /**
   * Who a console acts as, when it may do `capability` now; else why not (S19 session, S29 role).
   */
  private permit(socket: OperatorSocket, capability: Capability): { ok: true; principal: Principal } | { ok: false; error: PodiumError } {
    const principal = this.sessions.principal(socket);
    if (!principal) return { ok: false, error: podiumError(ErrorCodes.unauthorized, SESSION_ENDED) };
    if (!allowed(principal, capability, socket.data.run.definition.id)) {
      return { ok: false, error: podiumError(ErrorCodes.forbidden, `The role "${principal.role}" may not do this from the console (it needs ${capability}).`) };
    }
    return { ok: true, principal };
  }

  private async runCommand(socket: OperatorSocket, command: unknown) {
    const { run } = socket.data;
    const permit = this.permit(socket, 'run.drive');
    if (!permit.ok) return permit;
    try {
      // Only what two keys may guard reads the policy: GO, hold, resume, announce never wait for it (S30).
      const type = commandType(command);
      if ((type === 'retract' || type === 'jump') && this.options.twoKeys) {
        const refusal = await this.options.twoKeys.guard(run.definition.id, type);
        if (refusal) return { ok: false as const, error: refusal };
      }
      const result = await run.handle(command, { ...actorOf(permit.principal), now: this.options.now(), fallbackCommandId: this.options.newId() });
      this.options.logger.info(
        { runId: run.runId, via: 'socket', type: commandType(command), ok: result.ok, code: result.ok ? undefined : result.error.code, seq: result.ok ? result.seq : undefined },
        'command',
      );
      return result;
    } catch (error) {
      this.options.logger.error({ runId: run.runId, err: error }, 'command failed');
      return { ok: false as const, error: podiumError(ErrorCodes.internal, 'The server could not apply this command; nothing was changed.') };
    }
  }

  /** Renames a screen, moves it to another channel or view, or reloads it. */
  private changeScreen(socket: OperatorSocket, request: ScreenRequest): AckResult {
    const { run } = socket.data;
    const permit = this.permit(socket, 'screens.manage');
    if (!permit.ok) return permit;
    const parsed = ScreenRequestSchema.safeParse(request);
    if (!parsed.success) return { ok: false, error: podiumError(ErrorCodes.invalidMessage, 'screen takes { screenId, name?, channel?, view?, reload? }.') };
    const { screenId, name, channel, view, reload } = parsed.data;
    const screen = this.io.of('/').sockets.get(screenId) as ScreenSocket | undefined;
    if (!screen || screen.data.run !== run) return { ok: false, error: podiumError(ErrorCodes.notFound, 'That screen is no longer connected.') };
    if (channel !== undefined && !run.current.channels[channel]) return { ok: false, error: podiumError(ErrorCodes.notFound, `There is no channel "${channel}".`) };
    if (name) {
      this.registry.update(run.runId, screenId, { name });
      screen.emit('renamed', name);
    }
    if (channel !== undefined && channel !== screen.data.info.channel) {
      void screen.leave(channelRoom(run, screen.data.info.channel));
      this.registry.update(run.runId, screenId, { channel });
      void screen.join(channelRoom(run, channel));
      screen.emit('channel', run.current.channels[channel]!);
      // Another channel may be behind or ahead: the screen starts again from that channel's state.
      this.catchUpScreen(screen, undefined);
    }
    // The operator makes this screen a stage or overlay: it gets that link's key to reconnect with.
    if (view) screen.emit('navigate', view === 'audience' ? { view } : { view, screenKey: this.options.auth.screenKey(run.definition.id, view) });
    if (reload) screen.emit('reload');
    this.scheduleNotify(run);
    return { ok: true };
  }

  /** Tells the run's consoles who is connected, at most every NOTIFY_EVERY_MS. */
  private scheduleNotify(run: CeremonyRun): void {
    if (this.notifyTimers.has(run.runId)) return;
    this.notifyTimers.set(
      run.runId,
      setTimeout(() => {
        this.notifyTimers.delete(run.runId);
        const operators = this.toOperators(run);
        operators.emit('screens', this.counts(run));
        operators.emit('registry', this.registry.forConsoles(run.runId, run.current.lastRevealCueId).diff);
      }, NOTIFY_EVERY_MS),
    );
  }

  /**
   * The whole registry to one console. The others get what changed until now first, so that every
   * console's next diff is from the same list.
   */
  private sendRegistry(socket: OperatorSocket): void {
    const { run } = socket.data;
    const { diff, full } = this.registry.forConsoles(run.runId, run.current.lastRevealCueId);
    this.toOperators(run).except(socket.id).emit('registry', diff);
    socket.emit('registry', full);
  }
}
