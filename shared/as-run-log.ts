import { formatElapsed } from './calendar';
import type { CsvTable } from './csv';
import type { Cue, RevealedEntry, RevealSlot } from './cues';
import type { CeremonyEvent, PublicEvent } from './events';
import type { Text } from './text';
import { localDigits } from './format';

/** One line of the as-run log: what happened, when, and how long after the first cue (for cutting the recording). */
export interface AsRunRow {
  seq: number;
  /** When it was decided: ISO 8601, UTC. */
  time: string;
  /** When every screen showed it (a short lead after `time`; the same in logs without one): ISO 8601, UTC. */
  shownTime: string;
  /** HH:MM:SS.mmm from the moment screens showed the first cue to the moment they showed this; negative before it; '' when no cue has started. */
  sinceFirstCue: string;
  type: PublicEvent['type'];
  cueId: string;
  cueLabel: Text;
  categoryId: string;
  /** The place number, or `mentions` / `winner`. */
  place: string;
  names: Text;
  /** An announcement's text, a hold's message or a retraction's reason. */
  text: Text;
  actor: string;
  /** The second person who confirmed it (two keys, S30); '' when none. */
  confirmedBy: string;
  /** The actor's role, and the API token it came through (S29); '' when none. */
  actorRole: string;
  token: string;
}

export const AS_RUN_CSV_COLUMNS = [
  'seq',
  'time',
  'shown_time',
  'since_first_cue',
  'type',
  'cue_id',
  'cue_fa',
  'cue_en',
  'category',
  'place',
  'names_fa',
  'names_en',
  'text_fa',
  'text_en',
  'actor',
  'confirmed_by',
  'actor_role',
  'token',
] as const;

const NAME_SEPARATOR = ' | ';

function slotLabel(slot: RevealSlot): string {
  return slot.kind === 'place' ? String(slot.place) : slot.kind;
}

function namesOf(entries: readonly RevealedEntry[]): Text {
  const pick = (lang: 'fa' | 'en') => entries.map((e) => e.recipient.name[lang] ?? e.recipient.name[lang === 'fa' ? 'en' : 'fa'] ?? '').join(NAME_SEPARATOR);
  return entries.length === 0 ? {} : { fa: pick('fa'), en: pick('en') };
}

function cueIdOf(event: PublicEvent): string {
  switch (event.type) {
    case 'cue_started':
    case 'result_revealed':
    case 'reveal_retracted':
      return event.cueId;
    case 'cue_jumped':
      return event.toCueId;
    default:
      return '';
  }
}

/** A new definition version in words: a results correction says so, and a live attendance change (S34) says that instead. */
function versionText(event: Extract<PublicEvent, { type: 'definition_published' }>): Text {
  const correction = 'correction' in event && event.correction !== undefined;
  const attendance = 'attendance' in event && event.attendance !== undefined;
  const fa = correction ? ' (اصلاح نتایج)' : attendance ? ' (حضور برگزیده)' : '';
  const en = correction ? ' (results correction)' : attendance ? ' (attendance)' : '';
  return { fa: `نسخهٔ ${event.version} تعریف مراسم${fa}`, en: `definition version ${event.version}${en}` };
}

/** A seal in words (S31): its number and the start of its root, for the log. */
function sealText(event: Extract<PublicEvent, { type: 'results_sealed' }>): Text {
  return { fa: `مهر و موم نتایج (شمارهٔ ${localDigits(event.sealNo, 'fa')}، ریشه ${event.root.slice(0, 8)})`, en: `results sealed (no. ${event.sealNo}, root ${event.root.slice(0, 8)})` };
}

/** The as-run log of a run: one row per event, in seq order. */
export function asRunRows(events: readonly (PublicEvent | CeremonyEvent)[], cues: readonly Cue[]): AsRunRow[] {
  // A recording shows what the screens showed: time the cut by when they showed it.
  const shownAt = (e: PublicEvent | CeremonyEvent) => e.showAt ?? e.at;
  const firstCue = events.find((e) => e.type === 'cue_started' || e.type === 'result_revealed');
  return events.map((event) => {
    const cueId = cueIdOf(event);
    const cue = cues.find((c) => c.id === cueId);
    const reveal = event.type === 'result_revealed' || event.type === 'reveal_retracted' ? event : null;
    const text = event.type === 'announced' ? event.text : event.type === 'hold_started' ? event.message : event.type === 'reveal_retracted' ? event.reason : event.type === 'definition_published' ? versionText(event) : event.type === 'results_sealed' ? sealText(event) : undefined;
    const corrected = event.type === 'definition_published' && 'correction' in event ? (event.correction?.categoryIds.join(' ') ?? '') : '';
    return {
      seq: event.seq,
      time: new Date(event.at).toISOString(),
      shownTime: new Date(shownAt(event)).toISOString(),
      sinceFirstCue: firstCue ? formatElapsed(shownAt(event) - shownAt(firstCue)) : '',
      type: event.type,
      cueId,
      cueLabel: cue?.label ?? {},
      categoryId: reveal?.categoryId ?? (corrected || cue?.categoryId) ?? '',
      place: reveal ? slotLabel(reveal.slot) : '',
      names: reveal ? namesOf(reveal.entries) : {},
      text: text ?? {},
      actor: 'actor' in event ? event.actor : '',
      confirmedBy: ('confirmedBy' in event ? event.confirmedBy : undefined) ?? '',
      actorRole: ('actorRole' in event ? event.actorRole : undefined) ?? '',
      token: ('token' in event ? event.token : undefined) ?? '',
    };
  });
}

/** The as-run CSV as a table (header first); the server writes it as CSV text (server/csv/csv.ts). */
export function asRunCsvTable(rows: readonly AsRunRow[]): CsvTable {
  return [
    [...AS_RUN_CSV_COLUMNS],
    ...rows.map((r) => [r.seq, r.time, r.shownTime, r.sinceFirstCue, r.type, r.cueId, r.cueLabel.fa, r.cueLabel.en, r.categoryId, r.place, r.names.fa, r.names.en, r.text.fa, r.text.en, r.actor, r.confirmedBy, r.actorRole, r.token]),
  ];
}
