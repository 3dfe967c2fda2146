import fs from 'node:fs';
import path from 'node:path';
import type { CeremonyDefinition } from '../shared/ceremony';
import { formatProblems, parseCeremony } from '../shared/validation';
import { LIVE_RUN_ID, parseRunId, rehearsalRunId, streamIdOf, type RunSummary } from '../shared/runs';
import { withStandIns } from '../shared/stand-ins';
import { CeremonyRun, type EventListener, type RunOptions } from './ceremony-run';
import { SeqConflictError } from './storage/event-log';
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
    if (ref.kind === 'rehearsal') {
      const first = (await this.log.read(streamId, 0))[0];
      if (first?.type !== 'rehearsal_started') return null;
      if (!first.realResults) runDefinition = withStandIns(definition);
    }
    if (this.runs.has(streamId)) return this.runs.get(streamId)!;
    const opening = CeremonyRun.open(streamId, runDefinition, this.log, this.runOptions).then((run) => {
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
    for (let number = (await this.rehearsalCount(ceremonyId)) + 1; ; number++) {
      const event = { type: 'rehearsal_started' as const, realResults: options.realResults, at: options.now, showAt: options.now, commandId: options.commandId, actor: options.actor };
      try {
        await this.log.append(streamIdOf(ceremonyId, { kind: 'rehearsal', number }), 0, [event]);
        return rehearsalRunId(number);
      } catch (error) {
        if (!(error instanceof SeqConflictError)) throw error; // another process took that number
      }
    }
  }

  /** The live run and every rehearsal, newest last. */
  async listRuns(ceremonyId: string): Promise<RunSummary[]> {
    const count = await this.rehearsalCount(ceremonyId);
    const ids = [LIVE_RUN_ID, ...Array.from({ length: count }, (_, i) => rehearsalRunId(i + 1))];
    const runs = await Promise.all(ids.map((id) => this.run(ceremonyId, id)));
    return runs.flatMap((run, i) =>
      run ? [{ runId: ids[i]!, kind: run.current.run.kind, realResults: run.current.run.realResults, seq: run.current.seq, startedAt: run.current.startedAt, endedAt: run.current.endedAt }] : [],
    );
  }

  private async rehearsalCount(ceremonyId: string): Promise<number> {
    let count = 0;
    while ((await this.log.lastSeq(streamIdOf(ceremonyId, { kind: 'rehearsal', number: count + 1 }))) > 0) count++;
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
