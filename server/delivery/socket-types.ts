import type { Namespace, Socket } from 'socket.io';
import type { OperatorToServerEvents, ScreenInfo, ScreenToServerEvents, ServerToOperatorEvents, ServerToScreenEvents } from '../../shared/protocol';
import type { Principal } from '../../shared/crew';
import type { CeremonyRun } from '../live/ceremony-run';
import type { ReplayRoom } from '../runs/replay-room';
import type { ScreenMessageLimits } from './screen-limits';

/** What the gateway keeps on a public screen's socket. */
export interface ScreenData {
  run: CeremonyRun;
  info: ScreenInfo;
  /** How often this socket may send each message (S21). */
  limits?: ScreenMessageLimits;
  /** The largest frame queued for this socket so far: the unread bound is on top of it (S21). */
  largestFrame?: () => number;
  /** Set when the screen watches a replay room instead of a run. */
  replay?: { ceremonyId: string; room: ReplayRoom };
}

/** What the gateway keeps on a console's socket. */
export interface OperatorData {
  run: CeremonyRun;
  token: string;
  /** Who signed in (its role decides what the console gets: S29). */
  session: Principal;
  /** The presenter's screen (S33), not a console: it is in the presenter room only. */
  presenter?: true;
}

export type ScreenSocket = Socket<ScreenToServerEvents, ServerToScreenEvents, Record<string, never>, ScreenData>;
export type OperatorSocket = Socket<OperatorToServerEvents, ServerToOperatorEvents, Record<string, never>, OperatorData>;
export type OperatorNamespace = Namespace<OperatorToServerEvents, ServerToOperatorEvents, Record<string, never>, OperatorData>;

export const screensRoom = (run: CeremonyRun) => `screens:${run.runId}`;
export const channelRoom = (run: CeremonyRun, channelId: string) => `screens:${run.runId}:channel:${channelId}`;
/** Every console of a run: what is the same for every role (screens, registry, attendance, reactions). */
export const operatorsRoom = (run: CeremonyRun) => `operators:${run.runId}`;
/** The consoles that may see results (their previews), and those that may not (S29). */
export const previewRoom = (run: CeremonyRun) => `operators:${run.runId}:previews`;
export const sealedRoom = (run: CeremonyRun) => `operators:${run.runId}:sealed`;
/** The presenter's screens of a run (S33): the presenter view, nothing else. */
export const presenterRoom = (run: CeremonyRun) => `presenters:${run.runId}`;
