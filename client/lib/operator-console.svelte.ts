import type { Command, CommandType } from '../../shared/commands';
import type { Cue, RevealedEntry } from '../../shared/cues';
import { ErrorCodes, type PodiumError } from '../../shared/errors';
import type { CeremonyEvent } from '../../shared/events';
import { AUDIT_LOG_LENGTH, type OperatorView } from '../../shared/projection';
import type { AttendanceSample, Presence, RegistryUpdate, ScreenCounts, ScreenRequest } from '../../shared/protocol';
import { applyRegistryMessage } from '../../shared/registry-diff';
import type { ReactionCounts } from '../../shared/reactions';
import { LIVE_RUN_ID } from '../../shared/runs';
import { nextCue, type CeremonyState } from '../../shared/state';
import type { Text } from '../../shared/text';
import { ApiError, type ArchiveLinks, type CeremonyLinks, type CeremonySummary, type DelegateLink, type PodiumApi } from './api';
import { RolePermissions, type Capability } from '../../shared/crew';
import { serverError, type ServerError } from './server-errors';
import { CrewApi, type Credentials, type SignedInPerson } from './crew-api';
import { CrewDesk } from './crew.svelte';
import { latestReveal, type Reveal } from './ceremony-view';
import { ConnectionStatuses, type ConnectionStatus } from './connection-status';
import { NotConnectedError, OperatorConnection, type OperatorConnectionOptions } from './operator-connection';
import { OperatorRuns } from './operator-runs.svelte';
import { SealStatus } from './seal-check.svelte';
import { AttendanceDesk } from './attendance-desk.svelte';
import { ReplayDesk } from './replay-desk.svelte';
import { TwoKeysDesk } from './two-keys-desk.svelte';
import { applyInOrder } from './sequence';

export const OperatorPhases = {
  checking: 'checking',
  signedOut: 'signed_out',
  loading: 'loading',
  ready: 'ready',
  failed: 'failed',
} as const;
export type OperatorPhase = (typeof OperatorPhases)[keyof typeof OperatorPhases];

/** The person signed in at a console. */
export type ConsoleUser = SignedInPerson & { capabilities: readonly Capability[] };

/** A command the server refused, that got no answer, or that could not be sent: shown until the next command. */
export interface Refusal {
  command: CommandType;
  /** `no_ack`: no answer in time, the outcome is unknown. `not_sent`: no connection, nothing was sent. */
  error: PodiumError | { code: 'no_ack' | 'not_sent'; message: string };
}

export interface OperatorConsoleOptions {
  api: PodiumApi;
  /** From `?ceremony=`; else the first ceremony listed. */
  ceremonyId: string | null;
  /** From `?run=`: the live run unless a rehearsal is named. */
  runId?: string;
  /** Called when the operator picks a ceremony or a run, to keep the URL in step. */
  onCeremonyChange?: (ceremonyId: string, runId: string) => void;
  createConnection?: (options: OperatorConnectionOptions) => OperatorConnection;
  /** The crew's routes (who is signed in, people, invitations, tokens). */
  crewApi?: CrewApi;
  newCommandId?: () => string;
}

/** The operator console's state and every action it can take. Components read it and call it. */
export class OperatorConsole {
  phase: OperatorPhase = $state(OperatorPhases.checking);
  /** Who is signed in at this console, with what their role may do (S29). */
  me: ConsoleUser | null = $state.raw(null);
  signInError: string | null = $state(null);
  /** The server cut this console off (its session was signed out or ended by a producer): the sign-in form says so. */
  sessionEnded = $state(false);
  signingIn = $state(false);
  loadError: string | null = $state(null);
  ceremonies: CeremonySummary[] = $state.raw([]);
  ceremonyId: string | null = $state(null);
  /** The run this console drives: `live`, or a rehearsal (`rehearsal-N`). */
  runId: string = $state(LIVE_RUN_ID);
  view: OperatorView | null = $state.raw(null);
  /** The definition version the previews were made for (the last snapshot's). */
  previewsVersion: number | null = $state(null);
  screens: ScreenCounts | null = $state.raw(null);
  connection: ConnectionStatus = $state(ConnectionStatuses.connecting);
  refusal: Refusal | null = $state.raw(null);
  pending: CommandType | null = $state(null);
  /** Every connected screen (the audience as counts and at most 100 phones), and delegates present. */
  registry: RegistryUpdate | null = $state.raw(null);
  /** Connected audience over the ceremony, sampled by the server. */
  attendance: AttendanceSample[] = $state.raw([]);
  /** Reactions per reveal cue, and in all. */
  reactionsByCue: Record<string, ReactionCounts> = $state.raw({});
  links: CeremonyLinks | null = $state.raw(null);
  delegates: DelegateLink[] | null = $state.raw(null);
  linksError: ServerError | null = $state.raw(null);
  /** The last screen request the server refused or did not answer. */
  screenError: ServerError | null = $state.raw(null);

  readonly state: CeremonyState | null = $derived(this.view?.state ?? null);
  readonly next: Cue | null = $derived(this.state ? nextCue(this.state) : null);
  readonly lastReveal: Reveal | null = $derived(this.state ? latestReveal(this.state) : null);
  readonly presence: Presence = $derived(this.registry?.presence ?? {});
  /** The previews show the version the run uses now; after a correction, until the new ones arrive, they do not. */
  readonly previewsCurrent: boolean = $derived(!!this.state && this.previewsVersion === this.state.version);
  /** May drive the run (GO, hold, announce, jump, retract, channels): else the console is read-only (S29). */
  readonly drives: boolean = $derived(this.me === null || this.me.capabilities.includes('run.drive'));
  /** May rename, move and reload screens. */
  readonly managesScreens: boolean = $derived(this.me === null || this.me.capabilities.includes('screens.manage'));
  readonly canGo: boolean = $derived(this.drives && !!this.state && !this.state.hold && this.next !== null && this.pending === null && this.previewsCurrent);
  /** The last change of results during the run (a results correction): the console announces it. */
  readonly lastCorrection: CeremonyEvent | null = $derived(
    this.view?.recent.findLast((e) => e.type === 'definition_published' && e.correction !== undefined) ?? null,
  );
  /** Not the live run: the console says so everywhere, so a GO here is never taken for a live one. */
  readonly isRehearsal: boolean = $derived(this.runId !== LIVE_RUN_ID);

  /** The ceremony's runs (live and rehearsals) and its replay room. */
  readonly runs: OperatorRuns;
  readonly replays: ReplayDesk;
  /** Who is signed in now; for a producer, the people, invitations and API tokens too. */
  readonly crew: CrewDesk;
  /** What the signed-in person's role may do (S29): a control it may not use is not shown. A session without a person (an older server) may do all, as `drives`. */
  may(capability: Capability): boolean {
    return this.me === null || this.me.capabilities.includes(capability);
  }
  /** May manage the crew (a producer). */
  readonly managesCrew: boolean = $derived(this.me?.capabilities.includes('crew.manage') ?? false);
  /** The results' seal (S31): its status, and sealing for those with results.seal. */
  readonly seal: SealStatus;
  /** A recipient's attendance, set live before the reveal (S34). */
  readonly attendanceDesk: AttendanceDesk;
  /** Two keys (S30): the policy, the requests, asking and confirming. */
  readonly twoKeys: TwoKeysDesk;

  readonly #options: OperatorConsoleOptions;
  #connection: OperatorConnection | null = null;
  /** The ceremony whose runs and replay room are loaded. */
  #runsOf: string | null = null;
  #syncAskedAt: number | null = null;

  constructor(options: OperatorConsoleOptions) {
    this.#options = options;
    this.ceremonyId = options.ceremonyId;
    this.runId = options.runId ?? LIVE_RUN_ID;
    this.runs = new OperatorRuns(options.api, () => this.ceremonyId);
    this.replays = new ReplayDesk(options.api, () => this.ceremonyId);
    this.crew = new CrewDesk(options.crewApi ?? new CrewApi(), () => this.managesCrew);
    this.seal = new SealStatus(options.api, () => this.ceremonyId);
    this.attendanceDesk = new AttendanceDesk(options.api, () => this.ceremonyId);
    this.twoKeys = new TwoKeysDesk(options.api, () => this.ceremonyId);
  }

  async start(): Promise<void> {
    this.phase = OperatorPhases.checking;
    try {
      const session = await this.#options.api.session();
      this.me = session.person ? { ...session.person, capabilities: session.capabilities ?? [...RolePermissions[session.person.role]] } : null;
      if (!session.authenticated) {
        this.phase = OperatorPhases.signedOut;
        return;
      }
    } catch (error) {
      this.#fail(error);
      return;
    }
    await this.#open();
  }

  stop(): void {
    this.#connection?.disconnect();
    this.#connection = null;
  }

  /** By name and secret, or (the first producer) by the passcode. `signInError` holds the refusal's code. */
  async signIn(credentials: Credentials): Promise<void> {
    this.signingIn = true;
    this.signInError = null;
    try {
      const { person } = await this.#options.api.signIn(credentials);
      this.me = { ...person, capabilities: [...RolePermissions[person.role]] };
      this.sessionEnded = false;
    } catch (error) {
      this.signInError = error instanceof ApiError ? error.code : error instanceof Error ? error.message : String(error);
      return;
    } finally {
      this.signingIn = false;
    }
    await this.#open();
  }

  async signOut(): Promise<void> {
    this.stop();
    this.sessionEnded = false;
    this.view = null;
    this.me = null;
    try {
      await this.#options.api.signOut();
    } finally {
      this.phase = OperatorPhases.signedOut;
    }
  }

  /** Another ceremony: its live run (or, on first load, the run the URL named). */
  selectCeremony(ceremonyId: string): void {
    if (ceremonyId === this.ceremonyId && this.#connection) return;
    if (this.#connection) this.runId = LIVE_RUN_ID;
    this.ceremonyId = ceremonyId;
    this.#switch();
  }

  /** Drives another run of the ceremony: the live run or a rehearsal. */
  selectRun(runId: string): void {
    if (!this.ceremonyId || (runId === this.runId && this.#connection)) return;
    this.runId = runId;
    this.#switch();
  }

  #switch(): void {
    const ceremonyId = this.ceremonyId;
    if (!ceremonyId) return;
    this.#options.onCeremonyChange?.(ceremonyId, this.runId);
    this.#connect(ceremonyId, this.runId);
    void this.loadLinks();
    if (this.#runsOf !== ceremonyId) {
      this.#runsOf = ceremonyId;
      this.runs.reset();
      this.replays.reset();
      this.twoKeys.reset();
      this.attendanceDesk.reset();
      // Replay rooms outlive a console: after a reload, take their controls back.
      void this.replays.reattach();
    }
    void this.runs.load();
  }

  go(): Promise<boolean> {
    const expected = this.next;
    if (!this.canGo || !expected) return Promise.resolve(false);
    // The version whose preview the operator saw: if the results changed since, the server refuses.
    return this.#send({ type: 'go', commandId: this.#newId(), expectedCue: expected.id, ...(this.previewsVersion !== null ? { version: this.previewsVersion } : {}) });
  }

  retract(reason?: Text): Promise<boolean> {
    const last = this.state?.revealStack.at(-1);
    if (!last) return Promise.resolve(false);
    const command = { type: 'retract' as const, commandId: this.#newId(), cueId: last, confirm: true, ...(reason ? { reason } : {}) };
    // The policy asks for a second person: a request instead of the command (S30).
    if (this.twoKeys.needs('retract')) return this.twoKeys.ask({ action: 'retract', command, runId: this.runId });
    return this.#send(command);
  }

  hold(): Promise<boolean> {
    return this.#send({ type: 'hold', commandId: this.#newId() });
  }

  resume(): Promise<boolean> {
    return this.#send({ type: 'resume', commandId: this.#newId() });
  }

  announce(text: Text, durationMs?: number): Promise<boolean> {
    return this.#send({ type: 'announce', commandId: this.#newId(), text, ...(durationMs !== undefined ? { durationMs } : {}) });
  }

  /** Takes the standing announcement off every screen now. */
  clearAnnouncement(): Promise<boolean> {
    return this.#send({ type: 'clear_announcement', commandId: this.#newId() });
  }

  jump(cueId: string): Promise<boolean> {
    const command = { type: 'jump' as const, commandId: this.#newId(), cueId, confirm: true };
    if (this.twoKeys.needs('jump')) return this.twoKeys.ask({ action: 'jump', command, runId: this.runId });
    return this.#send(command);
  }

  /** Opens the envelope of the next reveal for the presenter's screen (S33): its names show there from now on. */
  arm(): Promise<boolean> {
    const next = this.next;
    if (!next || next.kind !== 'reveal') return Promise.resolve(false);
    return this.#send({ type: 'arm', commandId: this.#newId(), cueId: next.id });
  }

  /** A message to the presenter's screen only (S33). */
  tellPresenter(text: Text): Promise<boolean> {
    return this.#send({ type: 'tell_presenter', commandId: this.#newId(), text });
  }

  /** Takes the overlay's graphics off air, or back on; the run does not move. */
  setOverlay(onAir: boolean): Promise<boolean> {
    return this.#send({ type: 'set_overlay', commandId: this.#newId(), onAir });
  }

  /** Adds a channel, or changes its name or delay. */
  setChannel(channelId: string, delayMs: number, name?: Text): Promise<boolean> {
    return this.#send({ type: 'set_channel', commandId: this.#newId(), channelId, delayMs, ...(name ? { name } : {}) });
  }

  /** Renames a screen, moves it to another channel or view, or reloads it. */
  async updateScreen(request: ScreenRequest): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    this.screenError = null;
    try {
      const result = await connection.screen(request);
      if (!result.ok) this.screenError = { code: result.error.code, message: result.error.message };
    } catch (error) {
      this.screenError = serverError(error);
    }
  }

  /** The audience, stage, overlay links of the run driven; delegate links are the live run's. */
  async loadLinks(): Promise<void> {
    const { ceremonyId, runId } = this;
    if (!ceremonyId) return;
    this.linksError = null;
    const current = () => ceremonyId === this.ceremonyId && runId === this.runId;
    try {
      const [links, delegates] = await Promise.all([
        this.#options.api.links(ceremonyId, runId),
        // The delegates' personal links are for roles with screens.links only: others never ask.
        runId === LIVE_RUN_ID && this.may('screens.links') ? this.#options.api.delegates(ceremonyId) : Promise.resolve(null),
      ]);
      if (!current()) return;
      this.links = links;
      this.delegates = delegates;
    } catch (error) {
      if (current()) this.linksError = serverError(error);
    }
  }

  qrCodeUrl(url: string): string | null {
    return this.ceremonyId ? this.#options.api.qrCodeUrl(this.ceremonyId, url) : null;
  }

  /** The results page, certificates and exports of the ceremony (always its live run). */
  get archiveLinks(): ArchiveLinks | null {
    return this.ceremonyId ? this.#options.api.archiveLinks(this.ceremonyId) : null;
  }

  previewOf(cue: Cue): RevealedEntry[] {
    return this.view?.previews[cue.id] ?? [];
  }

  dismissRefusal(): void {
    this.refusal = null;
  }

  async #open(): Promise<void> {
    this.phase = OperatorPhases.loading;
    try {
      this.ceremonies = await this.#options.api.listCeremonies();
    } catch (error) {
      this.#fail(error);
      return;
    }
    const named = this.ceremonies.find((c) => c.id === this.ceremonyId);
    const chosen = named ?? this.ceremonies[0];
    // The run in the URL belongs to the ceremony in the URL only.
    if (!named) this.runId = LIVE_RUN_ID;
    this.phase = OperatorPhases.ready;
    if (chosen) {
      this.stop();
      this.ceremonyId = chosen.id;
      this.#switch();
    }
  }

  #connect(ceremonyId: string, runId: string): void {
    this.stop();
    this.view = null;
    this.screens = null;
    this.refusal = null;
    this.registry = null;
    this.attendance = [];
    this.reactionsByCue = {};
    this.links = null;
    this.delegates = null;
    this.screenError = null;
    this.connection = ConnectionStatuses.connecting;
    const create = this.#options.createConnection ?? ((o) => new OperatorConnection(o));
    this.#connection = create({
      ceremonyId,
      runId,
      lastSeq: () => this.view?.state.seq,
      handlers: {
        snapshot: (view) => {
          this.#syncAskedAt = null;
          this.view = view;
          this.previewsVersion = view.state.version;
        },
        event: (event) => this.#apply(event),
        screens: (counts) => (this.screens = counts),
        registry: (message) => (this.registry = applyRegistryMessage(this.registry, message)),
        attendance: (samples) => (this.attendance = samples),
        reactions: (update) => (this.reactionsByCue = update.byCue),
        failure: (error) => (this.loadError = error.message),
        approvals: (board) => this.twoKeys.show(board),
        status: (status) => {
          this.connection = status;
          if (status === ConnectionStatuses.live) this.#syncAskedAt = null;
        },
        unauthorized: () => {
          this.stop();
          this.sessionEnded = true;
          this.phase = OperatorPhases.signedOut;
        },
      },
    });
    this.#connection.connect();
  }

  #apply(event: CeremonyEvent): void {
    const view = this.view;
    if (!view) return;
    const outcome = applyInOrder(view.state, event);
    switch (outcome.kind) {
      case 'applied':
        this.#syncAskedAt = null;
        this.view = { ...view, state: outcome.state, recent: [...view.recent, event].slice(-AUDIT_LOG_LENGTH) };
        // New results: the previews are stale until a snapshot of the new version arrives.
        if (event.type === 'definition_published') this.#connection?.sync(outcome.state.seq);
        return;
      case 'stale':
        return;
      case 'gap':
        if (this.#syncAskedAt !== outcome.lastSeq) {
          this.#syncAskedAt = outcome.lastSeq;
          this.#connection?.sync(outcome.lastSeq);
        }
        return;
      case 'invalid':
        this.view = null;
        this.#connection?.restart();
        return;
      default: {
        const never: never = outcome;
        throw new Error(`unknown outcome ${JSON.stringify(never)}`);
      }
    }
  }

  /** Sends a command now or says why not; true when the server applied it. Never re-sent by itself (S27). */
  async #send(command: Command): Promise<boolean> {
    const connection = this.#connection;
    if (!connection || this.pending) return false;
    this.pending = command.type;
    this.refusal = null;
    try {
      const result = await connection.send(command);
      if (result.ok) {
        for (const event of result.events) this.#apply(event);
        return true;
      }
      this.refusal = { command: command.type, error: result.error };
      // A mismatch means our view is behind: catch up so the console shows the real next cue.
      if ((result.error.code === ErrorCodes.cueMismatch || result.error.code === ErrorCodes.definitionChanged) && this.view) connection.sync(this.view.state.seq);
      if (result.error.code === ErrorCodes.unauthorized) {
        this.stop();
        this.sessionEnded = true;
        this.phase = OperatorPhases.signedOut;
      }
      return false;
    } catch (error) {
      if (error instanceof NotConnectedError) {
        this.refusal = { command: command.type, error: { code: 'not_sent', message: error.message } };
        return false;
      }
      // Applied or not, we cannot tell: catch up with the server (a reconnect does so by itself),
      // so the console shows what is true now; only the operator's next press acts again.
      this.refusal = { command: command.type, error: { code: 'no_ack', message: error instanceof Error ? error.message : String(error) } };
      if (this.view) connection.sync(this.view.state.seq);
      return false;
    } finally {
      this.pending = null;
    }
  }

  #newId(): string {
    return (this.#options.newCommandId ?? (() => crypto.randomUUID()))();
  }

  #fail(error: unknown): void {
    this.phase = OperatorPhases.failed;
    this.loadError = error instanceof Error ? error.message : String(error);
  }
}
