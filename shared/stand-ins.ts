import type { Category, CeremonyDefinition, Recipient } from './ceremony';
import { textValues, type Language, type Text } from './text';

/**
 * Stand-in recipients for rehearsals: the same ceremony, with every recipient replaced by a
 * placeholder in the same script, so the screens' layout is rehearsed without the winners.
 *
 * Nothing of a stand-in tells one recipient from another: every placeholder of a category has the
 * category's average name length (and an entry of the average entry length when any recipient
 * has one), the category's most common recipient type, and no score; the winners of a nominees
 * category are stand-ins for its first nominees. So the copy is the same whoever is at which
 * place: someone holding the list of candidates cannot match placeholders to them. What a
 * stand-in rehearsal does show is the shape: how many places, ties, mentions and winners.
 */

const syllables: Record<Language, readonly string[]> = {
  fa: ['با', 'را', 'نو', 'سا', 'می', 'لا', 'دا', 'رو', 'تا', 'کا', 'ما', 'نی', 'سو', 'پر', 'ران', 'زا', 'گل', 'مه', 'شا', 'وا', 'یا', 'فر', 'دی', 'هو', 'بو', 'نا'],
  en: ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vo', 'ne', 'di', 'ra', 'bel', 'tor', 'na', 'pe', 'lu', 'mar', 'zo', 'fi', 'gan', 'ti', 'so', 've'],
};

/** FNV-1a: a string to a 32-bit seed. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small seeded generator, so a ceremony always gets the same stand-ins. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function placeholder(length: number, lang: Language, seed: string): string {
  const random = generator(hash(seed));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const target = Math.max(2, Math.round(length * (0.85 + random() * 0.3)));
  const words: string[] = [];
  while (words.join(' ').length < target) {
    const count = 2 + Math.floor(random() * 3);
    const word = Array.from({ length: count }, () => pick(syllables[lang])).join('');
    words.push(lang === 'en' ? word[0]!.toUpperCase() + word.slice(1) : word);
  }
  return words.join(' ').slice(0, target).trim();
}

interface Context {
  ceremonyId: string;
  /** Every real name and entry of the ceremony, lower-cased: no placeholder may contain one. */
  real: string[];
}

/** What every stand-in of a category looks like: lengths and type shared by all its recipients. */
interface Shape {
  type: Recipient['type'];
  name: Partial<Record<Language, number>>;
  entry: Partial<Record<Language, number>> | null;
}

function averageLengths(texts: readonly (Text | undefined)[]): Partial<Record<Language, number>> {
  const out: Partial<Record<Language, number>> = {};
  for (const lang of ['fa', 'en'] as const) {
    const lengths = texts.map((t) => t?.[lang]?.length).filter((n): n is number => n !== undefined);
    if (lengths.length > 0) out[lang] = Math.round(lengths.reduce((a, b) => a + b, 0) / lengths.length);
  }
  return out;
}

function shapeOf(recipients: readonly Recipient[]): Shape {
  const people = recipients.filter((r) => r.type === 'person').length;
  const entries = recipients.filter((r) => r.entry).map((r) => r.entry);
  return {
    type: people * 2 > recipients.length ? 'person' : 'organization',
    name: averageLengths(recipients.map((r) => r.name)),
    entry: entries.length > 0 ? averageLengths(entries) : null,
  };
}

function standInText(lengths: Partial<Record<Language, number>>, ctx: Context, position: string): Text {
  const out: Text = {};
  for (const lang of ['fa', 'en'] as const) {
    const length = lengths[lang];
    if (length === undefined) continue;
    let candidate = '';
    for (let attempt = 0; attempt < 100; attempt++) {
      candidate = placeholder(length, lang, `${ctx.ceremonyId}/${position}/${lang}/${attempt}`);
      const lower = candidate.toLowerCase();
      // A very short real text (an initial, "AI") would be in most candidates: only equality counts for it.
      if (!ctx.real.some((r) => (r.length >= 3 ? lower.includes(r) : lower === r))) break;
    }
    out[lang] = candidate;
  }
  return out;
}

function standInRecipient(shape: Shape, ctx: Context, position: string): Recipient {
  // No organizationId: an organization's id names it as well as its name does.
  return {
    type: shape.type,
    name: standInText(shape.name, ctx, `${position}/name`),
    ...(shape.entry ? { entry: standInText(shape.entry, ctx, `${position}/entry`) } : {}),
  };
}

function standInCategory(category: Category, ctx: Context): Category {
  const at = (part: string, i: number) => `${category.id}/${part}/${i}`;
  const all = [...(category.mentions ?? []).map((m) => m.recipient), ...(category.kind === 'ranked' ? category.results.map((r) => r.recipient) : category.nominees.map((n) => n.recipient))];
  const shape = shapeOf(all);
  const mentions = category.mentions?.map((_, i) => ({ recipient: standInRecipient(shape, ctx, at('mentions', i)) }));
  const withMentions = mentions ? { mentions } : {};
  if (category.kind === 'ranked') {
    // Places (and ties) stay in order; who is at which place, and every score, is gone.
    const places = category.results.map((r) => r.place).sort((a, b) => a - b);
    return { ...category, ...withMentions, results: places.map((place, i) => ({ place, recipient: standInRecipient(shape, ctx, at('results', i)) })) };
  }
  const nominees = category.nominees.map((n, i) => ({ id: n.id, recipient: standInRecipient(shape, ctx, at('nominees', i)) }));
  // As many winners as the real ones, but always the first nominees: the real winners stay unknown.
  return { ...category, ...withMentions, nominees, winners: nominees.slice(0, category.winners.length).map((n) => n.id) };
}

/** Every real recipient text of a definition: names and entries of results, mentions, nominees, and organization names. */
export function realRecipientTexts(definition: CeremonyDefinition): string[] {
  const recipients = definition.categories.flatMap((c) => [
    ...(c.mentions ?? []).map((m) => m.recipient),
    ...(c.kind === 'ranked' ? c.results.map((r) => r.recipient) : c.nominees.map((n) => n.recipient)),
  ]);
  return [
    ...recipients.flatMap((r) => [...textValues(r.name), ...textValues(r.entry)]),
    ...(definition.organizations ?? []).flatMap((o) => textValues(o.name)),
  ];
}

/** A rehearsal copy of a definition with stand-in recipients; the same copy every time for the same ceremony. */
export function withStandIns(definition: CeremonyDefinition): CeremonyDefinition {
  const ctx: Context = { ceremonyId: definition.id, real: [...new Set(realRecipientTexts(definition).map((s) => s.toLowerCase()))] };
  // The participating organizations are dropped too: their names are the candidates' names.
  const { organizations: _organizations, ...rest } = definition;
  return { ...rest, categories: definition.categories.map((c) => standInCategory(c, ctx)) };
}
