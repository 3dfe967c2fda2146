import fs from 'node:fs';
import path from 'node:path';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { actorFields, type Actor } from '../../shared/crew';
import { formatProblems, parseCeremony } from '../../shared/validation';
import type { CeremonyEvent } from '../../shared/events';
import type { RunFile } from '../../shared/run-file';
import { LIVE_RUN_ID, parseRunId, runIdOf, streamIdOf, type RunRef, type RunSummary } from '../../shared/runs';
import { withStandIns } from '../../shared/stand-ins';
import type { AttendanceRequest } from '../../shared/attendance-change';
import type { ChangeOptions } from '../../shared/definition-change';
import type { PodiumError } from '../../shared/errors';
import { CeremonyRun, type CommandContext, type EventOrigin, type RunOptions } from './ceremony-run';
import { SeqConflictError, type DefinitionVersion, type NewEvent } from '../storage/event-log';
import type { CeremonyStore, EventLog } from '../storage/event-log';
import type { SealStore } from '../storage/seal-store';

/** The public list entry of a ceremony: nothing from its results. */
export interface CeremonySummary {
  id: string;
  title: CeremonyDefinition['title'];
  date: string;
  timeZone: string;
  venue?: CeremonyDefinition['venue'];
}


/** What replacing a definition did: the version the live run now uses, or why it was refused. */
export type ReplaceOutcome =
  | { ok: true; outcome: 'created' | 'replaced' | 'corrected'; version: number; hash: string; corrected: string[] }
  | { ok: false; error: PodiumError };

/** What a live attendance change did: the version the live run now uses, or why it was refused. */
export type AttendanceOutcome = { ok: true; outcome: 'attendance'; version: number; hash: string; cueId: string } | { ok: false; error: PodiumError };

/** Reads every *.json definition of a folder; a bad file stops the start with its problems listed. */
export function readCeremonyFolder(dir: string): CeremonyDefinition[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = parseCeremony(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.ok) throw new Error(`${file} is not a valid ceremony:\n${formatProblems(parsed.problems)}`);
      return parsed.value;
    });
}

/** An event of a recorded run, to be numbered again by the log. */
function unnumbered(event: CeremonyEvent): NewEvent {
  const { seq: _seq, ...rest } = event;
  return rest as NewEvent;
}

/**
 * What the core hands over to delivery (server/delivery/broadcaster.ts): each run it opens, and
 * every batch of events committed to a run's log, by this process or read back from it.
 */
export interface RunObserver {
  opened(run: CeremonyRun): void;
  committed(run: CeremonyRun, events: readonly CeremonyEvent[], origin: EventOrigin): void;
}

/** The ceremonies this server knows, and their runs, opened on first use. */
export class Ceremonies {
  private readonly runs = new Map<string, Promise<CeremonyRun>>();
  private observer: RunObserver | null = null;
  /** The salts of each seal, read once: a seal never changes once kept (S31). */
  private readonly salts = new Map<string, Promise<Readonly<Record<string, string>> | null>>();

  constructor(
    private readonly store: CeremonyStore,
    private readonly log: EventLog,
    private readonly runOptions: RunOptions,
    private readonly seals: SealStore | null = null,
  ) {}

  /** The secret salts of a ceremony's seal, by cue id; for the live run's reveals only. */
  private saltsOf(ceremonyId: string, sealNo: number): Promise<Readonly<Record<string, string>> | null> {
    const key = `${ceremonyId}\n${sealNo}`;
    let loading = this.salts.get(key);
    if (!loading) {
      loading = (this.seals?.get(ceremonyId, sealNo) ?? Promise.resolve(null)).then((seal) => seal?.salts ?? null);
      this.salts.set(key, loading);
      // A failed read is tried again at the next reveal; a seal not (yet) in the store, too.
      loading.then((salts) => salts === null && this.salts.delete(key)).catch(() => this.salts.delete(key));
    }
    return loading;
  }

  /**
   * Where every run's committed events go from now on. Set once at start, before any run opens:
   * delivery needs the sockets, and the sockets need the ceremonies, so it comes last.
   */
  deliverTo(observer: RunObserver): void {
    if (this.observer || this.runs.size > 0) throw new Error('deliverTo is set once, before any run is opened');
    this.observer = observer;
  }

  /** Adds the definitions the store does not have yet (first start); keeps the ones it has. */
  async seed(definitions: readonly CeremonyDefinition[]): Promise<void> {
    for (const def of definitions) if (!(await this.store.get(def.id))) await this.store.put(def);
  }

  async list(): Promise<CeremonySummary[]> {
    return (await this.store.list()).map((d) => ({ id: d.id, title: d.title, date: d.date, timeZone: d.timeZone, ...(d.venue ? { venue: d.venue } : {}) }));
  }

  /** The live run of a ceremony, or null when there is no such ceremony. */
  live(ceremonyId: string): Promise<CeremonyRun | null> {
    return this.run(ceremonyId, LIVE_RUN_ID);
  }

  /**
   * A run of a ceremony, or null when there is no such ceremony or run. A rehearsal runs on
   * stand-in recipients unless it was started with the real results: the real results are then
   * never loaded into it.
   */
  async run(ceremonyId: string, runId: string = LIVE_RUN_ID): Promise<CeremonyRun | null> {
    const ref = parseRunId(runId);
    if (!ref) return null;
    const streamId = streamIdOf(ceremonyId, ref);
    const known = this.runs.get(streamId);
    if (known) return known;
    const newest = await this.store.get(ceremonyId);
    if (!newest) return null;
    // The version a run starts on: the live run's first (later ones are published in its log), a
    // rehearsal's as its first event names it (the newest for rehearsals older than versions).
    let first: DefinitionVersion | null = ref.kind === 'live' ? await this.store.version(ceremonyId, 1) : newest;
    let standIns = false;
    if (ref.kind !== 'live') {
      const opening = (await this.log.read(streamId, 0))[0];
      if (!opening) return null;
      if (opening.type === 'rehearsal_started') {
        if (opening.version !== undefined) first = await this.store.version(ceremonyId, opening.version);
        standIns = !opening.realResults;
      }
    }
    if (!first) return null;
    if (this.runs.has(streamId)) return this.runs.get(streamId)!;
    const options: RunOptions = { ...this.runOptions, readOnly: ref.kind === 'import' };
    // Only the live run's reveals carry the seal's salts: a rehearsal's must never (S31).
    if (ref.kind === 'live' && this.seals) options.saltsOf = (sealNo) => this.saltsOf(ceremonyId, sealNo);
    const start = standIns ? { ...first, definition: withStandIns(first.definition) } : first;
    // Only the live run moves to later versions; a rehearsal keeps the one it started with.
    const load = async (version: number) => (ref.kind === 'live' ? this.store.version(ceremonyId, version) : null);
    const opening = CeremonyRun.open(streamId, start, this.log, options, load).then((run) => {
      const observer = this.observer;
      if (observer) {
        observer.opened(run);
        run.onEvents((events, _state, origin) => observer.committed(run, events, origin));
      }
      return run;
    });
    this.runs.set(streamId, opening);
    opening.catch(() => this.runs.delete(streamId));
    return opening;
  }

  /** Starts a new rehearsal run (the old ones are kept); null when there is no such ceremony. */
  async startRehearsal(ceremonyId: string, options: Actor & { realResults: boolean; now: number; commandId: string }): Promise<string | null> {
    // The version the live run uses now: the rehearsal runs on it, whatever comes later.
    const live = await this.live(ceremonyId);
    if (!live) return null;
    const version = live.current.version;
    const event = { type: 'rehearsal_started' as const, realResults: options.realResults, version, at: options.now, showAt: options.now, commandId: options.commandId, ...actorFields(options) };
    return this.appendNewRun(ceremonyId, 'rehearsal', [event]);
  }

  /** Keeps a checked run file as a new, read-only run (`import-N`) that can be replayed. */
  async importRun(ceremonyId: string, file: RunFile): Promise<string> {
    return this.appendNewRun(ceremonyId, 'import', file.events.map(unnumbered));
  }

  /** The live run, every rehearsal and every imported run, newest last. */
  async listRuns(ceremonyId: string): Promise<RunSummary[]> {
    const refs: RunRef[] = [{ kind: 'live' }];
    for (const kind of ['rehearsal', 'import'] as const) {
      const count = await this.numberedRuns(ceremonyId, kind);
      for (let number = 1; number <= count; number++) refs.push({ kind, number });
    }
    const runs = await Promise.all(refs.map((ref) => this.run(ceremonyId, runIdOf(ref))));
    return runs.flatMap((run, i) => {
      if (!run) return [];
      const { run: kind, seq, startedAt, endedAt } = run.current;
      return [{ runId: runIdOf(refs[i]!), kind: kind.kind, imported: refs[i]!.kind === 'import', realResults: kind.realResults, seq, startedAt, endedAt }];
    });
  }

  /** Appends the first events of the next free rehearsal or import number; returns its run id. */
  private async appendNewRun(ceremonyId: string, kind: 'rehearsal' | 'import', events: readonly NewEvent[]): Promise<string> {
    for (let number = (await this.numberedRuns(ceremonyId, kind)) + 1; ; number++) {
      try {
        await this.log.append(streamIdOf(ceremonyId, { kind, number }), 0, events);
        return runIdOf({ kind, number });
      } catch (error) {
        if (!(error instanceof SeqConflictError)) throw error; // another process took that number
      }
    }
  }

  private async numberedRuns(ceremonyId: string, kind: 'rehearsal' | 'import'): Promise<number> {
    let count = 0;
    while ((await this.log.lastSeq(streamIdOf(ceremonyId, { kind, number: count + 1 }))) > 0) count++;
    return count;
  }

  /**
   * Publishes a new version of a definition (an import): the live run moves to it at once, in
   * every process (through its log). Once the run has begun, only a confirmed results correction
   * of categories with no standing reveal is accepted (docs/spec.md S17).
   */
  async replace(definition: CeremonyDefinition, change: ChangeOptions, context: CommandContext): Promise<ReplaceOutcome> {
    const run = await this.live(definition.id);
    if (!run) {
      const kept = await this.store.put(definition);
      return { ok: true, outcome: 'created', version: kept.version, hash: kept.hash, corrected: [] };
    }
    const result = await run.changeDefinition(definition, (next) => this.store.put(next), change, context);
    if (!result.ok) return result;
    return { ok: true, outcome: result.corrected.length > 0 ? 'corrected' : 'replaced', version: result.version, hash: result.hash, corrected: result.corrected };
  }

  /**
   * Sets one recipient's attendance in the live run, before that reveal (docs/spec.md S34): a new
   * version that changes only it, published like any other (not a correction). Null: no such ceremony.
   */
  async changeAttendance(ceremonyId: string, request: AttendanceRequest, context: CommandContext): Promise<AttendanceOutcome | null> {
    const run = await this.live(ceremonyId);
    if (!run) return null;
    const result = await run.changeAttendance(request, (next) => this.store.put(next), context);
    if (!result.ok) return result;
    return { ok: true, outcome: 'attendance', version: result.version, hash: result.hash, cueId: request.cueId };
  }
}
