import { defaultChannels, type Channel } from './channels';
import type { Cue, PublicCeremony, RevealedEntry, RevealSlot } from './cues';
import type { PublicEvent } from './events';
import type { Text } from './text';

export interface RevealedResult {
  cueId: string;
  slot: RevealSlot;
  entries: RevealedEntry[];
  at: number;
  seq: number;
}

export interface Correction {
  cueId: string;
  categoryId: string;
  slot: RevealSlot;
  entries: RevealedEntry[];
  reason?: Text;
  at: number;
  seq: number;
}

/** The seal of the results, as published before the show (S31); the latest when sealed again. */
export interface SealState {
  sealNo: number;
  /** The definition version whose results were sealed. */
  version: number;
  root: string;
  commitments: { cueId: string; commitment: string }[];
  sealedBy: string;
  sealedAt: number;
}

export interface Announcement {
  text: Text;
  at: number;
  seq: number;
  /** How long screens show it (announcements.ts ANNOUNCEMENT_MS when missing). */
  durationMs?: number;
}

/**
 * The state of one run of a ceremony. It holds only public information: an unrevealed result
 * enters it only through its reveal event, so the same state is safe on every screen.
 */
export interface CeremonyState {
  ceremony: PublicCeremony;
  cues: Cue[];
  /** Index in `cues` of the cue GO starts next; `cues.length` when the run of show is done. */
  nextIndex: number;
  currentCueId: string | null;
  /** Revealed results per category id, in reveal order. */
  results: Record<string, RevealedResult[]>;
  /** Cue ids of standing reveals, most recent last: what retract withdraws. */
  revealStack: string[];
  lastRevealCueId: string | null;
  corrections: Correction[];
  hold: { since: number; message?: Text } | null;
  announcements: Announcement[];
  /** Announcements up to this seq were cleared by the operator (announcements.ts currentAnnouncement). Missing in older states: 0. */
  announcementClearedSeq?: number;
  /** The next reveal, armed by the operator: the presenter's screen may show its names (S33). Cleared when any cue starts. */
  armedCueId?: string | null;
  /** Whether the overlay (video mixer graphics) is on air. Missing in older states: on air. */
  overlayOnAir?: boolean;
  /** The channels screens belong to, with their delays. */
  channels: Record<string, Channel>;
  /** A live run or a rehearsal (every screen of a rehearsal carries a REHEARSAL mark). */
  run: { kind: 'live' | 'rehearsal'; realResults: boolean };
  seq: number;
  /** The version of the definition the run uses now (docs/spec.md S17). */
  version: number;
  startedAt: number | null;
  endedAt: number | null;
  /** The results' seal, when sealed (S31); missing in states made before seals existed. */
  seal?: SealState | null;
}

const MAX_ANNOUNCEMENTS = 20;

export function initialState(ceremony: PublicCeremony, cues: Cue[], version = 1): CeremonyState {
  return {
    ceremony,
    cues,
    nextIndex: 0,
    currentCueId: null,
    results: {},
    revealStack: [],
    lastRevealCueId: null,
    corrections: [],
    hold: null,
    announcements: [],
    announcementClearedSeq: 0,
    armedCueId: null,
    overlayOnAir: true,
    channels: defaultChannels,
    run: { kind: 'live', realResults: true },
    seq: 0,
    version,
    startedAt: null,
    endedAt: null,
    seal: null,
  };
}

function indexOfCue(state: CeremonyState, cueId: string): number {
  const i = state.cues.findIndex((c) => c.id === cueId);
  if (i < 0) throw new Error(`event names unknown cue "${cueId}"`);
  return i;
}

function startCue(state: CeremonyState, cueId: string, at: number): CeremonyState {
  const index = indexOfCue(state, cueId);
  const isClosing = state.cues[index]!.kind === 'closing';
  return {
    ...state,
    armedCueId: null,
    currentCueId: cueId,
    nextIndex: index + 1,
    startedAt: state.startedAt ?? at,
    endedAt: isClosing ? at : state.endedAt,
  };
}

/** Folds one event into the state. Pure; the same on the server and on every screen. */
export function evolve(state: CeremonyState, event: PublicEvent): CeremonyState {
  if (event.seq !== state.seq + 1) throw new Error(`event seq ${event.seq} does not follow ${state.seq}`);
  const next = { ...state, seq: event.seq };
  switch (event.type) {
    case 'cue_started':
      return startCue(next, event.cueId, event.at);
    case 'result_revealed': {
      const result: RevealedResult = { cueId: event.cueId, slot: event.slot, entries: event.entries, at: event.at, seq: event.seq };
      const others = (next.results[event.categoryId] ?? []).filter((r) => r.cueId !== event.cueId);
      return {
        ...startCue(next, event.cueId, event.at),
        results: { ...next.results, [event.categoryId]: [...others, result] },
        revealStack: [...next.revealStack.filter((id) => id !== event.cueId), event.cueId],
        lastRevealCueId: event.cueId,
      };
    }
    case 'reveal_retracted': {
      const correction: Correction = {
        cueId: event.cueId,
        categoryId: event.categoryId,
        slot: event.slot,
        entries: event.entries,
        at: event.at,
        seq: event.seq,
        ...(event.reason ? { reason: event.reason } : {}),
      };
      const revealStack = next.revealStack.filter((id) => id !== event.cueId);
      return {
        ...next,
        results: { ...next.results, [event.categoryId]: (next.results[event.categoryId] ?? []).filter((r) => r.cueId !== event.cueId) },
        revealStack,
        lastRevealCueId: revealStack.at(-1) ?? null,
        corrections: [...next.corrections, correction],
        armedCueId: null,
        // The withdrawn reveal is next again, so the operator can reveal it once it is right.
        nextIndex: indexOfCue(next, event.cueId),
        currentCueId: next.currentCueId === event.cueId ? null : next.currentCueId,
      };
    }
    case 'hold_started':
      return { ...next, hold: { since: event.at, ...(event.message ? { message: event.message } : {}) } };
    case 'hold_ended':
      return { ...next, hold: null };
    case 'announced':
      return {
        ...next,
        announcements: [...next.announcements, { text: event.text, at: event.at, seq: event.seq, ...(event.durationMs !== undefined ? { durationMs: event.durationMs } : {}) }].slice(-MAX_ANNOUNCEMENTS),
      };
    case 'announcement_cleared':
      return { ...next, announcementClearedSeq: event.seq };
    case 'reveal_armed':
      return { ...next, armedCueId: event.cueId };
    case 'overlay_set':
      return { ...next, overlayOnAir: event.onAir };
    case 'presenter_told':
      return next;
    case 'cue_jumped':
      return { ...next, armedCueId: null, nextIndex: indexOfCue(next, event.toCueId) };
    case 'rehearsal_started':
      return { ...next, run: { kind: 'rehearsal', realResults: event.realResults } };
    case 'definition_published': {
      const { ceremony = next.ceremony, cues = next.cues } = event;
      // The next cue stays the same cue when the new run of show still has it.
      const nextId = next.cues[next.nextIndex]?.id;
      const nextIndex = cues.findIndex((c) => c.id === nextId);
      // New results may be new names: an armed reveal is armed again by the operator.
      return { ...next, ceremony, cues, version: event.version, armedCueId: null, nextIndex: nextIndex >= 0 ? nextIndex : Math.min(next.nextIndex, cues.length) };
    }
    case 'results_sealed':
      return { ...next, seal: { sealNo: event.sealNo, version: event.version, root: event.root, commitments: event.commitments, sealedBy: event.sealedBy, sealedAt: event.at } };
    case 'channel_set':
      return { ...next, channels: { ...next.channels, [event.channelId]: { id: event.channelId, name: event.name, delayMs: event.delayMs } } };
    default: {
      const never: never = event;
      throw new Error(`unknown event ${JSON.stringify(never)}`);
    }
  }
}

export function foldEvents(state: CeremonyState, events: readonly PublicEvent[]): CeremonyState {
  return events.reduce(evolve, state);
}

export function nextCue(state: CeremonyState): Cue | null {
  return state.cues[state.nextIndex] ?? null;
}

export function currentCue(state: CeremonyState): Cue | null {
  return state.currentCueId === null ? null : (state.cues.find((c) => c.id === state.currentCueId) ?? null);
}
