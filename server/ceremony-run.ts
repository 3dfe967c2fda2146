import type { CeremonyDefinition } from '../shared/ceremony';
import { CommandSchema } from '../shared/commands';
import { buildCues, toPublicCeremony } from '../shared/cues';
import { decide } from '../shared/decide';
import { ErrorCodes, podiumError } from '../shared/errors';
import type { CeremonyEvent } from '../shared/events';
import { projectOperator, type OperatorView } from '../shared/projection';
import type { CommandResult } from '../shared/protocol';
import { foldEvents, initialState, type CeremonyState } from '../shared/state';
import { formatProblems, problemsFromZod } from '../shared/validation';
import { SeqConflictError, type EventLog } from './storage/event-log';

/** Who sends a command, and when the server received it: stamped here, never by the client. */
export interface CommandContext {
  actor: string;
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
}

/** Receives committed events, to send them to screens. */
export type EventListener = (events: CeremonyEvent[], state: CeremonyState, origin: EventOrigin) => void;

const REMEMBERED_REFUSALS = 500;

/**
 * One run of one ceremony (the live run for now): its definition, its log, and its state in
 * memory. Commands are handled one at a time, in arrival order: load state, decide, append with
 * the expected seq, evolve, notify.
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

  private constructor(
    readonly runId: string,
    readonly definition: CeremonyDefinition,
    private readonly log: EventLog,
    private readonly options: RunOptions,
  ) {
    this.initial = initialState(toPublicCeremony(definition), buildCues(definition));
    this.state = this.initial;
  }

  static async open(runId: string, definition: CeremonyDefinition, log: EventLog, options: RunOptions = { revealLeadMs: 0 }): Promise<CeremonyRun> {
    const run = new CeremonyRun(runId, definition, log, options);
    await run.catchUpNow();
    return run;
  }

  get current(): CeremonyState {
    return this.state;
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
    return projectOperator(this.state, this.definition, this.events);
  }

  /** Validates and applies one command; never throws for a bad command. */
  handle(input: unknown, context: CommandContext): Promise<CommandResult> {
    return this.serially(() => this.handleNow(input, context));
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

    const applied = this.events.filter((e) => e.commandId === commandId);
    if (applied.length > 0) return { ok: true, seq: applied.at(-1)!.seq, events: applied };
    const refused = this.refusals.get(commandId);
    if (refused) return refused;

    for (let attempt = 0; attempt < 3; attempt++) {
      const decision = decide(this.state, command, this.definition);
      if (!decision.ok) {
        const result: CommandResult = { ok: false, error: decision.error };
        this.rememberRefusal(commandId, result);
        return result;
      }
      const showAt = context.now + this.options.revealLeadMs;
      const stamped = decision.events.map((body) => ({ ...body, at: context.now, showAt, commandId, actor: context.actor }));
      try {
        const committed = await this.log.append(this.runId, this.state.seq, stamped);
        this.apply(committed, 'local');
        return { ok: true, seq: committed.at(-1)!.seq, events: committed };
      } catch (error) {
        if (!(error instanceof SeqConflictError)) throw error;
        // Another process appended first: take its events, then decide again on the new state.
        await this.catchUpNow();
      }
    }
    return { ok: false, error: podiumError(ErrorCodes.conflict, 'The ceremony changed while this command was applied; look at the console and try again.') };
  }

  private async catchUpNow(): Promise<void> {
    const missed = await this.log.read(this.runId, this.state.seq);
    // Another catch-up or command may have applied some of them while the read was under way.
    const fresh = missed.filter((e) => e.seq > this.state.seq);
    if (fresh.length > 0) this.apply(fresh, 'remote');
  }

  private apply(committed: CeremonyEvent[], origin: EventOrigin): void {
    this.state = foldEvents(this.state, committed);
    this.events.push(...committed);
    for (const listener of this.listeners) listener(committed, this.state, origin);
  }

  private rememberRefusal(commandId: string, result: CommandResult): void {
    this.refusals.set(commandId, result);
    if (this.refusals.size > REMEMBERED_REFUSALS) this.refusals.delete(this.refusals.keys().next().value!);
  }
}

