import type { Command, CommandType } from '../../shared/commands';
import type { Cue, RevealedEntry } from '../../shared/cues';
import { ErrorCodes, type PodiumError } from '../../shared/errors';
import type { CeremonyEvent } from '../../shared/events';
import { AUDIT_LOG_LENGTH, type OperatorView } from '../../shared/projection';
import type { AttendanceSample, Presence, ScreenCounts, ScreenInfo, ScreenRequest } from '../../shared/protocol';
import type { ReactionCounts } from '../../shared/reactions';
import { nextCue, type CeremonyState } from '../../shared/state';
import type { Text } from '../../shared/text';
import { type CeremonyLinks, type CeremonySummary, type DelegateLink, type PodiumApi } from './api';
import { latestReveal, type Reveal } from './ceremony-view';
import { ConnectionStatuses, type ConnectionStatus } from './connection-status';
import { AckTimeoutError, OperatorConnection, type OperatorConnectionOptions } from './operator-connection';
import { applyInOrder } from './sequence';

export const OperatorPhases = {
  checking: 'checking',
  signedOut: 'signed_out',
  loading: 'loading',
  ready: 'ready',
  failed: 'failed',
} as const;
export type OperatorPhase = (typeof OperatorPhases)[keyof typeof OperatorPhases];

/** A command the server refused, or that got no answer: shown until the next command. */
export interface Refusal {
  command: CommandType;
  error: PodiumError | { code: 'no_ack'; message: string };
}

export interface OperatorConsoleOptions {
  api: PodiumApi;
  /** From `?ceremony=`; else the first ceremony listed. */
  ceremonyId: string | null;
  /** Called when the operator picks a ceremony, to keep the URL in step. */
  onCeremonyChange?: (ceremonyId: string) => void;
  createConnection?: (options: OperatorConnectionOptions) => OperatorConnection;
  newCommandId?: () => string;
}

/** The operator console's state and every action it can take. Components read it and call it. */
export class OperatorConsole {
  phase: OperatorPhase = $state(OperatorPhases.checking);
  signInError: string | null = $state(null);
  signingIn = $state(false);
  loadError: string | null = $state(null);
  ceremonies: CeremonySummary[] = $state.raw([]);
  ceremonyId: string | null = $state(null);
  view: OperatorView | null = $state.raw(null);
  screens: ScreenCounts | null = $state.raw(null);
  connection: ConnectionStatus = $state(ConnectionStatuses.connecting);
  refusal: Refusal | null = $state.raw(null);
  pending: CommandType | null = $state(null);
  /** Every connected screen, and delegates present per organization. */
  registry: { screens: ScreenInfo[]; presence: Presence } | null = $state.raw(null);
  /** Connected audience over the ceremony, sampled by the server. */
  attendance: AttendanceSample[] = $state.raw([]);
  /** Reactions per reveal cue, and in all. */
  reactionsByCue: Record<string, ReactionCounts> = $state.raw({});
  links: CeremonyLinks | null = $state.raw(null);
  delegates: DelegateLink[] | null = $state.raw(null);
  linksError: string | null = $state(null);
  /** The last screen request the server refused or did not answer. */
  screenError: string | null = $state(null);

  readonly state: CeremonyState | null = $derived(this.view?.state ?? null);
  readonly next: Cue | null = $derived(this.state ? nextCue(this.state) : null);
  readonly lastReveal: Reveal | null = $derived(this.state ? latestReveal(this.state) : null);
  readonly presence: Presence = $derived(this.registry?.presence ?? {});
  readonly canGo: boolean = $derived(!!this.state && !this.state.hold && this.next !== null && this.pending === null);

  readonly #options: OperatorConsoleOptions;
  #connection: OperatorConnection | null = null;
  #syncAskedAt: number | null = null;

  constructor(options: OperatorConsoleOptions) {
    this.#options = options;
    this.ceremonyId = options.ceremonyId;
  }

  async start(): Promise<void> {
    this.phase = OperatorPhases.checking;
    try {
      const { authenticated } = await this.#options.api.session();
      if (!authenticated) {
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

  async signIn(passcode: string): Promise<void> {
    this.signingIn = true;
    this.signInError = null;
    try {
      await this.#options.api.signIn(passcode);
    } catch (error) {
      this.signInError = error instanceof Error ? error.message : String(error);
      return;
    } finally {
      this.signingIn = false;
    }
    await this.#open();
  }

  async signOut(): Promise<void> {
    this.stop();
    this.view = null;
    try {
      await this.#options.api.signOut();
    } finally {
      this.phase = OperatorPhases.signedOut;
    }
  }

  selectCeremony(ceremonyId: string): void {
    if (ceremonyId === this.ceremonyId && this.#connection) return;
    this.ceremonyId = ceremonyId;
    this.#options.onCeremonyChange?.(ceremonyId);
    this.#connect(ceremonyId);
    void this.loadLinks();
  }

  go(): Promise<void> {
    const expected = this.next;
    if (!this.canGo || !expected) return Promise.resolve();
    return this.#send({ type: 'go', commandId: this.#newId(), expectedCue: expected.id });
  }

  retract(reason?: Text): Promise<void> {
    const last = this.state?.revealStack.at(-1);
    if (!last) return Promise.resolve();
    return this.#send({ type: 'retract', commandId: this.#newId(), cueId: last, confirm: true, ...(reason ? { reason } : {}) });
  }

  hold(): Promise<void> {
    return this.#send({ type: 'hold', commandId: this.#newId() });
  }

  resume(): Promise<void> {
    return this.#send({ type: 'resume', commandId: this.#newId() });
  }

  announce(text: Text): Promise<void> {
    return this.#send({ type: 'announce', commandId: this.#newId(), text });
  }

  jump(cueId: string): Promise<void> {
    return this.#send({ type: 'jump', commandId: this.#newId(), cueId, confirm: true });
  }

  /** Adds a channel, or changes its name or delay. */
  setChannel(channelId: string, delayMs: number, name?: Text): Promise<void> {
    return this.#send({ type: 'set_channel', commandId: this.#newId(), channelId, delayMs, ...(name ? { name } : {}) });
  }

  /** Renames a screen, moves it to another channel or view, or reloads it. */
  async updateScreen(request: ScreenRequest): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    this.screenError = null;
    try {
      const result = await connection.screen(request);
      if (!result.ok) this.screenError = result.error.message;
    } catch (error) {
      this.screenError = error instanceof Error ? error.message : String(error);
    }
  }

  /** The audience, stage, overlay and delegate links of the chosen ceremony. */
  async loadLinks(): Promise<void> {
    const ceremonyId = this.ceremonyId;
    if (!ceremonyId) return;
    this.linksError = null;
    try {
      const [links, delegates] = await Promise.all([this.#options.api.links(ceremonyId), this.#options.api.delegates(ceremonyId)]);
      if (ceremonyId !== this.ceremonyId) return;
      this.links = links;
      this.delegates = delegates;
    } catch (error) {
      if (ceremonyId === this.ceremonyId) this.linksError = error instanceof Error ? error.message : String(error);
    }
  }

  qrCodeUrl(url: string): string | null {
    return this.ceremonyId ? this.#options.api.qrCodeUrl(this.ceremonyId, url) : null;
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
    const chosen = this.ceremonies.find((c) => c.id === this.ceremonyId) ?? this.ceremonies[0];
    this.phase = OperatorPhases.ready;
    if (chosen) this.selectCeremony(chosen.id);
  }

  #connect(ceremonyId: string): void {
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
      lastSeq: () => this.view?.state.seq,
      handlers: {
        snapshot: (view) => {
          this.#syncAskedAt = null;
          this.view = view;
        },
        event: (event) => this.#apply(event),
        screens: (counts) => (this.screens = counts),
        registry: (update) => (this.registry = update),
        attendance: (samples) => (this.attendance = samples),
        reactions: (update) => (this.reactionsByCue = update.byCue),
        failure: (error) => (this.loadError = error.message),
        status: (status) => {
          this.connection = status;
          if (status === ConnectionStatuses.live) this.#syncAskedAt = null;
        },
        unauthorized: () => {
          this.stop();
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

  async #send(command: Command): Promise<void> {
    const connection = this.#connection;
    if (!connection || this.pending) return;
    this.pending = command.type;
    this.refusal = null;
    try {
      const result = await connection.send(command);
      if (result.ok) {
        for (const event of result.events) this.#apply(event);
      } else {
        this.refusal = { command: command.type, error: result.error };
        // A mismatch means our view is behind: catch up so the console shows the real next cue.
        if (result.error.code === ErrorCodes.cueMismatch && this.view) connection.sync(this.view.state.seq);
        if (result.error.code === ErrorCodes.unauthorized) {
          this.stop();
          this.phase = OperatorPhases.signedOut;
        }
      }
    } catch (error) {
      const message = error instanceof AckTimeoutError ? error.message : String(error);
      this.refusal = { command: command.type, error: { code: 'no_ack', message } };
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
