import type { CeremonyDefinition } from './ceremony';
import { buildCues, toPublicCeremony } from './cues';
import { decide } from './decide';
import type { PublicEvent } from './events';
import { projectPublic } from './projection';
import { withStandIns } from './stand-ins';
import { evolve, initialState, nextCue, type CeremonyState } from './state';

export interface PreviewOptions {
  /** Stand-in recipients (withStandIns) instead of the definition's real results. */
  standIns: boolean;
  /** The time every GO of the preview is stamped with (shared/ has no clock). */
  now: number;
}

/**
 * The state a public screen shows once a live run of `definition` has gone up to and including
 * `cueId` (null: before the show, idle). Made by the run's own core, GO after GO (decide, then
 * evolve, then the public projection), so the studio's preview is what the screens will show.
 * Throws for a cue the run of show does not have: the caller checks the cue first.
 */
export function stateAtCue(definition: CeremonyDefinition, cueId: string | null, options: PreviewOptions): CeremonyState {
  const used = options.standIns ? withStandIns(definition) : definition;
  const cues = buildCues(used);
  let state = initialState(toPublicCeremony(used), cues);
  if (cueId === null) return projectPublic(state);
  if (!cues.some((c) => c.id === cueId)) throw new Error(`the run of show has no cue "${cueId}"`);
  while (state.currentCueId !== cueId) {
    const cue = nextCue(state);
    if (!cue) throw new Error(`the run of show ended before cue "${cueId}"`);
    const decision = decide(state, { type: 'go', expectedCue: cue.id }, used);
    if (!decision.ok) throw new Error(`GO on "${cue.id}" was refused: ${decision.error.code}`);
    for (const body of decision.events) {
      const event: PublicEvent = { ...body, seq: state.seq + 1, at: options.now, showAt: options.now };
      state = evolve(state, event);
    }
  }
  return projectPublic(state);
}
