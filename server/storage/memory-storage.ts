import type { CeremonyDefinition } from '../../shared/ceremony';
import type { CeremonyEvent } from '../../shared/events';
import { numberEvents, SeqConflictError, type CeremonyStore, type EventLog, type NewEvent } from './event-log';

/** The events of every stream: what outlives one MemoryEventLog, as a file outlives a connection. */
export type MemoryStreams = Map<string, CeremonyEvent[]>;

/**
 * In-memory storage, for tests of the layers above. Same contract as the durable ones: reopened on
 * the same `streams`, it has every event; once closed, it refuses to be used.
 */
export class MemoryEventLog implements EventLog {
  private closed = false;

  constructor(private readonly streams: MemoryStreams = new Map()) {}

  async append(streamId: string, expectedSeq: number, events: readonly NewEvent[]): Promise<CeremonyEvent[]> {
    this.assertOpen();
    const stream = this.streams.get(streamId) ?? [];
    if (stream.length !== expectedSeq) throw new SeqConflictError(streamId, expectedSeq);
    const numbered = numberEvents(events, expectedSeq);
    this.streams.set(streamId, [...stream, ...structuredClone(numbered)]);
    return numbered;
  }

  async read(streamId: string, afterSeq = 0): Promise<CeremonyEvent[]> {
    this.assertOpen();
    return structuredClone((this.streams.get(streamId) ?? []).filter((e) => e.seq > afterSeq));
  }

  async lastSeq(streamId: string): Promise<number> {
    this.assertOpen();
    return this.streams.get(streamId)?.length ?? 0;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the in-memory event log is closed');
  }
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
