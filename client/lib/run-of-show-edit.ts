import type { Category, Segment } from '../../shared/ceremony';
import type { DraftDefinition } from '../../shared/studio';

/** The kinds of segment that have an id of their own (a category segment is named by its category). */
export type NamedSegmentKind = Exclude<Segment['kind'], 'category'>;

/** A segment as a draft may hold it: any field may be missing while it is being written. */
export type DraftSegment = Partial<Segment> & { kind?: string; id?: string; categoryId?: string };

/**
 * A new segment's id: its kind (`speech`), or the kind and the first free number (`speech-2`),
 * never one the run of show has, always of the id pattern (lowercase letters, digits, dashes).
 */
export function newSegmentId(kind: NamedSegmentKind, segments: readonly DraftSegment[]): string {
  const taken = new Set(segments.map((s) => s.id).filter((id): id is string => typeof id === 'string'));
  if (!taken.has(kind)) return kind;
  let n = 2;
  while (taken.has(`${kind}-${n}`)) n += 1;
  return `${kind}-${n}`;
}

/** A new segment of a kind, with what the definition requires of it (a speech has a speaker). */
export function newSegment(kind: NamedSegmentKind, segments: readonly DraftSegment[]): DraftSegment {
  const id = newSegmentId(kind, segments);
  return kind === 'speech' ? { kind, id, speaker: { fa: '', en: '' } } : { kind, id };
}

/** Where a new segment goes: at the end, but before a closing that ends the run of show. */
export function insertionIndex(kind: string, segments: readonly DraftSegment[]): number {
  return kind !== 'closing' && segments.at(-1)?.kind === 'closing' ? segments.length - 1 : segments.length;
}

/** The list with the item at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

/** The categories no segment of the run of show reveals yet. */
export function categoriesNotInRun(def: DraftDefinition): Category[] {
  const segments = (def.runOfShow ?? []) as DraftSegment[];
  const used = new Set(segments.filter((s) => s.kind === 'category').map((s) => s.categoryId));
  return ((def.categories ?? []) as Category[]).filter((c) => typeof c?.id === 'string' && !used.has(c.id));
}
