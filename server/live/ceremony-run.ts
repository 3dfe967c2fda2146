import { presenterView, type PresenterView } from '../../shared/presenter';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { actorFields, type Actor } from '../../shared/crew';
import { CommandSchema } from '../../shared/commands';
import { decideAttendanceChange, type AttendanceRequest } from '../../shared/attendance-change';
import { canonicalJson } from '../../shared/canonical-json';
import { decideDefinitionChange, type ChangeOptions } from '../../shared/definition-change';
import { buildCues, toPublicCeremony } from '../../shared/cues';
import { decide } from '../../shared/decide';
import { ErrorCodes, podiumError, type PodiumError } from '../../shared/errors';
import type { CeremonyEvent, EventBody } from '../../shared/events';
import { projectOperator, sealOperatorView, type OperatorView } from '../../shared/projection';
import type { CommandResult } from '../../shared/protocol';
import { foldEvents, initialState, type CeremonyState } from '../../shared/state';
import { formatProblems, problemsFromZod } from '../../shared/validation';
import { DuplicateCommandError, SeqConflictError, type DefinitionVersion, type EventLog } from '../storage/event-log';

/** Who sends a command, and when the server received it: stamped here, never by the client. */
export interface CommandContext extends Actor {
  now: number;
  /** Used when the command has no commandId of its own. */
  fallbackCommandId: string;
}

/**
 * Where committed events came from: `local` when this process appended them (it sends them to
 * every screen), `remote` when it read them from the log after another process appended them
 * (that process sent them; this one only brings its state up to date).
 */
export type EventOrigin = 'local' | 'remote';

export interface RunOptions {
  /** How long after a decision every screen shows it: time for the event to reach them all. */
  revealLeadMs: number;
  /** A record (an imported run): replayed, never changed. */
  readOnly?: boolean;
  /**
   * The secret salts of a seal of this run's results, by cue id (S31): given to the live run only,
   * so that its reveals carry their salt; a rehearsal's never do. Cached by its giver.
   */
  saltsOf?: (sealNo: number) => Promise<Readonly<Record<string, string>> | null>;
}

/** What a server-side action (a seal) appends: built from the run's state and definition, or refused. */
export type BuiltEvents = { ok: true; events: EventBody[] } | { ok: false; error: PodiumError };

/** Reads a kept version of the run's definition (for `definition_published` events). */
export type VersionLoader = (version: number) => Promise<DefinitionVersion | null>;

/** The outcome of a definition change: the version the run now uses, or why not. */
export type DefinitionChangeResult = { ok: true; version: number; hash: string; seq: number; corrected: string[] } | { ok: false; error: PodiumError };

/** A new version of the definition and the event that publishes it, or why not. */
type VersionBuild = { ok: true; definition: CeremonyDefinition; event: Omit<Extract<EventBody, { type: 'definition_published' }>, 'version' | 'hash'> } | { ok: false; error: PodiumError };

/** Receives committed events, to send them to screens. */
export type EventListener = (events: CeremonyEvent[], state: CeremonyState, origin: EventOrigin) => void;

const REMEMBERED_REFUSALS = 500;

/**
 * One run of one ceremony: its definition, its log, and its state in memory. Commands are handled
 * one at a time, in arrival order: load state, decide, append with the expected seq, evolve,
 * notify. The definition has versions: the run uses the one its log last published
 * (`definition_published`), in every process, so a correction reaches every console at once.
 */
export class CeremonyRun {
  private state: CeremonyState;
  private events: CeremonyEvent[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** commandId → the result it got, so a repeated command gets the first result. */
  private readonly refusals = new Map<string, CommandResult>();
  private readonly listeners = new Set<EventListener>();

  /** The state before any event: where a replay starts. */
  readonly initial: CeremonyState;
  private pastState: CeremonyState | null = null;

  private used: DefinitionVersion;

  private constructor(
    readonly runId: string,
    first: DefinitionVersion,
    private readonly log: EventLog,
    private readonly options: RunOptions,
    private readonly loadVersion: VersionLoader,
  ) {
    this.used = first;
    this.initial = initialState(toPublicCeremony(first.definition), buildCues(first.definition), first.version);
    this.state = this.initial;
  }

  /**
   * Opens a run on the version of its definition it started with; its log's
   * `definition_published` events then move it to later versions, read with `loadVersion`.
   */
  static async open(
    runId: string,
    first: DefinitionVersion,
    log: EventLog,
    options: RunOptions = { revealLeadMs: 0 },
    loadVersion: VersionLoader = async () => null,
  ): Promise<CeremonyRun> {
    const run = new CeremonyRun(runId, first, log, options, loadVersion);
    await run.catchUpNow();
    return run;
  }

  get current(): CeremonyState {
    return this.state;
  }

  /** The definition (with its secret results) the run uses now. */
  get definition(): CeremonyDefinition {
    return this.used.definition;
  }

  /** A rehearsal that reveals the real winners (S13): only those who may see results may watch it (S29). */
  get realResultsRehearsal(): boolean {
    return this.state.run.kind === 'rehearsal' && this.state.run.realResults;
  }

  get definitionHash(): string {
    return this.used.hash;
  }

  onEvents(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events after `seq`, from memory; null when `seq` is not a position of this run. */
  eventsAfter(seq: number): CeremonyEvent[] | null {
    if (!Number.isInteger(seq) || seq < 0 || seq > this.state.seq) return null;
    return this.events.slice(seq);
  }

  /** The state as it was after event `seq`: what a delayed channel's screens may see now. */
  stateAt(seq: number): CeremonyState {
    if (seq >= this.state.seq) return this.state;
    if (this.pastState?.seq !== seq) this.pastState = foldEvents(this.initial, this.events.slice(0, Math.max(0, seq)));
    return this.pastState;
  }

  operatorView(): OperatorView {
    return projectOperator(this.state, this.definition, this.events, this.used.hash);
  }

  /** The presenter's screen (S33): a reveal's names only once armed. */
  presenterView(): PresenterView {
    return presenterView(this.state, this.definition, this.events);
  }

  /** The operator view for a role that may not see results: no preview, no definition hash (S29). */
  sealedOperatorView(): OperatorView {
    return sealOperatorView(this.state, this.events);
  }

  /** Validates and applies one command; never throws for a bad command. */
  handle(input: unknown, context: CommandContext): Promise<CommandResult> {
    return this.serially(() => this.handleNow(input, context));
  }

  /**
   * Moves the run to a new version of its definition (an import, a results correction): checked
   * against the run's state (docs/spec.md S17), kept with `keep` (the store gives it its number),
   * then published in the run's log, in turn with commands, so no GO is decided on the old one
   * once the new one is in the log.
   */
  changeDefinition(next: CeremonyDefinition, keep: (definition: CeremonyDefinition) => Promise<DefinitionVersion>, options: ChangeOptions, context: CommandContext): Promise<DefinitionChangeResult> {
    return this.publishVersion((state, current) => {
      const change = decideDefinitionChange(state, current, next, options);
      return change.ok ? { ok: true, definition: next, event: change.event } : change;
    }, keep, context);
  }

  /**
   * Sets one recipient's attendance at a reveal not yet revealed (docs/spec.md S34): a new version
   * of the definition that changes only that, built from the version the run uses at that moment.
   */
  changeAttendance(request: AttendanceRequest, keep: (definition: CeremonyDefinition) => Promise<DefinitionVersion>, context: CommandContext): Promise<DefinitionChangeResult> {
    return this.publishVersion((state, current) => decideAttendanceChange(state, current, request), keep, context);
  }

  /**
   * Publishes the version `build` makes from the run's state and definition, in turn with commands;
   * built again on the new state when another process appended first.
   */
  private publishVersion(build: (state: CeremonyState, current: CeremonyDefinition) => VersionBuild, keep: (definition: CeremonyDefinition) => Promise<DefinitionVersion>, context: CommandContext): Promise<DefinitionChangeResult> {
    return this.serially(async () => {
      if (this.options.readOnly) return { ok: false as const, error: podiumError(ErrorCodes.conflict, 'This run was imported from a file: it can be replayed, not changed.') };
      let kept = null as { json: string; version: DefinitionVersion } | null;
      for (let attempt = 0; attempt < 3; attempt++) {
        const change = build(this.state, this.definition);
        if (!change.ok) return change;
        // Kept once, unless another process's version made this one different.
        const json = canonicalJson(change.definition);
        if (kept?.json !== json) kept = { json, version: await keep(change.definition) };
        const version = kept.version;
        const event = { ...change.event, version: version.version, hash: version.hash, at: context.now, showAt: context.now, commandId: context.fallbackCommandId, ...actorFields(context) };
        try {
          const committed = await this.log.append(this.runId, this.state.seq, [event]);
          this.apply(committed, 'local', new Map([[version.version, version]]));
          return { ok: true as const, version: version.version, hash: version.hash, seq: committed[0]!.seq, corrected: change.event.correction?.categoryIds ?? [] };
        } catch (error) {
          if (!(error instanceof SeqConflictError)) throw error;
          await this.catchUpNow();
        }
      }
      return { ok: false as const, error: podiumError(ErrorCodes.conflict, 'The ceremony changed while this definition was published; try again.') };
    });
  }

  /**
   * Appends events a server action builds from the state (sealing the results), in turn with
   * commands: built again on the new state when another process appended first, so a check such
   * as "the run has not begun" holds for the events as appended.
   */
  appendBuilt(build: (state: CeremonyState, definition: CeremonyDefinition) => Promise<BuiltEvents>, context: CommandContext): Promise<CommandResult> {
    return this.serially(async () => {
      if (this.options.readOnly) return { ok: false as const, error: podiumError(ErrorCodes.conflict, 'This run was imported from a file: it can be replayed, not changed.') };
      for (let attempt = 0; attempt < 3; attempt++) {
        const built = await build(this.state, this.definition);
        if (!built.ok) return built;
        const stamped = built.events.map((body) => ({ ...body, at: context.now, showAt: context.now, commandId: context.fallbackCommandId, ...actorFields(context) }));
        try {
          const committed = await this.log.append(this.runId, this.state.seq, stamped);
          this.apply(committed, 'local');
          return { ok: true as const, seq: committed.at(-1)!.seq, events: committed };
        } catch (error) {
          if (!(error instanceof SeqConflictError)) throw error;
          await this.catchUpNow();
        }
      }
      return { ok: false as const, error: podiumError(ErrorCodes.conflict, 'The ceremony changed while this was done; try again.') };
    });
  }

  /** Reads what other processes appended since the state's seq, and applies it. */
  catchUp(): Promise<void> {
    return this.serially(() => this.catchUpNow());
  }

  /** One thing at a time per run: a command's decide-append-apply is never interleaved. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async handleNow(input: unknown, context: CommandContext): Promise<CommandResult> {
    const parsed = CommandSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: podiumError(ErrorCodes.invalidCommand, `Invalid command: ${formatProblems(problemsFromZod(parsed.error.issues))}`) };
    }
    const command = parsed.data;
    const commandId = command.commandId ?? context.fallbackCommandId;
    if (this.options.readOnly) return { ok: false, error: podiumError(ErrorCodes.conflict, 'This run was imported from a file: it can be replayed, not changed.') };

    const refused = this.refusals.get(commandId);
    if (refused) return refused;

    for (let attempt = 0; attempt < 3; attempt++) {
      // Checked again after each catch-up: another process may have applied this very command.
      const applied = this.appliedResult(commandId);
      if (applied) return applied;
      const decision = decide(this.state, command, this.definition);
      if (!decision.ok) {
        const result: CommandResult = { ok: false, error: decision.error };
        this.rememberRefusal(commandId, result);
        return result;
      }
      const showAt = context.now + this.options.revealLeadMs;
      const bodies = await this.withSalts(decision.events);
      const stamped = bodies.map((body) => ({ ...body, at: context.now, showAt, commandId, ...actorFields(context) }));
      try {
        const committed = await this.log.append(this.runId, this.state.seq, stamped);
        this.apply(committed, 'local');
        return { ok: true, seq: committed.at(-1)!.seq, events: committed };
      } catch (error) {
        if (!(error instanceof SeqConflictError || error instanceof DuplicateCommandError)) throw error;
        // Another process appended first (or applied this command): take its events, then look
        // again: the first result of this command, or a decision on the new state.
        await this.catchUpNow();
        if (error instanceof DuplicateCommandError) {
          const applied = this.appliedResult(commandId);
          if (applied) return applied;
        }
      }
    }
    return { ok: false, error: podiumError(ErrorCodes.conflict, 'The ceremony changed while this command was applied; look at the console and try again.') };
  }

  /**
   * A reveal of a sealed live run carries its salt (S31), from the latest seal in the log. The
   * salts are read once per seal (the loader caches them), so a GO costs a map lookup after that.
   */
  private async withSalts(events: EventBody[]): Promise<EventBody[]> {
    const seal = this.state.seal;
    const saltsOf = this.options.saltsOf;
    if (!seal || !saltsOf || this.state.run.kind !== 'live' || !events.some((e) => e.type === 'result_revealed')) return events;
    // A store that cannot be read must not stop the show: the reveal goes out without its salt.
    const salts = await saltsOf(seal.sealNo).catch(() => null);
    return events.map((event) => {
      const salt = event.type === 'result_revealed' ? salts?.[event.cueId] : undefined;
      return salt === undefined ? event : { ...event, salt };
    });
  }

  private appliedResult(commandId: string): CommandResult | null {
    const applied = this.events.filter((e) => e.commandId === commandId);
    return applied.length > 0 ? { ok: true, seq: applied.at(-1)!.seq, events: applied } : null;
  }

  private async catchUpNow(): Promise<void> {
    const missed = await this.log.read(this.runId, this.state.seq);
    const versions = new Map<number, DefinitionVersion>();
    if (!this.options.readOnly) {
      for (const event of missed) {
        if (event.type !== 'definition_published' || versions.has(event.version)) continue;
        const kept = await this.loadVersion(event.version);
        if (!kept) throw new Error(`run ${this.runId}: version ${event.version} of its definition is not in the store`);
        versions.set(event.version, kept);
      }
    }
    // Another catch-up or command may have applied some of them while the reads were under way.
    const fresh = missed.filter((e) => e.seq > this.state.seq);
    if (fresh.length > 0) this.apply(fresh, 'remote', versions);
  }

  private apply(committed: CeremonyEvent[], origin: EventOrigin, versions: ReadonlyMap<number, DefinitionVersion> = new Map()): void {
    this.state = foldEvents(this.state, committed);
    this.events.push(...committed);
    // A new seal: its salts are read now, so the first GO after it does not wait for the store.
    const sealed = committed.findLast((e) => e.type === 'results_sealed');
    if (sealed?.type === 'results_sealed' && this.options.saltsOf) this.options.saltsOf(sealed.sealNo).catch(() => undefined);
    const published = committed.findLast((e) => e.type === 'definition_published');
    if (published?.type === 'definition_published') this.used = versions.get(published.version) ?? this.used;
    for (const listener of this.listeners) listener(committed, this.state, origin);
  }

  private rememberRefusal(commandId: string, result: CommandResult): void {
    this.refusals.set(commandId, result);
    if (this.refusals.size > REMEMBERED_REFUSALS) this.refusals.delete(this.refusals.keys().next().value!);
  }
}

