import type { PublicCategory, RevealedEntry } from '../../shared/cues';
import { currentCue, type CeremonyState } from '../../shared/state';
import type { Text } from '../../shared/text';
import { findCategory, latestReveal, type Reveal } from './ceremony-view';

/** The one graphic the overlay puts over the video now, if any. */
export type OverlayGraphic =
  | { kind: 'speech'; cueId: string; speaker: Text; role?: Text }
  | { kind: 'intro'; cueId: string; category: PublicCategory }
  | { kind: 'reveal'; reveal: Reveal };

/**
 * What the overlay shows for the cue on now: a speaker's lower third, a category's intro, or the
 * reveal standing for this cue. Nothing off air, on hold, or between cues (a lower third must not
 * linger into the next cue). Read from the public state only.
 */
export function overlayGraphic(state: CeremonyState | null): OverlayGraphic | null {
  if (!state || state.overlayOnAir === false || state.hold) return null;
  const cue = currentCue(state);
  if (!cue) return null;
  switch (cue.kind) {
    case 'speech':
      return cue.speaker ? { kind: 'speech', cueId: cue.id, speaker: cue.speaker, ...(cue.role ? { role: cue.role } : {}) } : null;
    case 'category_intro': {
      const category = findCategory(state, cue.categoryId);
      return category ? { kind: 'intro', cueId: cue.id, category } : null;
    }
    case 'reveal': {
      const reveal = latestReveal(state);
      return reveal && reveal.result.cueId === cue.id ? { kind: 'reveal', reveal } : null;
    }
    default:
      return null;
  }
}

/** Changes whenever a different graphic is up: the old one animates out, the new one in. */
export function graphicKey(graphic: OverlayGraphic | null): string {
  if (!graphic) return 'none';
  return graphic.kind === 'reveal' ? `reveal:${graphic.reveal.result.cueId}:${graphic.reveal.result.seq}` : `${graphic.kind}:${graphic.cueId}`;
}

/** The picture beside a reveal's name: only for one recipient (several would crowd it), its photo, else its organization's logo. */
export function revealPicture(entries: readonly RevealedEntry[]): { image: string; logo: boolean } | null {
  const only = entries.length === 1 ? entries[0] : undefined;
  if (!only) return null;
  if (only.recipient.photo) return { image: only.recipient.photo, logo: false };
  return only.logo ? { image: only.logo, logo: true } : null;
}

/** How a reveal's names are laid out: one line each for a few, a wrapped list for many. */
export function entriesLayout(count: number): 'single' | 'lines' | 'flow' | 'dense' {
  if (count <= 1) return 'single';
  if (count <= 3) return 'lines';
  return count <= 8 ? 'flow' : 'dense';
}
