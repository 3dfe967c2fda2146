import type { CeremonyDefinition } from '../../shared/ceremony';
import type { CeremonyEvent, EventBody, EventMeta } from '../../shared/events';

/** An event as the server hands it to the log: decided and stamped, not yet numbered. */
export type NewEvent = EventBody & EventMeta & { at: number };

/** Another writer appended first: the caller's view of the stream is stale. */
export class SeqConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedSeq: number,
  ) {
    super(`stream ${streamId}: expected to append after seq ${expectedSeq}, but another event got there first`);
    this.name = 'SeqConflictError';
  }
}

/**
 * The durable, append-only event log: one contiguous stream of events per run (seq 1, 2, 3…).
 * An append is all-or-nothing and succeeds only when the stream's last seq is `expectedSeq`.
 */
export interface EventLog {
  append(streamId: string, expectedSeq: number, events: readonly NewEvent[]): Promise<CeremonyEvent[]>;
  /** Events with seq > afterSeq, in order. */
  read(streamId: string, afterSeq?: number): Promise<CeremonyEvent[]>;
  lastSeq(streamId: string): Promise<number>;
  close(): Promise<void>;
}

/** Where ceremony definitions (with their secret results) are kept. Read only by the server. */
export interface CeremonyStore {
  list(): Promise<CeremonyDefinition[]>;
  get(id: string): Promise<CeremonyDefinition | null>;
  put(definition: CeremonyDefinition): Promise<void>;
}

/** A logged-out operator session, refused until it would have expired anyway. */
export interface Revocation {
  sessionId: string;
  expiresAt: number;
}

/**
 * Logged-out operator sessions, kept durably so that a logout holds across restarts and for
 * every process sharing the storage (each polls `revoked`).
 */
export interface SessionStore {
  /** Records a logout (idempotent) and forgets revocations that expired before `now`. */
  revoke(revocation: Revocation, now: number): Promise<void>;
  /** The revocations that have not expired at `now`. */
  revoked(now: number): Promise<Revocation[]>;
}

export function numberEvents(events: readonly NewEvent[], afterSeq: number): CeremonyEvent[] {
  return events.map((e, i) => ({ ...e, seq: afterSeq + i + 1 }) as CeremonyEvent);
}
