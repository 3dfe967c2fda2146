import type { Language } from '../../shared/text';

/** A piece of a sentence: the dictionary's own words, or a value filled in (`data`: the ceremony's, isolated). */
export interface PhrasePart {
  text: string;
  data: boolean;
}

/**
 * A dictionary sentence cut at its `{name}` holes, each hole filled from `values`. A value named in
 * `data` (a title, a name: written in the ceremony's words, perhaps in the other language) is marked
 * so a screen can isolate it: «Leslie Odom Jr.» in a Persian sentence keeps its period at its end.
 */
export function phraseParts(template: string, values: Record<string, string>, data: readonly string[]): PhrasePart[] {
  const parts: PhrasePart[] = [];
  let at = 0;
  for (const hole of template.matchAll(/\{(\w+)\}/g)) {
    const name = hole[1]!;
    if (!(name in values)) continue;
    if (hole.index > at) parts.push({ text: template.slice(at, hole.index), data: false });
    parts.push({ text: values[name]!, data: data.includes(name) });
    at = hole.index + hole[0].length;
  }
  if (at < template.length) parts.push({ text: template.slice(at), data: false });
  return parts;
}

/** Names joined in a sentence's way («الف، ب و پ», "A, B and C"), each name a data part. */
export function nameParts(names: readonly string[], lang: Language): PhrasePart[] {
  return names.flatMap((name, i) => {
    const separator = i === 0 ? null : i === names.length - 1 ? (lang === 'fa' ? ' و ' : ' and ') : lang === 'fa' ? '، ' : ', ';
    return separator === null ? [{ text: name, data: true }] : [{ text: separator, data: false }, { text: name, data: true }];
  });
}

/** `t` as parts: the message `key` of `messages` in `lang`, its `data` values marked for isolation. */
export function messageParts<M extends Record<string, Record<Language, string>>>(
  messages: M,
  lang: Language,
  key: keyof M & string,
  values: Record<string, string>,
  data: readonly string[],
): PhrasePart[] {
  return phraseParts(messages[key]![lang], values, data);
}
