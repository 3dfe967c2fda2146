import type { CeremonyDefinition } from '../../shared/ceremony';
import type { CeremonyEvent } from '../../shared/events';
import { numberEvents, SeqConflictError, type CeremonyStore, type EventLog, type NewEvent } from './event-log';

/** In-memory storage, for tests of the layers above. Same contract as the durable ones. */
export class MemoryEventLog implements EventLog {
  private readonly streams = new Map<string, CeremonyEvent[]>();

  async append(streamId: string, expectedSeq: number, events: readonly NewEvent[]): Promise<CeremonyEvent[]> {
    const stream = this.streams.get(streamId) ?? [];
    if (stream.length !== expectedSeq) throw new SeqConflictError(streamId, expectedSeq);
    const numbered = numberEvents(events, expectedSeq);
    this.streams.set(streamId, [...stream, ...structuredClone(numbered)]);
    return numbered;
  }

  async read(streamId: string, afterSeq = 0): Promise<CeremonyEvent[]> {
    return structuredClone((this.streams.get(streamId) ?? []).filter((e) => e.seq > afterSeq));
  }

  async lastSeq(streamId: string): Promise<number> {
    return this.streams.get(streamId)?.length ?? 0;
  }

  async close(): Promise<void> {}
}

export class MemoryCeremonyStore implements CeremonyStore {
  private readonly byId = new Map<string, CeremonyDefinition>();
  async list() {
    return [...this.byId.values()];
  }
  async get(id: string) {
    return this.byId.get(id) ?? null;
  }
  async put(definition: CeremonyDefinition) {
    this.byId.set(definition.id, structuredClone(definition));
  }
}
