import type { CeremonyEvent, PublicEvent } from './events';
import type { PodiumError } from './errors';
import type { OperatorView } from './projection';
import type { ScreenRole } from './roles';
import type { CeremonyState } from './state';

/**
 * The Socket.IO event maps, both namespaces, both directions. Passed as generics to the server
 * and the client so a payload type is declared once. See docs/api.md.
 */

/** `auth` of a public screen on the default namespace. */
export interface ScreenAuth {
  ceremonyId: string;
  role?: ScreenRole;
  /** The last seq the screen applied: the server sends only what came after it. */
  lastSeq?: number;
}

/** `auth` of an operator console on the `/operator` namespace. */
export interface OperatorAuth {
  ceremonyId: string;
  /** A bearer token from POST /api/session; browsers may rely on the session cookie instead. */
  token?: string;
  lastSeq?: number;
}

export type CommandResult = { ok: true; seq: number; events: CeremonyEvent[] } | { ok: false; error: PodiumError };

export type ScreenCounts = Record<ScreenRole | 'operator', number>;

export interface ServerToScreenEvents {
  /** The whole public state; sent on connect when replaying missed events is not simpler. */
  snapshot: (state: CeremonyState) => void;
  /** One event, in seq order, never twice. */
  event: (event: PublicEvent) => void;
  failure: (error: PodiumError) => void;
}

export interface ScreenToServerEvents {
  /** "I have applied everything up to lastSeq": the server sends the rest (or a snapshot). */
  sync: (request: { lastSeq: number }) => void;
}

export interface ServerToOperatorEvents {
  snapshot: (view: OperatorView) => void;
  event: (event: CeremonyEvent) => void;
  screens: (counts: ScreenCounts) => void;
  failure: (error: PodiumError) => void;
}

export interface OperatorToServerEvents {
  command: (command: unknown, ack: (result: CommandResult) => void) => void;
  sync: (request: { lastSeq: number }) => void;
}
