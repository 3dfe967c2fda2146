import type { CeremonyDefinition } from '../../shared/ceremony';
import type { CeremonyEvent } from '../../shared/events';
import { numberEvents, SeqConflictError, type CeremonyStore, type EventLog, type NewEvent, type Revocation, type SessionStore } from './event-log';

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

export class MemorySessionStore implements SessionStore {
  private readonly byId = new Map<string, number>();
  async revoke({ sessionId, expiresAt }: Revocation, now: number) {
    for (const [id, exp] of this.byId) if (exp < now) this.byId.delete(id);
    this.byId.set(sessionId, expiresAt);
  }
  async revoked(now: number) {
    return [...this.byId].filter(([, exp]) => exp >= now).map(([sessionId, expiresAt]) => ({ sessionId, expiresAt }));
  }
}
