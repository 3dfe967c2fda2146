import type { PublicCategory } from '../../shared/cues';
import type { RevealedResult } from '../../shared/state';

/**
 * The stage's reveal sequences, timed from the moment the reveal is displayed (its `showAt` plus
 * the screen's channel delay), so that every screen plays the same frame at the same time and a
 * screen that joins late plays from where the others are. Free of DOM: the scenes turn these
 * numbers into CSS `animation-delay`s.
 */

/** When a ranked place's beats start (ms from the reveal's display): the place, then the names. */
export const PlaceBeats = { category: 0, place: 150, recipients: 1600, recipientStep: 220, details: 2200 } as const;
/** A nominees reveal: the nominees, then the winner singled out and the others receding. */
export const WinnerBeats = { nominees: 0, nomineeStep: 60, single: 1800, names: 2500 } as const;
/** Honourable mentions: the heading, then the names one by one. */
export const MentionBeats = { heading: 0, names: 700, nameStep: 180 } as const;
/** The longest beat's own length: a sequence is over this long after its last beat starts. */
export const BEAT_MS = 800;

/** The server's lead before it shows a reveal (server/config.ts REVEAL_LEAD_MS default), when only `at` is known. */
export const DEFAULT_REVEAL_LEAD_MS = 400;
/**
 * A screen that draws the reveal within this of its moment is on time: it plays from the start,
 * so a frame's rendering time never skips the opening beat.
 */
export const ON_TIME_MS = 300;

export type SequenceKind = 'place' | 'winner' | 'mentions';

export function sequenceKind(result: RevealedResult): SequenceKind {
  return result.slot.kind === 'place' ? 'place' : result.slot.kind;
}

/** How long a reveal's sequence lasts, for its number of names (and of nominees). */
export function sequenceLength(result: RevealedResult, category: PublicCategory): number {
  const names = Math.max(1, result.entries.length);
  switch (sequenceKind(result)) {
    case 'place':
      return Math.max(PlaceBeats.details, PlaceBeats.recipients + (names - 1) * PlaceBeats.recipientStep) + BEAT_MS;
    case 'winner':
      return Math.max(WinnerBeats.names, (category.nominees?.length ?? 0) * WinnerBeats.nomineeStep) + BEAT_MS;
    case 'mentions':
      return MentionBeats.names + (names - 1) * MentionBeats.nameStep + BEAT_MS;
  }
}

/** The server time at which this screen displays the reveal: its showAt (else `at` plus the usual lead), plus the channel's delay. */
export function revealDisplayAt(result: RevealedResult, showAt: number | undefined, delayMs: number): number {
  return (showAt ?? result.at + DEFAULT_REVEAL_LEAD_MS) + delayMs;
}

/**
 * How far into its sequence a reveal is when a screen draws it: 0 when on time, the time since its
 * moment when late (the animations start that far in, as negative delays), and never more than
 * the sequence's length (a screen that comes after the end shows the final frame at once).
 */
export function sequenceElapsed(displayAt: number, serverNow: number, length: number): number {
  const late = serverNow - displayAt;
  if (late < ON_TIME_MS) return 0;
  return Math.min(late, length);
}

/** The `animation-delay` of a beat that starts `beatMs` into the sequence, for a screen `elapsedMs` in. */
export function beatDelay(beatMs: number, elapsedMs: number): string {
  return `${Math.round(beatMs - elapsedMs)}ms`;
}

/** The nominee grid's columns for a count (2 to 12, and beyond): rows stay few and tiles large. */
export function nomineeColumns(count: number): number {
  if (count <= 4) return Math.max(1, count);
  if (count <= 6) return 3;
  if (count === 9) return 3;
  return 4;
}

export function nomineeRows(count: number): number {
  return Math.ceil(count / nomineeColumns(count));
}
