import type { CeremonyDefinition } from '../../shared/ceremony';
import type { CeremonyEvent } from '../../shared/events';
import {
  commandIdsOf,
  definitionHash,
  DuplicateCommandError,
  numberEvents,
  SeqConflictError,
  type CeremonyStore,
  type DefinitionVersion,
  type EventLog,
  type NewEvent,
  type Revocation,
  type SessionStore,
} from './event-log';

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
    const used = new Set(stream.map((e) => e.commandId));
    const repeated = commandIdsOf(events).find((id) => used.has(id));
    if (repeated !== undefined) throw new DuplicateCommandError(streamId, repeated);
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
  private readonly byId = new Map<string, DefinitionVersion[]>();
  async list() {
    return [...this.byId.values()].map((versions) => structuredClone(versions.at(-1)!.definition));
  }
  async get(id: string) {
    const newest = this.byId.get(id)?.at(-1);
    return newest ? structuredClone(newest) : null;
  }
  async version(id: string, version: number) {
    const kept = this.byId.get(id)?.[version - 1];
    return kept ? structuredClone(kept) : null;
  }
  async put(definition: CeremonyDefinition) {
    const versions = this.byId.get(definition.id) ?? [];
    const kept = { version: versions.length + 1, hash: definitionHash(definition), definition: structuredClone(definition) };
    this.byId.set(definition.id, [...versions, kept]);
    return structuredClone(kept);
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
