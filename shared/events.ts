import type { Cue, PublicCeremony, RevealedEntry, RevealSlot } from './cues';
import type { Actor } from './crew';
import type { Text } from './text';

/** What happened, as appended to the log. Bodies are public once appended; meta is not. */
export type EventBody =
  | { type: 'cue_started'; cueId: string }
  /** `salt`: in a sealed live run, the secret salt of this reveal's commitment, public from now on (S31). */
  | { type: 'result_revealed'; cueId: string; categoryId: string; slot: RevealSlot; entries: RevealedEntry[]; salt?: string }
  | { type: 'reveal_retracted'; cueId: string; categoryId: string; slot: RevealSlot; entries: RevealedEntry[]; reason?: Text }
  | { type: 'hold_started'; message?: Text }
  | { type: 'hold_ended' }
  | { type: 'announced'; text: Text; durationMs?: number }
  | { type: 'announcement_cleared' }
  /** The next reveal is armed: the presenter's screen shows its names (S33). Nothing secret in the event. */
  | { type: 'reveal_armed'; cueId: string }
  | { type: 'overlay_set'; onAir: boolean }
  /** A message to the presenter: its text is for the crew's screens only (toPublicEvent drops it). */
  | { type: 'presenter_told'; text?: Text }
  | { type: 'cue_jumped'; fromCueId: string | null; toCueId: string }
  | { type: 'channel_set'; channelId: string; name: Text; delayMs: number }
  /** The first event of a rehearsal run: whether it uses stand-ins or, chosen and confirmed, the real results. */
  | { type: 'rehearsal_started'; realResults: boolean; version?: number }
  /**
   * A new version of the definition: the run uses it from here on. Before the run begins any change
   * may be published; once it has begun, only a results correction of categories with no standing
   * reveal (`correction`), whose public part is unchanged. `ceremony` and `cues` are there only
   * when they changed (a results correction has neither: a small event, even for a large
   * ceremony). `correction` and `hash` are for the console; screens get the public part only.
   * `attendance`: the version changes only a recipient's attendance at that reveal cue (S34), no
   * correction; for the consoles that see results only (the others, and screens, never get it).
   */
  | { type: 'definition_published'; version: number; ceremony?: PublicCeremony; cues?: Cue[]; hash?: string; correction?: { categoryIds: string[] }; attendance?: { cueId: string } }
  /** The results were sealed before the show (S31): one commitment per reveal cue, and their root. No salt. */
  | { type: 'results_sealed'; sealNo: number; version: number; root: string; commitments: { cueId: string; commitment: string }[]; sealedBy: string };

export type EventType = EventBody['type'];

/** Stamped by the server: the position in the run's log, when it was decided, when screens show it. */
export interface EventStamp {
  seq: number;
  at: number;
  /** Server time at which every screen shows it (a short lead after `at`); missing in older logs. */
  showAt?: number;
}

/** Who caused it (the person, their role, the API token, a second person's confirmation); for the crew's audit log only. */
export interface EventMeta extends Actor {
  commandId: string;
}

export type CeremonyEvent = EventBody & EventStamp & EventMeta;
/** What a screen receives: no meta. */
export type PublicEvent = EventBody & EventStamp;

export const EventTypes = [
  'cue_started',
  'result_revealed',
  'reveal_retracted',
  'hold_started',
  'hold_ended',
  'announced',
  'announcement_cleared',
  'reveal_armed',
  'overlay_set',
  'presenter_told',
  'cue_jumped',
  'channel_set',
  'rehearsal_started',
  'definition_published',
  'results_sealed',
] as const satisfies readonly EventType[];

export function toPublicEvent(event: CeremonyEvent): PublicEvent {
  const { commandId: _commandId, actor: _actor, actorRole: _role, token: _token, confirmedBy: _confirmedBy, ...body } = event;
  if (body.type === 'definition_published') {
    const { hash: _hash, correction: _correction, attendance: _attendance, ...published } = body;
    return published;
  }
  if (body.type === 'presenter_told') return { type: body.type, seq: body.seq, at: body.at, ...(body.showAt !== undefined ? { showAt: body.showAt } : {}) };
  return body;
}
