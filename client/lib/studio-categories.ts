import type { Category, NomineesCategory, RankedCategory, Recipient, Segment } from '../../shared/ceremony';
import type { DraftDefinition } from '../../shared/studio';

/**
 * Editing a draft's categories (the studio's Categories page): each function changes the draft in
 * place (it is the studio's deep reactive state) and keeps the run of show in step, so that a new,
 * renamed or removed category leaves the draft valid where it was valid.
 */

/** A category as the form edits it: any part may still be missing. */
export type DraftCategory = Partial<Omit<RankedCategory, 'kind'>> & Partial<Omit<NomineesCategory, 'kind'>> & { kind: Category['kind']; id: string };

export function categoriesOf(definition: DraftDefinition): DraftCategory[] {
  if (!Array.isArray(definition.categories)) definition.categories = [];
  return definition.categories as DraftCategory[];
}

function segmentsOf(definition: DraftDefinition): Segment[] {
  if (!Array.isArray(definition.runOfShow)) definition.runOfShow = [];
  return definition.runOfShow;
}

/** An id not yet used by a category: `base`, else `base-2`, `base-3`… */
export function freeCategoryId(definition: DraftDefinition, base: string): string {
  const used = new Set(categoriesOf(definition).map((c) => c.id));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

export function blankRecipient(): Recipient {
  return { type: 'person', name: { fa: '', en: '' } };
}

export function newCategory(definition: DraftDefinition, kind: Category['kind']): DraftCategory {
  const id = freeCategoryId(definition, `category-${categoriesOf(definition).length + 1}`);
  const common = { id, title: { fa: '', en: '' } };
  return kind === 'ranked'
    ? { ...common, kind, placeCount: 3, results: [] }
    : { ...common, kind, nominees: [{ id: 'nominee-1', recipient: blankRecipient() }, { id: 'nominee-2', recipient: blankRecipient() }], winners: [] };
}

/** Puts a category segment in the run of show: before a closing segment at the end, else last. */
export function addToRunOfShow(definition: DraftDefinition, categoryId: string, after?: string): void {
  const segments = segmentsOf(definition);
  if (segments.some((s) => s.kind === 'category' && s.categoryId === categoryId)) return;
  const segment: Segment = { kind: 'category', categoryId };
  const afterIndex = after === undefined ? -1 : segments.findIndex((s) => s.kind === 'category' && s.categoryId === after);
  if (afterIndex >= 0) segments.splice(afterIndex + 1, 0, segment);
  else if (segments.at(-1)?.kind === 'closing') segments.splice(segments.length - 1, 0, segment);
  else segments.push(segment);
}

/** Adds a new category of `kind` (and its run-of-show segment); gives its index. */
export function addCategory(definition: DraftDefinition, kind: Category['kind']): number {
  const category = newCategory(definition, kind);
  categoriesOf(definition).push(category);
  addToRunOfShow(definition, category.id);
  return categoriesOf(definition).length - 1;
}

/** A copy of the category at `index` with a free id, just after it (and after it in the run of show). */
export function duplicateCategory(definition: DraftDefinition, index: number, copy: (c: DraftCategory) => DraftCategory): number {
  const categories = categoriesOf(definition);
  const source = categories[index];
  if (!source) return index;
  const duplicate = { ...copy(source), id: freeCategoryId(definition, `${source.id}-copy`) };
  categories.splice(index + 1, 0, duplicate);
  addToRunOfShow(definition, duplicate.id, source.id);
  return index + 1;
}

/** Removes the category at `index` and its segments from the run of show. */
export function removeCategory(definition: DraftDefinition, index: number): void {
  const categories = categoriesOf(definition);
  const removed = categories[index];
  if (!removed) return;
  categories.splice(index, 1);
  if (!categories.some((c) => c.id === removed.id)) {
    definition.runOfShow = segmentsOf(definition).filter((s) => !(s.kind === 'category' && s.categoryId === removed.id));
  }
}

/** A category's id changes: the run of show follows it. */
export function renameCategory(definition: DraftDefinition, index: number, id: string): void {
  const category = categoriesOf(definition)[index];
  if (!category) return;
  const old = category.id;
  category.id = id;
  if (categoriesOf(definition).some((c) => c.id === old)) return;
  for (const segment of segmentsOf(definition)) if (segment.kind === 'category' && segment.categoryId === old) segment.categoryId = id;
}

/** A nominee's id changes: the winners and the display order follow it. */
export function renameNominee(category: DraftCategory, index: number, id: string): void {
  const nominee = category.nominees?.[index];
  if (!nominee) return;
  const old = nominee.id;
  nominee.id = id;
  if (category.nominees!.some((n) => n.id === old)) return;
  category.winners = (category.winners ?? []).map((w) => (w === old ? id : w));
  if (category.displayOrder) category.displayOrder = category.displayOrder.map((d) => (d === old ? id : d));
}

export function removeNominee(category: DraftCategory, index: number): void {
  const removed = category.nominees?.[index];
  if (!removed) return;
  category.nominees!.splice(index, 1);
  if (category.nominees!.some((n) => n.id === removed.id)) return;
  category.winners = (category.winners ?? []).filter((w) => w !== removed.id);
  if (category.displayOrder) category.displayOrder = category.displayOrder.filter((d) => d !== removed.id);
}

export function addNominee(category: DraftCategory): void {
  const nominees = (category.nominees ??= []);
  const used = new Set(nominees.map((n) => n.id));
  let i = nominees.length + 1;
  while (used.has(`nominee-${i}`)) i++;
  nominees.push({ id: `nominee-${i}`, recipient: blankRecipient() });
  if (category.displayOrder) category.displayOrder.push(`nominee-${i}`);
}

/** Marks or unmarks a nominee as a winner (two or more winners: a tie). */
export function setWinner(category: DraftCategory, nomineeId: string, winner: boolean): void {
  const winners = (category.winners ?? []).filter((w) => w !== nomineeId);
  category.winners = winner ? [...winners, nomineeId] : winners;
}

/** The places shared by two or more results: ties. */
export function tiedPlaces(category: DraftCategory): number[] {
  const counts = new Map<number, number>();
  for (const r of category.results ?? []) counts.set(r.place, (counts.get(r.place) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1).map(([place]) => place).sort((a, b) => a - b);
}

/** The public places of a ranked category as the cues count them (shared/cues.ts placeCount), for a draft. */
export function draftPlaceCount(category: DraftCategory): number {
  if (typeof category.placeCount === 'number') return category.placeCount;
  if (Array.isArray(category.revealOrder)) return category.revealOrder.length;
  const results = category.results ?? [];
  return Math.max(results.length, ...results.map((r) => (typeof r.place === 'number' ? r.place : 0)), 0);
}

/** Reads a number typed in Persian or English digits ("۱۲", "12", "۳٫۵"); null when it is not one. */
export function readNumber(text: string): number | null {
  const ascii = text
    .trim()
    .replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)))
    .replace(/[٫,]/g, '.');
  if (ascii === '' || !/^-?\d+(\.\d+)?$/.test(ascii)) return null;
  return Number(ascii);
}

/** A custom reveal order as typed: "3, 1, 2" (Persian digits and commas too); null when not a list of whole numbers. */
export function readPlaces(text: string): number[] | null {
  const parts = text.split(/[\s,،]+/).filter((p) => p !== '');
  const places = parts.map(readNumber);
  return places.length > 0 && places.every((p): p is number => p !== null && Number.isInteger(p)) ? places : null;
}

/** A field's element id from its definition path: `categories[2].title` → `f-categories-2-title` (TextPair adds -fa / -en). */
export function fieldId(path: string): string {
  return `f-${path.replace(/[[\].]+/g, '-').replace(/-+$/, '')}`;
}
