import type { Attendance, Recipient } from './ceremony';
import type { Cue, PublicCategory } from './cues';
import type { CeremonyState } from './state';
import type { Text } from './text';

/** One revealed recipient at its place. Winners of a nominees category are at place 1. */
export interface PlacedRecipient {
  place: number | null;
  mention: boolean;
  recipient: Recipient;
  score?: number;
  /** Not there to receive it (absent, on behalf, remote): shown with the reveal (S34). */
  attendance?: Attendance;
  cueId: string;
}

export interface CategoryResults {
  id: string;
  kind: PublicCategory['kind'];
  title: Text;
  section?: Text;
  prize?: Text;
  /** Revealed places, best first; ties share a place. Nothing unrevealed. */
  results: PlacedRecipient[];
  /** Revealed honourable mentions. */
  mentions: PlacedRecipient[];
  /** How many places the category has (public), so a screen can draw the empty podium. */
  placeCount: number;
  nominees?: PublicCategory['nominees'];
}

/** The revealed results of every category, in the shape screens and the REST API use. */
export function categoryResults(state: CeremonyState): CategoryResults[] {
  return state.ceremony.categories.map((category) => {
    const placed: PlacedRecipient[] = (state.results[category.id] ?? []).flatMap((r) =>
      r.entries.map((e) => ({
        place: r.slot.kind === 'place' ? r.slot.place : r.slot.kind === 'winner' ? 1 : null,
        mention: r.slot.kind === 'mentions',
        recipient: e.recipient,
        ...(e.score !== undefined ? { score: e.score } : {}),
        ...(e.attendance !== undefined ? { attendance: e.attendance } : {}),
        cueId: r.cueId,
      })),
    );
    return {
      id: category.id,
      kind: category.kind,
      title: category.title,
      ...(category.section ? { section: category.section } : {}),
      ...(category.prize ? { prize: category.prize } : {}),
      results: placed.filter((p) => !p.mention).sort((a, b) => (a.place ?? 0) - (b.place ?? 0)),
      mentions: placed.filter((p) => p.mention),
      placeCount: category.kind === 'ranked' ? category.places.length : 1,
      ...(category.nominees ? { nominees: category.nominees } : {}),
    };
  });
}

export type CueStatus = 'done' | 'current' | 'next' | 'upcoming';

export function cueStatus(state: CeremonyState, cue: Cue, index: number): CueStatus {
  if (cue.id === state.currentCueId) return 'current';
  if (index === state.nextIndex) return 'next';
  return index < state.nextIndex ? 'done' : 'upcoming';
}
