import type { PublicCategory, RevealedEntry, RevealSlot } from '../../shared/cues';
import { attendancePlain } from '../../shared/attendance-text';
import { placeLabel } from '../../shared/format';
import type { Correction, CeremonyState, RevealedResult } from '../../shared/state';
import { pickText, type Language, type Text } from '../../shared/text';
import { joinNames, t } from './i18n';
import { nameParts, type PhrasePart } from './phrase';

/** What screens derive from a CeremonyState. Pure, so that every screen reads it the same way. */

export function findCategory(state: CeremonyState, categoryId: string | undefined): PublicCategory | null {
  return state.ceremony.categories.find((c) => c.id === categoryId) ?? null;
}

export function slotLabel(slot: RevealSlot, lang: Language): string {
  switch (slot.kind) {
    case 'place':
      return placeLabel(slot.place, lang);
    case 'mentions':
      return t(lang, 'mentions');
    case 'winner':
      return t(lang, 'winner');
    default: {
      const never: never = slot;
      throw new Error(`unknown slot ${JSON.stringify(never)}`);
    }
  }
}

export function entryNames(entries: readonly RevealedEntry[], lang: Language): string {
  return joinNames(
    entries.map((e) => pickText(e.recipient.name, lang)),
    lang,
  );
}

/**
 * What a reveal that names nobody says: a place a tie above has taken (1, 1, 3 has no separate
 * 2nd place) or that is not awarded, or a declared list of mentions that is empty (docs/spec.md S16).
 */
export function emptySlotText(slot: RevealSlot, lang: Language): string {
  return slot.kind === 'mentions' ? t(lang, 'mentionsNone') : t(lang, 'placeEmpty', { place: slotLabel(slot, lang) });
}

/** The names a reveal shows, each a part of its own (isolated when shown: Phrase.svelte), or what its being empty means. */
export function revealedNameParts(result: { slot: RevealSlot; entries: readonly RevealedEntry[] }, lang: Language): PhrasePart[] {
  if (result.entries.length === 0) return [{ text: emptySlotText(result.slot, lang), data: false }];
  return nameParts(
    result.entries.map((e) => pickText(e.recipient.name, lang)),
    lang,
  );
}

/** The names a reveal shows, or what its being empty means, as one string (for a screen reader or a title; a screen shows revealedNameParts). */
export function revealedNames(result: { slot: RevealSlot; entries: readonly RevealedEntry[] }, lang: Language): string {
  return result.entries.length > 0 ? entryNames(result.entries, lang) : emptySlotText(result.slot, lang);
}

export interface Reveal {
  category: PublicCategory;
  result: RevealedResult;
}

/** The reveal standing last: what the reveal card, the stage and the overlay show. */
export function latestReveal(state: CeremonyState): Reveal | null {
  const cue = state.cues.find((c) => c.id === state.lastRevealCueId);
  const category = findCategory(state, cue?.categoryId);
  const result = category && state.results[category.id]?.find((r) => r.cueId === cue?.id);
  return category && result ? { category, result } : null;
}

/** «رتبه چهارم: سازمان اداری و استخدامی کشور»: a reveal as one sentence for screen readers, then who is not there (S34). */
export function revealInWords(reveal: Reveal, lang: Language, withCategory = false): string {
  const values = { slot: slotLabel(reveal.result.slot, lang), names: revealedNames(reveal.result, lang), category: pickText(reveal.category.title, lang) };
  const sentence = t(lang, withCategory ? 'liveRevealInCategory' : 'liveReveal', values);
  const notes = reveal.result.entries.flatMap((entry) => {
    const plain = attendancePlain(entry, lang);
    if (!plain) return [];
    // A tie: say whose the note is, unless the note names them (on behalf of …).
    return [reveal.result.entries.length > 1 && entry.attendance?.status !== 'on_behalf' ? `${pickText(entry.recipient.name, lang)}: ${plain}` : plain];
  });
  return [sentence, ...notes].join(lang === 'fa' ? '؛ ' : '; ');
}

export function correctionInWords(state: CeremonyState, correction: Correction, lang: Language): string {
  const category = findCategory(state, correction.categoryId);
  const text = t(lang, 'correctionText', { slot: slotLabel(correction.slot, lang), category: pickText(category?.title, lang) });
  return `${t(lang, 'correction')}: ${text}`;
}

/** Whether the withdrawn reveal has been made again since (the corrected result is up). */
export function isReannounced(state: CeremonyState, correction: Correction): boolean {
  return (state.results[correction.categoryId] ?? []).some((r) => r.cueId === correction.cueId && r.seq > correction.seq);
}

/**
 * The retraction a screen shows in place of the withdrawn reveal: the latest one, until the next
 * cue starts or the corrected result is revealed. Null when a cue is on (it is shown instead).
 */
export function standingCorrection(state: CeremonyState): Correction | null {
  const correction = state.corrections.at(-1);
  if (!correction || state.currentCueId !== null || isReannounced(state, correction)) return null;
  return correction;
}

/** The latest thing worth saying aloud to a screen-reader user, in words. */
export function liveMessage(state: CeremonyState, lang: Language): string {
  const reveal = latestReveal(state);
  const correction = state.corrections.at(-1);
  const announcement = state.announcements.at(-1);
  const candidates: { seq: number; text: string }[] = [];
  if (reveal) candidates.push({ seq: reveal.result.seq, text: revealInWords(reveal, lang, true) });
  if (correction) candidates.push({ seq: correction.seq, text: correctionInWords(state, correction, lang) });
  if (announcement) candidates.push({ seq: announcement.seq, text: `${t(lang, 'announcement')}: ${pickText(announcement.text, lang)}` });
  candidates.sort((a, b) => b.seq - a.seq);
  if (state.hold) return `${t(lang, 'holdTitle')}. ${pickText(state.hold.message, lang) || t(lang, 'holdText')}`;
  return candidates[0]?.text ?? '';
}

/** Nothing has started yet, or the closing has: time to show the QR code on stage. */
export function isIdle(state: CeremonyState): boolean {
  return state.startedAt === null || state.endedAt !== null;
}

export interface PlaceStanding {
  place: number;
  /** null while the place is not revealed: it must then render without any name. */
  entries: RevealedEntry[] | null;
}

export interface NomineeStanding {
  id: string;
  name: Text;
  entry?: Text;
  winner: boolean;
  /** A winner as revealed (with its attendance, S34); only once revealed. */
  revealed?: RevealedEntry;
}

const optionalEntry = (revealed: RevealedEntry | undefined): { revealed?: RevealedEntry } => (revealed ? { revealed } : {});

export interface CategoryStanding {
  category: PublicCategory;
  /** Ranked categories: every place, 1st first, revealed or not. */
  places: PlaceStanding[];
  /** Honourable mentions, once revealed. */
  mentions: RevealedEntry[] | null;
  /** Nominee categories: every nominee, winners marked once revealed. */
  nominees: NomineeStanding[];
  winnerRevealed: boolean;
  revealedCount: number;
}

export function categoryStanding(state: CeremonyState, category: PublicCategory): CategoryStanding {
  const results = state.results[category.id] ?? [];
  const bySlot = (match: (slot: RevealSlot) => boolean) => results.find((r) => match(r.slot))?.entries ?? null;
  const winners = bySlot((s) => s.kind === 'winner');
  const winnerIds = new Set((winners ?? []).map((e) => e.nomineeId));
  return {
    category,
    places: category.places.map((place) => ({ place, entries: bySlot((s) => s.kind === 'place' && s.place === place) })),
    mentions: bySlot((s) => s.kind === 'mentions'),
    nominees: (category.nominees ?? []).map((n) => ({
      id: n.id,
      name: n.recipient.name,
      ...(n.recipient.entry ? { entry: n.recipient.entry } : {}),
      winner: winnerIds.has(n.id),
      ...optionalEntry((winners ?? []).find((e) => e.nomineeId === n.id)),
    })),
    winnerRevealed: winners !== null,
    revealedCount: results.length,
  };
}

/** The reveal on screen, if it names the delegate's organization: their personal card. */
export function revealForOrganization(state: CeremonyState, organizationId: string): Reveal | null {
  const reveal = latestReveal(state);
  return reveal?.result.entries.some((e) => e.recipient.organizationId === organizationId) ? reveal : null;
}

/**
 * The URL to embed for a video conference that allows it (a Jitsi meeting), else null: most
 * providers refuse to run in a frame, so they only get the "join" link.
 */
export function embeddableVideoUrl(conference: { url: string; provider?: string } | undefined): string | null {
  if (!conference) return null;
  let url: URL;
  try {
    url = new URL(conference.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const jitsi = conference.provider?.toLowerCase() === 'jitsi' || url.hostname.includes('jitsi') || /(^|\.)jit\.si$/.test(url.hostname);
  return jitsi ? url.href : null;
}
