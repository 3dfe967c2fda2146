import fs from 'node:fs';
import path from 'node:path';
import type { CeremonyDefinition } from '../shared/ceremony';
import { formatProblems, parseCeremony } from '../shared/validation';
import { CeremonyRun, type EventListener, type RunOptions } from './ceremony-run';
import type { CeremonyStore, EventLog } from './storage/event-log';

/** The public list entry of a ceremony: nothing from its results. */
export interface CeremonySummary {
  id: string;
  title: CeremonyDefinition['title'];
  date: string;
  timeZone: string;
  venue?: CeremonyDefinition['venue'];
}

/** The stream id of a ceremony's live run. Rehearsals and replays get streams of their own. */
export function liveStreamId(ceremonyId: string): string {
  return `live:${ceremonyId}`;
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
  async live(ceremonyId: string): Promise<CeremonyRun | null> {
    const known = this.runs.get(ceremonyId);
    if (known) return known;
    const definition = await this.store.get(ceremonyId);
    if (!definition) return null;
    const opening = CeremonyRun.open(liveStreamId(ceremonyId), definition, this.log, this.runOptions).then((run) => {
      run.onEvents(this.onEvents(run));
      return run;
    });
    this.runs.set(ceremonyId, opening);
    opening.catch(() => this.runs.delete(ceremonyId));
    return opening;
  }

  /** Replaces a definition (an import), unless its live run has already begun. */
  async replace(definition: CeremonyDefinition): Promise<'replaced' | 'created' | 'started'> {
    const existing = await this.store.get(definition.id);
    if (existing) {
      const run = await this.live(definition.id);
      if (run && run.current.seq > 0) return 'started';
    }
    await this.store.put(definition);
    this.runs.delete(definition.id);
    return existing ? 'replaced' : 'created';
  }
}
