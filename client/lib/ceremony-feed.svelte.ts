import type { PodiumError } from '../../shared/errors';
import type { PublicEvent } from '../../shared/events';
import type { CeremonyState } from '../../shared/state';
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
}
