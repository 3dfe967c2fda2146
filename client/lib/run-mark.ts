import { parseRunId, REPLAY_ID_PATTERN } from '../../shared/runs';
import type { CeremonyState } from '../../shared/state';

/**
 * The mark a screen carries when it does not show the live ceremony: a rehearsal (on stand-ins or,
 * chosen and confirmed, on the real results) or a replay room. Null on a live screen.
 */
export type RunMark = { kind: 'rehearsal'; realResults: boolean } | { kind: 'replay' };

/**
 * A replay room's screens say "replay" whatever the run they replay; a rehearsal is known from
 * its state (its first event), so a screen opened on a rehearsal link is marked from its first
 * snapshot, and one that somehow reached a rehearsal without the link is marked too.
 */
export function runMarkOf(runId: string | null | undefined, state: CeremonyState | null): RunMark | null {
  // A replay room, or a run imported from a file: a record played again, not a ceremony under way.
  if (runId && (REPLAY_ID_PATTERN.test(runId) || parseRunId(runId)?.kind === 'import')) return { kind: 'replay' };
  if (state?.run.kind === 'rehearsal') return { kind: 'rehearsal', realResults: state.run.realResults };
  // Before the first snapshot, the link alone says it is a rehearsal.
  if (!state && runId && parseRunId(runId)?.kind === 'rehearsal') return { kind: 'rehearsal', realResults: false };
  return null;
}
