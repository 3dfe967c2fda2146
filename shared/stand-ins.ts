import type { Category, CeremonyDefinition, Recipient } from './ceremony';
import { textValues, type Language, type Text } from './text';

/**
 * Stand-in recipients for rehearsals: the same ceremony, with every recipient's name and entry
 * replaced by a placeholder in the same script and of about the same length, so the screens'
 * layout is rehearsed without the winners.
 *
 * A placeholder depends only on the ceremony id, the recipient's position in the definition, and
 * the name's length blurred by up to ±15%: never on the name itself, or someone holding the list
 * of participants could compute each one's placeholder and read the winners off a rehearsal.
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

function standInText(text: Text, ctx: Context, position: string): Text {
  const out: Text = {};
  for (const lang of ['fa', 'en'] as const) {
    const original = text[lang];
    if (original === undefined) continue;
    let candidate = '';
    for (let attempt = 0; attempt < 100; attempt++) {
      candidate = placeholder(original.length, lang, `${ctx.ceremonyId}/${position}/${lang}/${attempt}`);
      const lower = candidate.toLowerCase();
      // A very short real text (an initial, "AI") would be in most candidates: only equality counts for it.
      if (!ctx.real.some((r) => (r.length >= 3 ? lower.includes(r) : lower === r))) break;
    }
    out[lang] = candidate;
  }
  return out;
}

function standInRecipient(recipient: Recipient, ctx: Context, position: string): Recipient {
  // organizationId is dropped: an organization's id names it as well as its name does.
  return {
    type: recipient.type,
    name: standInText(recipient.name, ctx, `${position}/name`),
    ...(recipient.entry ? { entry: standInText(recipient.entry, ctx, `${position}/entry`) } : {}),
  };
}

function standInCategory(category: Category, ctx: Context): Category {
  const at = (part: string, i: number) => `${category.id}/${part}/${i}`;
  const mentions = category.mentions?.map((m, i) => ({ ...m, recipient: standInRecipient(m.recipient, ctx, at('mentions', i)) }));
  const withMentions = mentions ? { mentions } : {};
  if (category.kind === 'ranked') {
    return { ...category, ...withMentions, results: category.results.map((r, i) => ({ ...r, recipient: standInRecipient(r.recipient, ctx, at('results', i)) })) };
  }
  // Winners keep their nominee ids, which now point at stand-ins.
  return { ...category, ...withMentions, nominees: category.nominees.map((n, i) => ({ ...n, recipient: standInRecipient(n.recipient, ctx, at('nominees', i)) })) };
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
