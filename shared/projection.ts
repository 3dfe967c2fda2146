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
    announcementClearedSeq: state.announcementClearedSeq ?? 0,
    armedCueId: state.armedCueId ?? null,
    overlayOnAir: state.overlayOnAir ?? true,
    channels: state.channels,
    run: state.run,
    seq: state.seq,
    version: state.version,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    seal: state.seal ?? null,
  };
}

/** What the authenticated operator console sees: the state, who will be revealed, and who did what. */
export interface OperatorView {
  state: CeremonyState;
  /** For each reveal cue, the recipients it will reveal: the console's preview. */
  previews: Record<string, RevealedEntry[]>;
  /** The most recent events with who caused them: the audit log. */
  recent: CeremonyEvent[];
  /** The hash of the definition version the run uses (its number is `state.version`); null when sealed. */
  definitionHash: string | null;
  /**
   * Set for a role that may not see unrevealed results (stage manager, presenter: S29): no
   * preview, no hash of the definition; the console shows every next reveal as "sealed".
   */
  sealed?: true;
}

export const AUDIT_LOG_LENGTH = 100;

export function revealPreviews(state: CeremonyState, definition: CeremonyDefinition): Record<string, RevealedEntry[]> {
  const previews: Record<string, RevealedEntry[]> = {};
  for (const cue of state.cues) {
    const category = definition.categories.find((c) => c.id === cue.categoryId);
    if (cue.kind === 'reveal' && cue.slot && category) previews[cue.id] = entriesForSlot(category, cue.slot, definition.organizations);
  }
  return previews;
}

/** The operator view without anything that depends on an unrevealed result (S29). */
export function sealOperatorView(state: CeremonyState, recent: readonly CeremonyEvent[]): OperatorView {
  return { state, previews: {}, recent: recent.slice(-AUDIT_LOG_LENGTH).map(sealEvent), definitionHash: null, sealed: true };
}

/**
 * An event as a console without results gets it: a definition version without its hash, nor which
 * reveal's attendance it changed (that someone there is not present is part of the result, S34).
 */
export function sealEvent(event: CeremonyEvent): CeremonyEvent {
  if (event.type !== 'definition_published' || (event.hash === undefined && event.attendance === undefined)) return event;
  const { hash: _hash, attendance: _attendance, ...rest } = event;
  return rest;
}

export function projectOperator(state: CeremonyState, definition: CeremonyDefinition, recent: readonly CeremonyEvent[], definitionHash: string): OperatorView {
  return { state, previews: revealPreviews(state, definition), recent: recent.slice(-AUDIT_LOG_LENGTH), definitionHash };
}
