import fs from 'node:fs';
import path from 'node:path';
import type { CeremonyDefinition } from '../shared/ceremony';
import { formatProblems, parseCeremony } from '../shared/validation';
import type { CeremonyEvent } from '../shared/events';
import type { RunFile } from '../shared/run-file';
import { LIVE_RUN_ID, parseRunId, runIdOf, streamIdOf, type RunRef, type RunSummary } from '../shared/runs';
import { withStandIns } from '../shared/stand-ins';
import { CeremonyRun, type EventListener, type RunOptions } from './ceremony-run';
import { SeqConflictError, type NewEvent } from './storage/event-log';
import type { CeremonyStore, EventLog } from './storage/event-log';

/** The public list entry of a ceremony: nothing from its results. */
export interface CeremonySummary {
  id: string;
  title: CeremonyDefinition['title'];
  date: string;
  timeZone: string;
  venue?: CeremonyDefinition['venue'];
}


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

/** The ceremonies this server knows, and their runs, opened on first use. */
export class Ceremonies {
  private readonly runs = new Map<string, Promise<CeremonyRun>>();

  constructor(
    private readonly store: CeremonyStore,
    private readonly log: EventLog,
    private readonly onEvents: (run: CeremonyRun) => EventListener,
    private readonly runOptions: RunOptions,
  ) {}

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
    const definition = await this.store.get(ceremonyId);
    if (!definition) return null;
    let runDefinition = definition;
    if (ref.kind !== 'live') {
      const first = (await this.log.read(streamId, 0))[0];
      if (!first) return null;
      if (first.type === 'rehearsal_started' && !first.realResults) runDefinition = withStandIns(definition);
    }
    if (this.runs.has(streamId)) return this.runs.get(streamId)!;
    const options = { ...this.runOptions, readOnly: ref.kind === 'import' };
    const opening = CeremonyRun.open(streamId, runDefinition, this.log, options).then((run) => {
      run.onEvents(this.onEvents(run));
      return run;
    });
    this.runs.set(streamId, opening);
    opening.catch(() => this.runs.delete(streamId));
    return opening;
  }

  /** Starts a new rehearsal run (the old ones are kept); null when there is no such ceremony. */
  async startRehearsal(ceremonyId: string, options: { realResults: boolean; actor: string; now: number; commandId: string }): Promise<string | null> {
    if (!(await this.store.get(ceremonyId))) return null;
    const event = { type: 'rehearsal_started' as const, realResults: options.realResults, at: options.now, showAt: options.now, commandId: options.commandId, actor: options.actor };
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

  /** Replaces a definition (an import), unless its live run has already begun. */
  async replace(definition: CeremonyDefinition): Promise<'replaced' | 'created' | 'started'> {
    const existing = await this.store.get(definition.id);
    if (existing) {
      const run = await this.live(definition.id);
      if (run && run.current.seq > 0) return 'started';
    }
    await this.store.put(definition);
    for (const streamId of this.runs.keys()) if (streamId.split(':')[1] === definition.id) this.runs.delete(streamId);
    return existing ? 'replaced' : 'created';
  }
}
