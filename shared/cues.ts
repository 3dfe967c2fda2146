import type { Category, CeremonyDefinition, Recipient } from './ceremony';
import { placeLabel } from './format';
import type { Text } from './text';

/** What a cue does when the operator presses GO. */
export const CueKinds = {
  opening: 'opening',
  speech: 'speech',
  categoryIntro: 'category_intro',
  reveal: 'reveal',
  categorySummary: 'category_summary',
  interlude: 'interlude',
  closing: 'closing',
} as const;
export type CueKind = (typeof CueKinds)[keyof typeof CueKinds];

/** Which part of a category's results a reveal cue shows. */
export type RevealSlot = { kind: 'place'; place: number } | { kind: 'mentions' } | { kind: 'winner' };

/** One step of the run of show. Its label is public: it never names an unrevealed recipient. */
export interface Cue {
  id: string;
  kind: CueKind;
  label: Text;
  categoryId?: string;
  slot?: RevealSlot;
  speaker?: Text;
  role?: Text;
}

/** One recipient as revealed. */
export interface RevealedEntry {
  recipient: Recipient;
  score?: number;
  nomineeId?: string;
}

/** The public part of a category: no results, no winners. Nominees are public by nature. */
export interface PublicCategory {
  id: string;
  kind: Category['kind'];
  title: Text;
  section?: Text;
  field?: Text;
  description?: Text;
  prize?: Text;
  places: number[];
  nominees?: { id: string; recipient: Recipient }[];
}

/** The part of a ceremony definition any screen may see. */
export interface PublicCeremony {
  id: string;
  title: Text;
  edition?: Text;
  date: string;
  startTime?: string;
  timeZone: string;
  venue?: Text;
  participants?: { count: number; label?: Text };
  videoConference?: { url: string; provider?: string; label?: Text };
  categories: PublicCategory[];
}

const fixedLabels = {
  opening: { fa: 'افتتاحیه', en: 'Opening' },
  interlude: { fa: 'میان‌برنامه', en: 'Interlude' },
  closing: { fa: 'پایان مراسم', en: 'Closing' },
  mentions: { fa: 'تقدیرها', en: 'Honourable mentions' },
  winner: { fa: 'برگزیده', en: 'Winner' },
  summary: { fa: 'جمع‌بندی', en: 'Summary' },
} satisfies Record<string, Text>;

function joinLabel(category: Text, part: Text): Text {
  return { fa: `${category.fa ?? category.en} · ${part.fa}`, en: `${category.en ?? category.fa} · ${part.en}` };
}

/** The places of a ranked category in reveal order: last to first by default. */
export function revealPlaces(category: Extract<Category, { kind: 'ranked' }>): number[] {
  const places = [...new Set(category.results.map((r) => r.place))].sort((a, b) => a - b);
  const order = category.revealOrder ?? 'last-to-first';
  if (order === 'first-to-last') return places;
  if (order === 'last-to-first') return places.reverse();
  return [...order];
}

function categoryCues(category: Category): Cue[] {
  const base = { categoryId: category.id };
  const cues: Cue[] = [{ ...base, id: `${category.id}/intro`, kind: CueKinds.categoryIntro, label: category.title }];
  if (category.mentions && category.mentions.length > 0) {
    cues.push({ ...base, id: `${category.id}/mentions`, kind: CueKinds.reveal, slot: { kind: 'mentions' }, label: joinLabel(category.title, fixedLabels.mentions) });
  }
  if (category.kind === 'ranked') {
    for (const place of revealPlaces(category)) {
      const label = joinLabel(category.title, { fa: placeLabel(place, 'fa'), en: placeLabel(place, 'en') });
      cues.push({ ...base, id: `${category.id}/place-${place}`, kind: CueKinds.reveal, slot: { kind: 'place', place }, label });
    }
  } else {
    cues.push({ ...base, id: `${category.id}/winner`, kind: CueKinds.reveal, slot: { kind: 'winner' }, label: joinLabel(category.title, fixedLabels.winner) });
  }
  cues.push({ ...base, id: `${category.id}/summary`, kind: CueKinds.categorySummary, label: joinLabel(category.title, fixedLabels.summary) });
  return cues;
}

/** The run of show as the list of cues GO walks through. */
export function buildCues(def: CeremonyDefinition): Cue[] {
  return def.runOfShow.flatMap((segment): Cue[] => {
    switch (segment.kind) {
      case 'opening':
        return [{ id: segment.id, kind: CueKinds.opening, label: segment.title ?? fixedLabels.opening }];
      case 'speech':
        return [{ id: segment.id, kind: CueKinds.speech, label: segment.title ?? segment.speaker, speaker: segment.speaker, ...(segment.role ? { role: segment.role } : {}) }];
      case 'interlude':
        return [{ id: segment.id, kind: CueKinds.interlude, label: segment.title ?? fixedLabels.interlude }];
      case 'closing':
        return [{ id: segment.id, kind: CueKinds.closing, label: segment.title ?? fixedLabels.closing }];
      case 'category': {
        const category = def.categories.find((c) => c.id === segment.categoryId);
        return category ? categoryCues(category) : [];
      }
      default: {
        const never: never = segment;
        throw new Error(`unknown segment ${JSON.stringify(never)}`);
      }
    }
  });
}

/** The secret part of a reveal cue: who is revealed. Only the server calls this. */
export function entriesForSlot(category: Category, slot: RevealSlot): RevealedEntry[] {
  const withScore = (e: { recipient: Recipient; score?: number | undefined }, extra: Partial<RevealedEntry> = {}): RevealedEntry => ({
    recipient: e.recipient,
    ...(e.score !== undefined ? { score: e.score } : {}),
    ...extra,
  });
  switch (slot.kind) {
    case 'mentions':
      return (category.mentions ?? []).map((m) => withScore(m));
    case 'place':
      return category.kind === 'ranked' ? category.results.filter((r) => r.place === slot.place).map((r) => withScore(r)) : [];
    case 'winner':
      return category.kind === 'nominees'
        ? category.nominees.filter((n) => category.winners.includes(n.id)).map((n) => withScore(n, { nomineeId: n.id }))
        : [];
    default: {
      const never: never = slot;
      throw new Error(`unknown slot ${JSON.stringify(never)}`);
    }
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** The definition without anything secret: picked field by field, never spread. */
export function toPublicCeremony(def: CeremonyDefinition): PublicCeremony {
  return {
    id: def.id,
    title: def.title,
    ...optional('edition', def.edition),
    date: def.date,
    ...optional('startTime', def.startTime),
    timeZone: def.timeZone,
    ...optional('venue', def.venue),
    ...optional('participants', def.participants),
    ...optional('videoConference', def.videoConference),
    categories: def.categories.map((c) => ({
      id: c.id,
      kind: c.kind,
      title: c.title,
      ...optional('section', c.section),
      ...optional('field', c.field),
      ...optional('description', c.description),
      ...optional('prize', c.prize),
      places: c.kind === 'ranked' ? [...new Set(c.results.map((r) => r.place))].sort((a, b) => a - b) : [],
      ...(c.kind === 'nominees' ? { nominees: c.nominees.map((n) => ({ id: n.id, recipient: n.recipient })) } : {}),
    })),
  };
}
