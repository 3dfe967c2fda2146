import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';
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
 * A command id already used in the stream: the command was applied before (by this process or
 * another, before or after a restart). The caller answers with the first result.
 */
export class DuplicateCommandError extends Error {
  constructor(
    readonly streamId: string,
    readonly commandId: string,
  ) {
    super(`stream ${streamId}: command ${commandId} was applied already`);
    this.name = 'DuplicateCommandError';
  }
}

/**
 * The durable, append-only event log: one contiguous stream of events per run (seq 1, 2, 3…).
 * An append is all-or-nothing and succeeds only when the stream's last seq is `expectedSeq` and
 * none of its command ids was used in the stream before (a unique key in the durable stores).
 */
export interface EventLog {
  append(streamId: string, expectedSeq: number, events: readonly NewEvent[]): Promise<CeremonyEvent[]>;
  /** Events with seq > afterSeq, in order. */
  read(streamId: string, afterSeq?: number): Promise<CeremonyEvent[]>;
  lastSeq(streamId: string): Promise<number>;
  close(): Promise<void>;
}

/** One kept version of a definition: numbered from 1 per ceremony, with a hash of its content. */
export interface DefinitionVersion {
  version: number;
  hash: string;
  definition: CeremonyDefinition;
}

/**
 * Where ceremony definitions (with their secret results) are kept, every version of each. Read
 * only by the server. Which version a run uses is recorded in its log (`definition_published`).
 */
export interface CeremonyStore {
  /** The newest version of every ceremony, in the order they were added. */
  list(): Promise<CeremonyDefinition[]>;
  /** The newest version of a ceremony. */
  get(id: string): Promise<DefinitionVersion | null>;
  version(id: string, version: number): Promise<DefinitionVersion | null>;
  /** Keeps a new version (the newest number + 1) and returns it. */
  put(definition: CeremonyDefinition): Promise<DefinitionVersion>;
}

/** The hash of a definition's whole content, results included: `sha256:<hex>`. */
export function definitionHash(definition: CeremonyDefinition): string {
  return `sha256:${createHash('sha256').update(canonicalJson(definition)).digest('hex')}`;
}

/** The distinct command ids of a batch of events, in order. */
export function commandIdsOf(events: readonly { commandId: string }[]): string[] {
  return [...new Set(events.map((e) => e.commandId))];
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
