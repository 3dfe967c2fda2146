/** How long a person's (or an API token's) name may be, in characters. */
export const PERSON_NAME_MAX = 60;
/** The shortest secret a person may choose. */
export const SECRET_MIN = 10;
/** The longest secret taken (more is refused, not cut). */
export const SECRET_MAX = 200;

/**
 * A name as it is kept and shown: trimmed, inner runs of spaces made one, NFC. Null when it is
 * empty, longer than PERSON_NAME_MAX, or holds a control character or an invisible format
 * character (a zero-width space, a direction override: a name that looks like another's), but for
 * the zero-width non-joiner Persian writes with (U+200C, as in «مهدی‌پور»).
 */
export function cleanPersonName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const name = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (name.length === 0 || [...name].length > PERSON_NAME_MAX) return null;
  if (/[\p{Cc}\p{Cs}]/u.test(name) || /[\p{Cf}]/u.test(name.replaceAll('\u200C', ''))) return null;
  return name;
}

/**
 * What two names are compared by (unique among people): NFC, case-folded, and the Arabic yeh and
 * kaf read as the Persian ones, so that «علي» and «علی» (two keyboards) are one person.
 */
export function personNameKey(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .replace(/\s+/gu, ' ')
    .replace(/[\u064A\u0649]/gu, '\u06CC')
    .replace(/\u0643/gu, '\u06A9')
    // A zero-width non-joiner changes how a name is drawn, not whose it is.
    .replace(/\u200C/gu, '')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFC');
}
