import type { Nominee, NomineesCategory, Recipient } from '../../shared/ceremony';
import { publicNominees } from '../../shared/cues';
import type { DraftDefinition } from '../../shared/studio';
import type { Text } from '../../shared/text';
import type { Problem } from '../../shared/validation';

/**
 * A draft as a role without `results.see` gets it (S32): the shape of the ceremony, no result.
 * Picked field by field, never spread (a draft may hold anything, anywhere):
 * - the details, organizations and run of show as they are (public; a segment's script too: it
 *   names no result);
 * - per category its public fields (id, kind, title, section, field, description, prize,
 *   placeCount, revealOrder); not its script (a reveal's line may name the winner, S33);
 * - a ranked result keeps its place, in place order; a mention is kept as one entry: each with a
 *   recipient of empty names (`{"fa":"","en":""}`) and the category's most common recipient type
 *   (as the stand-ins have it), no entry, photo, organization or score;
 * - the nominees of a nominees category as the screens show them before any reveal: in their
 *   public order with their public ids (`nominee-1`, …), type, name and entry (when all have one);
 *   `displayOrder` those ids; `winners` empty.
 */
export function maskDraft(definition: DraftDefinition): DraftDefinition {
  const out: Record<string, unknown> = {};
  for (const key of PUBLIC_DETAILS) if (definition[key] !== undefined) out[key] = definition[key];
  if (definition.runOfShow !== undefined) out.runOfShow = Array.isArray(definition.runOfShow) ? definition.runOfShow.map(maskSegment) : [];
  if (definition.categories !== undefined) out.categories = Array.isArray(definition.categories) ? definition.categories.map(maskCategory) : [];
  return out as DraftDefinition;
}

/** A name in a masked draft. */
export const MASKED_NAME: Readonly<Text> = Object.freeze({ fa: '', en: '' });

/** What a masked draft says instead of a problem in its results. */
export const MASKED_PROBLEM = 'hidden: a problem in the results (only a role that may see results sees which)';

const PUBLIC_DETAILS = [
  '$schema',
  'schemaVersion',
  'id',
  'title',
  'edition',
  'date',
  'startTime',
  'timeZone',
  'venue',
  'defaultLanguage',
  'participants',
  'videoConference',
  'organizations',
] as const;
const PUBLIC_SEGMENT_FIELDS = ['kind', 'id', 'title', 'speaker', 'role', 'categoryId', 'script'] as const;
const PUBLIC_CATEGORY_FIELDS = ['id', 'kind', 'title', 'section', 'field', 'description', 'prize', 'placeCount', 'revealOrder'] as const;

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => value !== null && typeof value === 'object' && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function pick(value: Loose, keys: readonly string[]): Loose {
  const out: Loose = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

function maskSegment(segment: unknown): unknown {
  return isObject(segment) ? pick(segment, PUBLIC_SEGMENT_FIELDS) : null;
}

function maskCategory(category: unknown): unknown {
  if (!isObject(category)) return null;
  const out = pick(category, PUBLIC_CATEGORY_FIELDS);
  const type = commonType([...listOf(category.results), ...listOf(category.mentions)]);
  const masked = { type, name: { ...MASKED_NAME } };
  if (category.results !== undefined) {
    const places = listOf(category.results).map((r) => (isObject(r) && typeof r.place === 'number' ? r.place : null));
    out.results = places.sort(byPlace).map((place) => ({ place, recipient: structuredClone(masked) }));
  }
  if (category.mentions !== undefined) out.mentions = listOf(category.mentions).map(() => ({ recipient: structuredClone(masked) }));
  if (category.nominees !== undefined) {
    const nominees = maskNominees(category);
    out.nominees = nominees;
    if (category.displayOrder !== undefined) out.displayOrder = nominees.map((n) => n.id);
  }
  if (category.winners !== undefined) out.winners = [];
  return out;
}

const byPlace = (a: number | null, b: number | null) => (a ?? Infinity) - (b ?? Infinity);

/** The type most recipients of a category have (a tie: organization), for every masked one. */
function commonType(entries: unknown[]): Recipient['type'] {
  const types = entries.map((e) => (isObject(e) && isObject(e.recipient) ? e.recipient.type : undefined));
  const people = types.filter((t) => t === 'person').length;
  return people * 2 > types.length ? 'person' : 'organization';
}

function textOf(value: unknown): Text | undefined {
  if (!isObject(value)) return undefined;
  const text: Text = {};
  if (typeof value.fa === 'string') text.fa = value.fa;
  if (typeof value.en === 'string') text.en = value.en;
  return text;
}

/** The nominees in their public order, as the screens show them before the reveal. */
function maskNominees(category: Loose): { id: string; recipient: Partial<Recipient> }[] {
  const nominees: Nominee[] = listOf(category.nominees).map((n, i) => {
    const recipient = isObject(n) && isObject(n.recipient) ? n.recipient : {};
    const entry = textOf(recipient.entry);
    return {
      id: isObject(n) && typeof n.id === 'string' ? n.id : `#${i}`,
      recipient: { type: recipient.type === 'person' ? 'person' : 'organization', name: textOf(recipient.name) ?? { ...MASKED_NAME }, ...(entry ? { entry } : {}) },
    };
  });
  const ids = nominees.map((n) => n.id);
  const order = listOf(category.displayOrder);
  const fullOrder = order.length === ids.length && ids.every((id) => order.includes(id));
  const ordered = publicNominees({ nominees, winners: [], ...(fullOrder ? { displayOrder: order as string[] } : {}) } as unknown as NomineesCategory);
  const withEntry = nominees.every((n) => n.recipient.entry !== undefined);
  return ordered.map(({ publicId, nominee: { recipient } }) => ({
    id: publicId,
    recipient: { type: recipient.type, name: recipient.name, ...(withEntry && recipient.entry ? { entry: recipient.entry } : {}) },
  }));
}

/**
 * The problems of a draft as a masked role gets them: a problem of a category's public field
 * as it is; any other problem within a category (its results, mentions, nominees, winners, or the
 * category as a whole, whose message may quote them) at the path of that part, with MASKED_PROBLEM.
 */
export function maskProblems(problems: readonly Problem[]): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    // The categories (or the whole draft) as one value: its message may quote any of it.
    const whole = problem.path === '' || problem.path === 'categories';
    const inCategory = /^categories\[\d+\](?:\.([A-Za-z]+))?/.exec(problem.path);
    const safe = !whole && (!inCategory || (inCategory[1] !== undefined && (PUBLIC_CATEGORY_FIELDS as readonly string[]).includes(inCategory[1])));
    const kept = safe ? problem : { path: inCategory?.[0] ?? problem.path, message: MASKED_PROBLEM };
    const key = `${kept.path}\n${kept.message}`;
    if (!seen.has(key)) out.push(kept);
    seen.add(key);
  }
  return out;
}
