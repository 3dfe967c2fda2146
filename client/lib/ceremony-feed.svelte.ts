import type { Channel } from '../../shared/channels';
import type { ClockEstimate } from '../../shared/clock-sync';
import type { PodiumError } from '../../shared/errors';
import type { PublicEvent } from '../../shared/events';
import type { ReactionUpdate } from '../../shared/protocol';
import type { DelegateLocation } from '../../shared/roles';
import type { CeremonyState } from '../../shared/state';
import type { Text } from '../../shared/text';
import type { ConnectionStatus } from './connection-status';
import { applyInOrder, type ApplyOutcome } from './sequence';

/**
 * The ceremony as a public screen knows it: the last snapshot plus every event since, in seq
 * order. Raw state: it is replaced, never mutated, so no deep proxy is needed.
 */
export class CeremonyFeed {
  state: CeremonyState | null = $state.raw(null);
  connection: ConnectionStatus = $state('connecting');
  failure: PodiumError | null = $state.raw(null);
  /** The screen's channel and its delay, as the server last said. */
  channel: Channel | null = $state.raw(null);
  /** The viewer's own extra delay ("I am watching the stream"). */
  nudgeMs: number = $state(0);
  /** This screen's estimate of the server clock; null until the first sync. */
  clock: ClockEstimate | null = $state.raw(null);
  /** The latest reactions update: a new object each time, so a burst is one change. */
  reactions: ReactionUpdate | null = $state.raw(null);
  /** Where a delegate watches from; null on other screens. */
  location: DelegateLocation | null = $state(null);
  /** The organization a delegate screen stands for, as the server says; null on other screens. */
  organization: { id: string; name: Text | null } | null = $state.raw(null);
  /** The run the screen shows: `live`, `rehearsal-N` or `replay-N` (a replay room). */
  readonly runId: string;

  constructor(runId: string = 'live') {
    this.runId = runId;
  }

  /** The seq a reconnect asks the server to continue from; undefined means "send a snapshot". */
  get lastSeq(): number | undefined {
    return this.state?.seq;
  }

  applySnapshot(state: CeremonyState): void {
    this.state = state;
    this.failure = null;
  }

  applyEvent(event: PublicEvent): ApplyOutcome | { kind: 'no_state' } {
    if (!this.state) return { kind: 'no_state' };
    const outcome = applyInOrder(this.state, event);
    if (outcome.kind === 'applied') this.state = outcome.state;
    return outcome;
  }

  /** Forget the state so the next connect asks for a snapshot. */
  reset(): void {
    this.state = null;
  }

  setConnection(status: ConnectionStatus): void {
    this.connection = status;
  }

  setFailure(failure: PodiumError | null): void {
    this.failure = failure;
  }

  setChannel(channel: Channel): void {
    this.channel = channel;
  }

  setNudge(nudgeMs: number): void {
    this.nudgeMs = nudgeMs;
  }

  setClock(estimate: ClockEstimate): void {
    this.clock = estimate;
  }

  setReactions(update: ReactionUpdate): void {
    this.reactions = update;
  }

  setLocation(location: DelegateLocation | null): void {
    this.location = location;
  }

  setOrganization(organization: { id: string; name: Text | null }): void {
    this.organization = organization;
  }
}
