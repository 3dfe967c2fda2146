import type { CeremonyDefinition } from './ceremony';
import { entriesForSlot, type RevealedEntry } from './cues';
import type { CeremonyEvent } from './events';
import type { CeremonyState } from './state';

/**
 * What a public screen (audience, stage, overlay) may see: the state, field by field. The state
 * holds no unrevealed result by construction; picking fields keeps it so if the state grows.
 */
export function projectPublic(state: CeremonyState): CeremonyState {
  return {
    ceremony: state.ceremony,
    cues: state.cues,
    nextIndex: state.nextIndex,
    currentCueId: state.currentCueId,
    results: state.results,
    revealStack: state.revealStack,
    lastRevealCueId: state.lastRevealCueId,
    corrections: state.corrections,
    hold: state.hold,
    announcements: state.announcements,
    channels: state.channels,
    run: state.run,
    seq: state.seq,
    version: state.version,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
  };
}

/** What the authenticated operator console sees: the state, who will be revealed, and who did what. */
export interface OperatorView {
  state: CeremonyState;
  /** For each reveal cue, the recipients it will reveal: the console's preview. */
  previews: Record<string, RevealedEntry[]>;
  /** The most recent events with who caused them: the audit log. */
  recent: CeremonyEvent[];
  /** The hash of the definition version the run uses (its number is `state.version`). */
  definitionHash: string;
}

export const AUDIT_LOG_LENGTH = 100;

export function revealPreviews(state: CeremonyState, definition: CeremonyDefinition): Record<string, RevealedEntry[]> {
  const previews: Record<string, RevealedEntry[]> = {};
  for (const cue of state.cues) {
    const category = definition.categories.find((c) => c.id === cue.categoryId);
    if (cue.kind === 'reveal' && cue.slot && category) previews[cue.id] = entriesForSlot(category, cue.slot);
  }
  return previews;
}

export function projectOperator(state: CeremonyState, definition: CeremonyDefinition, recent: readonly CeremonyEvent[], definitionHash: string): OperatorView {
  return { state, previews: revealPreviews(state, definition), recent: recent.slice(-AUDIT_LOG_LENGTH), definitionHash };
}
