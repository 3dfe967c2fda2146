/** A text a person sees, in Persian and/or English. Either may be missing; the other is shown. */
export interface Text {
  fa?: string;
  en?: string;
}

export const Languages = ['fa', 'en'] as const;
export type Language = (typeof Languages)[number];

/** The text in `lang`, else in the other language, else ''. */
export function pickText(text: Text | undefined, lang: Language): string {
  if (!text) return '';
  return (lang === 'fa' ? (text.fa ?? text.en) : (text.en ?? text.fa)) ?? '';
}

/** Every string of a text, for secrecy checks and search. */
export function textValues(text: Text | undefined): string[] {
  if (!text) return [];
  return [text.fa, text.en].filter((s): s is string => typeof s === 'string' && s.length > 0);
}
