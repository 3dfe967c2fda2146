import type { Attendance, Category, CeremonyDefinition, Segment } from './ceremony';
import { entriesForSlot, type Cue, type CueKind, type PublicNominee, type RevealedEntry } from './cues';
import type { CeremonyEvent } from './events';
import { currentCue, nextCue, type CeremonyState } from './state';
import type { Text } from './text';

/**
 * The presenter's screen at the lectern (docs/spec.md S33): what to read now and next. It is built
 * on the server from the definition, so it is where secrets could leak; the rule is simple:
 * a reveal's names, pronunciations and script line are in it only once that reveal is armed
 * (the envelope opened) or revealed; a summary's line only once its category is fully revealed.
 * Nothing else in it depends on who won.
 */
export interface PresenterView {
  ceremonyId: string;
  title: Text;
  timeZone: string;
  defaultLanguage?: 'fa' | 'en';
  run: CeremonyState['run'];
  seq: number;
  /** The cue on now, and when it started (server ms). */
  current: PresenterCue | null;
  currentSince: number | null;
  next: PresenterCue | null;
  hold: CeremonyState['hold'];
  startedAt: number | null;
  endedAt: number | null;
  /** The operator's messages to the presenter, oldest first (the last few). */
  messages: PresenterMessage[];
  /** The server's clock when it sent the view: the screen's clock is set by it. */
  sentAt?: number;
}

export interface PresenterCue {
  id: string;
  kind: CueKind;
  label: Text;
  speaker?: Text;
  role?: Text;
  categoryTitle?: Text;
  prize?: Text;
  /** A category intro's nominees (public). */
  nominees?: PublicNominee['recipient']['name'][];
  /** The line to read; a reveal's only once armed or revealed. */
  script?: Text;
  /** A reveal cue: whether its envelope is open (armed) or it is revealed; `names` only then. */
  reveal?: { state: 'sealed' | 'armed' | 'revealed'; names?: PresenterName[] };
}

export interface PresenterName {
  name: Text;
  entry?: Text;
  pronunciation?: Text;
  attendance?: Attendance;
}

export interface PresenterMessage {
  text: Text;
  at: number;
  seq: number;
}

export const PRESENTER_MESSAGES = 5;
/** Messages older than this many events are not looked for (the view is built on every event). */
const MESSAGES_LOOK_BACK = 200;

export function presenterView(state: CeremonyState, definition: CeremonyDefinition, events: readonly CeremonyEvent[]): PresenterView {
  const now = currentCue(state);
  const upcoming = nextCue(state);
  return {
    ceremonyId: state.ceremony.id,
    title: state.ceremony.title,
    timeZone: state.ceremony.timeZone,
    ...(state.ceremony.defaultLanguage ? { defaultLanguage: state.ceremony.defaultLanguage } : {}),
    run: state.run,
    seq: state.seq,
    current: now ? presenterCue(now, state, definition) : null,
    currentSince: now ? cueStartedAt(events, now.id) : null,
    next: upcoming && upcoming.id !== now?.id ? presenterCue(upcoming, state, definition) : null,
    hold: state.hold,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    messages: presenterMessages(events),
  };
}

function presenterCue(cue: Cue, state: CeremonyState, definition: CeremonyDefinition): PresenterCue {
  const category = cue.categoryId === undefined ? undefined : definition.categories.find((c) => c.id === cue.categoryId);
  const base: PresenterCue = {
    id: cue.id,
    kind: cue.kind,
    label: cue.label,
    ...(cue.speaker ? { speaker: cue.speaker } : {}),
    ...(cue.role ? { role: cue.role } : {}),
    ...(category ? { categoryTitle: category.title, ...(category.prize ? { prize: category.prize } : {}) } : {}),
  };
  if (!category) return withScript(base, segmentOf(definition, cue.id)?.script);
  if (cue.kind === 'category_intro') {
    const publicCategory = state.ceremony.categories.find((c) => c.id === category.id);
    const nominees = publicCategory?.nominees?.map((n) => n.recipient.name);
    return withScript({ ...base, ...(nominees ? { nominees } : {}) }, category.script?.intro);
  }
  if (cue.kind === 'category_summary') return withScript(base, categoryRevealed(state, category) ? category.script?.summary : undefined);
  if (cue.kind === 'reveal' && cue.slot) {
    const revealed = state.results[category.id]?.find((r) => r.cueId === cue.id);
    if (revealed) return withScript({ ...base, reveal: { state: 'revealed', names: revealed.entries.map(presenterName) } }, category.script?.reveal);
    if (state.armedCueId === cue.id) {
      const entries = entriesForSlot(category, cue.slot, definition.organizations, true);
      return withScript({ ...base, reveal: { state: 'armed', names: entries.map(presenterName) } }, category.script?.reveal);
    }
    return { ...base, reveal: { state: 'sealed' } };
  }
  return base;
}

function withScript(cue: PresenterCue, script: Text | undefined): PresenterCue {
  return script ? { ...cue, script } : cue;
}

function presenterName(entry: RevealedEntry): PresenterName {
  const { recipient } = entry;
  return {
    name: recipient.name,
    ...(recipient.entry ? { entry: recipient.entry } : {}),
    ...(recipient.pronunciation ? { pronunciation: recipient.pronunciation } : {}),
    ...(entry.attendance ? { attendance: entry.attendance } : {}),
  };
}

/** Every reveal cue of the category is revealed (its summary's line may name the winners). */
function categoryRevealed(state: CeremonyState, category: Category): boolean {
  const revealed = new Set((state.results[category.id] ?? []).map((r) => r.cueId));
  return state.cues.filter((c) => c.categoryId === category.id && c.kind === 'reveal').every((c) => revealed.has(c.id));
}

function segmentOf(definition: CeremonyDefinition, cueId: string): Exclude<Segment, { kind: 'category' }> | undefined {
  return definition.runOfShow.find((s): s is Exclude<Segment, { kind: 'category' }> => s.kind !== 'category' && s.id === cueId);
}

function cueStartedAt(events: readonly CeremonyEvent[], cueId: string): number | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if ((event.type === 'cue_started' || event.type === 'result_revealed') && event.cueId === cueId) return event.showAt ?? event.at;
  }
  return null;
}

function presenterMessages(events: readonly CeremonyEvent[]): PresenterMessage[] {
  const messages: PresenterMessage[] = [];
  const oldest = Math.max(0, events.length - MESSAGES_LOOK_BACK);
  for (let i = events.length - 1; i >= oldest && messages.length < PRESENTER_MESSAGES; i--) {
    const event = events[i]!;
    if (event.type === 'presenter_told' && event.text) messages.unshift({ text: event.text, at: event.at, seq: event.seq });
  }
  return messages;
}
