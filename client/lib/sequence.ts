import type { PublicEvent } from '../../shared/events';
import { evolve, type CeremonyState } from '../../shared/state';

/**
 * What became of an event: applied; already applied (stale); ahead of us (gap: ask the server for
 * what is missing); or not applicable to our state (invalid: we need a fresh snapshot).
 */
export type ApplyOutcome = { kind: 'applied'; state: CeremonyState } | { kind: 'stale' } | { kind: 'gap'; lastSeq: number } | { kind: 'invalid'; reason: string };

/** Applies `event` only if it is the very next one: seq order is what keeps every screen equal. */
export function applyInOrder(state: CeremonyState, event: PublicEvent): ApplyOutcome {
  if (event.seq <= state.seq) return { kind: 'stale' };
  if (event.seq !== state.seq + 1) return { kind: 'gap', lastSeq: state.seq };
  try {
    return { kind: 'applied', state: evolve(state, event) };
  } catch (error) {
    return { kind: 'invalid', reason: error instanceof Error ? error.message : String(error) };
  }
}
