import type { PresenterView } from './presenter';
import type { CeremonyEvent, PublicEvent } from './events';
import type { PodiumError } from './errors';
import type { OperatorView } from './projection';
import type { Channel } from './channels';
import type { ReactionCounts, ReactionKind } from './reactions';
import type { DelegateLocation, ScreenRole } from './roles';
import type { Text } from './text';
import type { CeremonyState } from './state';
import type { ApprovalBoard } from './two-keys';

/**
 * The Socket.IO event maps, both namespaces, both directions. Passed as generics to the server
 * and the client so a payload type is declared once. See docs/api.md.
 */

/** `auth` of a public screen on the default namespace. */
export interface ScreenAuth {
  ceremonyId: string;
  /** `live` (the default), a rehearsal (`rehearsal-2`), an imported run or a replay room (`replay-` and 20 hex digits). */
  runId?: string;
  /** The key from the run's screen links; every run but the live one needs it. */
  runKey?: string;
  role?: ScreenRole;
  /** The key of a stage or overlay link (its `k=`): those roles need it, on every run. */
  screenKey?: string;
  /** The last seq the screen applied: the server sends only what came after it. */
  lastSeq?: number;
  /** The channel the screen belongs to (default: hall). */
  channel?: string;
  /** A name for the operator's registry, e.g. "Hall screen left". */
  name?: string;
  /** For a delegate link: the organization, the link's key, and where the delegate watches from. */
  delegate?: { organizationId: string; key: string; location: DelegateLocation };
}

/** `auth` of an operator console on the `/operator` namespace. */
export interface OperatorAuth {
  ceremonyId: string;
  runId?: string;
  /** A bearer token from POST /api/session; browsers may rely on the session cookie instead. */
  token?: string;
  lastSeq?: number;
}

export type CommandResult = { ok: true; seq: number; events: CeremonyEvent[] } | { ok: false; error: PodiumError };

export type ScreenCounts = Record<ScreenRole | 'operator', number>;

/** One connected screen, as the operator's registry shows it. */
export interface ScreenInfo {
  id: string;
  role: ScreenRole;
  name: string;
  channel: string;
  /** Fastest measured round trip to the server, and the screen clock's offset to it. */
  rttMs: number | null;
  offsetMs: number | null;
  /** The last reveal this screen has actually put on screen. */
  renderedCueId: string | null;
  renderedSeq: number;
  /** The viewer's own extra delay ("I am watching the stream"), on top of the channel's. */
  nudgeMs: number;
  connectedAt: number;
  organizationId?: string;
  location?: DelegateLocation;
}

/** Delegates connected per organization id. */
export type Presence = Record<string, Record<DelegateLocation, number>>;

/**
 * The registry as the console gets it: every stage, overlay and delegate screen, and the audience
 * as counts plus at most REGISTRY_MAX_AUDIENCE of its screens (those that have not rendered the
 * last reveal first), so that thousands of phones do not make every update thousands of rows.
 */
export interface RegistryUpdate {
  screens: ScreenInfo[];
  presence: Presence;
  audience: { total: number; renderedLastReveal: number; listed: number; byChannel: Record<string, number> };
}
export const REGISTRY_MAX_AUDIENCE = 100;
/**
 * How many stage and overlay screens (together), and how many delegate screens, one run admits
 * (rule S21): a hall has some dozens of screens, a ceremony some hundred delegates. Past it a
 * handshake is refused with `too_many_screens`, so the registry (and every console's list) stays bounded.
 */
export const MAX_STAGE_SCREENS_PER_RUN = 100;
export const MAX_DELEGATE_SCREENS_PER_RUN = 1_000;

/**
 * The `registry` message: the whole list on connect and on request, otherwise only what changed
 * since the last message (screens added or changed, ids removed) with the counts, which are small.
 */
export type RegistryMessage =
  | ({ kind: 'full' } & RegistryUpdate)
  | { kind: 'diff'; added: ScreenInfo[]; changed: ScreenInfo[]; removed: string[]; presence: Presence; audience: RegistryUpdate['audience'] };

export interface AttendanceSample {
  at: number;
  audience: number;
  screens: number;
}

export interface ReactionUpdate {
  /** Reactions since the last update: for a light burst on screen. */
  burst: ReactionCounts;
  totals: ReactionCounts;
}

/** What the operator can change about one screen. */
export interface ScreenRequest {
  screenId: string;
  name?: string;
  channel?: string;
  view?: 'audience' | 'stage' | 'overlay';
  reload?: boolean;
}

export type AckResult = { ok: true } | { ok: false; error: PodiumError };

export interface ServerToScreenEvents {
  /** The whole public state; sent on connect when replaying missed events is not simpler. */
  snapshot: (state: CeremonyState) => void;
  /**
   * One event, in seq order. With several processes, a screen that fails over may be sent one it
   * already has: it applies only `state.seq + 1`, so nothing is applied twice.
   */
  event: (event: PublicEvent) => void;
  failure: (error: PodiumError) => void;
  /** The screen's channel and its delay; sent on connect and whenever either changes. */
  channel: (channel: Channel) => void;
  reactions: (update: ReactionUpdate) => void;
  /** The operator sends this screen to another view; to a stage or overlay with that view's key. */
  navigate: (request: { view: 'audience' | 'stage' | 'overlay'; screenKey?: string }) => void;
  reload: () => void;
  /** The operator renamed this screen: keep the name for the next connection. */
  renamed: (name: string) => void;
  /** To a delegate screen only: the organization it stands for. */
  delegation: (organization: { id: string; name: Text | null }) => void;
}

export interface ScreenToServerEvents {
  /** "I have applied everything up to lastSeq": the server sends the rest (or a snapshot). */
  sync: (request: { lastSeq: number }) => void;
  /** One clock-sync round trip: the screen's clock in, the server's clock back. */
  clock: (sentAt: number, ack: (serverTime: number) => void) => void;
  /** The screen's own report: its name, where a delegate watches from, its clock estimate. */
  hello: (report: { name?: string; location?: DelegateLocation; offsetMs?: number; rttMs?: number; nudgeMs?: number }) => void;
  /** A reveal is on screen now. */
  rendered: (report: { seq: number; cueId: string }) => void;
  react: (kind: ReactionKind) => void;
}

export interface ServerToOperatorEvents {
  snapshot: (view: OperatorView) => void;
  event: (event: CeremonyEvent) => void;
  screens: (counts: ScreenCounts) => void;
  registry: (message: RegistryMessage) => void;
  attendance: (samples: AttendanceSample[]) => void;
  reactions: (update: ReactionUpdate & { byCue: Record<string, ReactionCounts> }) => void;
  failure: (error: PodiumError) => void;
  /** Two keys (S30): the ceremony's policy and its requests of the last minutes, whole, on connect and on every change. */
  approvals: (board: ApprovalBoard) => void;
  /** The presenter's screen (S33): its whole view, on connect and after every change. */
  presenter: (view: PresenterView) => void;
}

export interface OperatorToServerEvents {
  command: (command: unknown, ack: (result: CommandResult) => void) => void;
  sync: (request: { lastSeq: number }) => void;
  /** Asks for the whole registry again (a `registry` message of kind `full`). */
  registry: () => void;
  /** Rename a screen, move it to another channel or view, or reload it. */
  screen: (request: ScreenRequest, ack: (result: AckResult) => void) => void;
}
