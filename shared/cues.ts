import type { Attendance, Category, CeremonyDefinition, Nominee, NomineesCategory, Organization, RankedCategory, Recipient } from './ceremony';
import type { Theme } from './theme';
import { placeLabel } from './format';
import { pickText, type Language, type Text } from './text';

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
  /** The public id of the nominee (`nominee-3`), as in the public category's `nominees`. */
  nomineeId?: string;
  /**
   * The logo of the organization the recipient names (`organizationId`), taken from the
   * definition when it is revealed: the public ceremony has no organizations (S32).
   */
  logo?: string;
  /** Absent, accepted on behalf, joining remotely: part of the result, so secret until revealed. Not sealed (it may change live). */
  attendance?: Attendance;
}

/** What is public of a nominee: the same fields for every nominee of a category (see publicNominees). */
export interface PublicNominee {
  id: string;
  recipient: Pick<Recipient, 'type' | 'name' | 'entry' | 'photo'>;
  /** The logo of the nominee's organization (only when every nominee has a photo or a logo). */
  logo?: string;
}

/**
 * The public part of a category: no results, no winners, and nothing whose order or shape follows
 * them (docs/spec.md S16). Nominees are public by nature, in an order that does not depend on who won.
 */
export interface PublicCategory {
  id: string;
  kind: Category['kind'];
  title: Text;
  section?: Text;
  field?: Text;
  description?: Text;
  prize?: Text;
  /** Every place, 1 to the category's placeCount: not only the places the results fill. */
  places: number[];
  nominees?: PublicNominee[];
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
  /** The language a screen opens in when its viewer has not chosen one (default: fa). */
  defaultLanguage?: Language;
  /** How the screens look (shared/theme.ts resolveTheme fills in what is missing). */
  theme?: Theme;
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

/**
 * How many places a ranked category has. It is public (one reveal cue per place), so it comes from
 * what the organizer declares: `placeCount`, else the length of an explicit reveal order. Only
 * without either is it read from the results: their number (or the highest place, if higher), so
 * that a tie (1, 1, 3 or 1, 2, 2) never changes it.
 */
export function placeCount(category: RankedCategory): number {
  if (category.placeCount !== undefined) return category.placeCount;
  if (Array.isArray(category.revealOrder)) return category.revealOrder.length;
  return Math.max(category.results.length, ...category.results.map((r) => r.place));
}

/** The places of a ranked category in reveal order (last to first by default): every place 1…placeCount, filled or not. */
export function revealPlaces(category: RankedCategory): number[] {
  const places = Array.from({ length: placeCount(category) }, (_, i) => i + 1);
  const order = category.revealOrder ?? 'last-to-first';
  if (order === 'first-to-last') return places;
  if (order === 'last-to-first') return places.reverse();
  return [...order];
}

function categoryCues(category: Category): Cue[] {
  const base = { categoryId: category.id };
  const cues: Cue[] = [{ ...base, id: `${category.id}/intro`, kind: CueKinds.categoryIntro, label: category.title }];
  // The list being there makes the cue, even empty: how many mentions there are is a result.
  if (category.mentions !== undefined) {
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

/**
 * The secret part of a reveal cue: who is revealed. Only the server calls this. A name's
 * pronunciation is for the presenter's screen only (S33): in the entries only `forPresenter`.
 */
export function entriesForSlot(category: Category, slot: RevealSlot, organizations: readonly Organization[] = [], forPresenter = false): RevealedEntry[] {
  const logoOf = (recipient: Recipient) => (recipient.organizationId === undefined ? undefined : organizations.find((o) => o.id === recipient.organizationId)?.logo);
  const shown = (recipient: Recipient): Recipient => {
    if (forPresenter || recipient.pronunciation === undefined) return recipient;
    const { pronunciation: _pronunciation, ...rest } = recipient;
    return rest;
  };
  const withScore = (e: { recipient: Recipient; score?: number | undefined; attendance?: Attendance | undefined }, extra: Partial<RevealedEntry> = {}): RevealedEntry => ({
    recipient: shown(e.recipient),
    ...(e.score !== undefined ? { score: e.score } : {}),
    ...extra,
    ...optional('logo', logoOf(e.recipient)),
    ...optional('attendance', e.attendance),
  });
  switch (slot.kind) {
    case 'mentions':
      return (category.mentions ?? []).map((m) => withScore(m));
    case 'place':
      return category.kind === 'ranked' ? category.results.filter((r) => r.place === slot.place).map((r) => withScore(r)) : [];
    case 'winner':
      return category.kind === 'nominees'
        ? publicNominees(category)
            .filter(({ nominee }) => category.winners.includes(nominee.id))
            .map(({ publicId, nominee }) => withScore(nominee, { nomineeId: publicId }))
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

const collators = { fa: new Intl.Collator('fa'), en: new Intl.Collator('en') };

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By Persian name, then English name, then every public field, then id: a total order that is the same on every machine. */
function byName(a: Nominee, b: Nominee): number {
  const visible = (n: Nominee) => JSON.stringify([n.recipient.type, n.recipient.name.fa, n.recipient.name.en, n.recipient.entry?.fa, n.recipient.entry?.en]);
  return (
    collators.fa.compare(pickText(a.recipient.name, 'fa'), pickText(b.recipient.name, 'fa')) ||
    collators.en.compare(pickText(a.recipient.name, 'en'), pickText(b.recipient.name, 'en')) ||
    codeUnitOrder(visible(a), visible(b)) ||
    codeUnitOrder(a.id, b.id)
  );
}

/**
 * The nominees in their public order, each with its public id. Organizers often list the winner
 * first and name ids in listing order, so neither the listing order nor the organizer's ids are
 * published: the order is the category's `displayOrder`, else by name; the public id is the
 * position in that order (`nominee-1`, …). Reveals name the winner by that public id.
 */
export function publicNominees(category: NomineesCategory): { publicId: string; nominee: Nominee }[] {
  const ordered = category.displayOrder
    ? category.displayOrder.flatMap((id) => category.nominees.filter((n) => n.id === id))
    : [...category.nominees].sort(byName);
  return ordered.map((nominee, i) => ({ publicId: `nominee-${i + 1}`, nominee }));
}

/** The same fields for every nominee: `entry` only when all have one (one alone would mark it); never `organizationId`. */
function toPublicNominees(category: NomineesCategory, organizations: readonly Organization[]): PublicNominee[] {
  const withEntry = category.nominees.every((n) => n.recipient.entry !== undefined);
  const logoOf = (recipient: Recipient) => (recipient.organizationId === undefined ? undefined : organizations.find((o) => o.id === recipient.organizationId)?.logo);
  // Pictures too: all or none, so a picture never marks one nominee.
  const withPicture = category.nominees.every((n) => n.recipient.photo !== undefined || logoOf(n.recipient) !== undefined);
  return publicNominees(category).map(({ publicId, nominee: { recipient } }) => ({
    id: publicId,
    recipient: { type: recipient.type, name: recipient.name, ...(withEntry ? optional('entry', recipient.entry) : {}), ...(withPicture ? optional('photo', recipient.photo) : {}) },
    ...(withPicture && recipient.photo === undefined ? optional('logo', logoOf(recipient)) : {}),
  }));
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
    ...optional('defaultLanguage', def.defaultLanguage),
    ...optional('theme', def.theme),
    categories: def.categories.map((c) => ({
      id: c.id,
      kind: c.kind,
      title: c.title,
      ...optional('section', c.section),
      ...optional('field', c.field),
      ...optional('description', c.description),
      ...optional('prize', c.prize),
      places: c.kind === 'ranked' ? Array.from({ length: placeCount(c) }, (_, i) => i + 1) : [],
      ...(c.kind === 'nominees' ? { nominees: toPublicNominees(c, def.organizations ?? []) } : {}),
    })),
  };
}
