import { canonicalJson } from './canonical-json';
import type { CeremonyDefinition } from './ceremony';
import { localDigits } from './format';
import { tidyDefinition, type DraftDefinition } from './studio';
import type { Language, Text } from './text';

/**
 * One readable line of what a draft changes since the last published version (S32), e.g.
 * "Category “Best film”: title changed". Results are never named in a diff, only said to have
 * changed: a control room has many eyes.
 */
export interface DefinitionDiffLine {
  change: 'added' | 'removed' | 'changed' | 'moved';
  /** What changed, in Persian and English. */
  text: Text;
}

/**
 * What `after` (a draft, tidied as it would be published) changes since `before` (the newest
 * published version; null when there is none), in words. Public texts are named old → new; the
 * results (ranked results, mentions, winners, nominees' ids and scores, photos) only said to have
 * changed, per category, never who. A draft may be invalid: whatever is not where the format puts
 * it is left out.
 */
export function definitionDiff(before: CeremonyDefinition | null, after: DraftDefinition): DefinitionDiffLine[] {
  const next = tidyDefinition(after) as Loose;
  if (before === null) {
    const segments = listOf(next.runOfShow).length;
    const categories = listOf(next.categories).length;
    return [
      line(
        'added',
        `مراسمی تازه، هنوز منتشر نشده: ${localDigits(segments, 'fa')} بخش برنامه و ${localDigits(categories, 'fa')} بخش جایزه`,
        `A new ceremony, never published: ${segments} segment(s) in the run of show and ${categories} categor${categories === 1 ? 'y' : 'ies'}`,
      ),
    ];
  }
  const old = before as unknown as Loose;
  return [...detailLines(old, next), ...organizationLines(old, next), ...segmentLines(old, next), ...categoryLines(old, next)];
}

type Loose = Record<string, unknown>;
type Labels = Record<Language, string>;

const isObject = (value: unknown): value is Loose => value !== null && typeof value === 'object' && !Array.isArray(value);
const listOf = (value: unknown): Loose[] => (Array.isArray(value) ? value.filter(isObject) : []);
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const line = (change: DefinitionDiffLine['change'], fa: string, en: string): DefinitionDiffLine => ({ change, text: { fa, en } });

/** A value inside a sentence of the other direction: isolated (FSI … PDI) and quoted. */
const quote = (value: string, lang: Language) => (lang === 'fa' ? `«\u2068${value}\u2069»` : `“\u2068${value}\u2069”`);
const NONE: Labels = { fa: '(هیچ)', en: '(none)' };
const ARROW: Labels = { fa: ' ← ', en: ' → ' };
const LANGUAGE_NAMES: Record<Language, Labels> = { fa: { fa: 'فارسی', en: 'انگلیسی' }, en: { fa: 'Persian', en: 'English' } };

/** A string or a number as a line shows it: quoted, Persian digits in Persian (but for links). */
function shown(value: unknown, lang: Language, digits = true): string {
  if (typeof value !== 'string' && typeof value !== 'number') return NONE[lang];
  return quote(digits ? localDigits(value, lang) : String(value), lang);
}

/** "Title (English): “a” → “b”", one line per language that changed. */
function textLines(prefix: Labels, label: Labels, before: unknown, after: unknown): DefinitionDiffLine[] {
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  return (['fa', 'en'] as const).flatMap((lang) => {
    if (a[lang] === b[lang]) return [];
    const phrase = (l: Language) => `${prefix[l]}${label[l]} (${LANGUAGE_NAMES[l][lang]}): ${shown(a[lang], l, false)}${ARROW[l]}${shown(b[lang], l, false)}`;
    return [line('changed', phrase('fa'), phrase('en'))];
  });
}

function valueLine(prefix: Labels, label: Labels, before: unknown, after: unknown, digits = true): DefinitionDiffLine[] {
  if (same(before, after)) return [];
  const phrase = (l: Language) => `${prefix[l]}${label[l]}: ${shown(before, l, digits)}${ARROW[l]}${shown(after, l, digits)}`;
  return [line('changed', phrase('fa'), phrase('en'))];
}

const NO_PREFIX: Labels = { fa: '', en: '' };

function detailLines(before: Loose, after: Loose): DefinitionDiffLine[] {
  const sub = (value: Loose, key: string, field: string) => (isObject(value[key]) ? (value[key] as Loose)[field] : undefined);
  return [
    ...textLines(NO_PREFIX, { fa: 'عنوان', en: 'Title' }, before.title, after.title),
    ...textLines(NO_PREFIX, { fa: 'دوره', en: 'Edition' }, before.edition, after.edition),
    ...valueLine(NO_PREFIX, { fa: 'تاریخ', en: 'Date' }, before.date, after.date),
    ...valueLine(NO_PREFIX, { fa: 'ساعت شروع', en: 'Start time' }, before.startTime, after.startTime),
    ...valueLine(NO_PREFIX, { fa: 'منطقهٔ زمانی', en: 'Time zone' }, before.timeZone, after.timeZone, false),
    ...textLines(NO_PREFIX, { fa: 'محل برگزاری', en: 'Venue' }, before.venue, after.venue),
    ...valueLine(NO_PREFIX, { fa: 'زبان پیش‌فرض صفحه‌ها', en: 'Default language of the screens' }, before.defaultLanguage, after.defaultLanguage, false),
    ...valueLine(NO_PREFIX, { fa: 'تعداد شرکت‌کنندگان', en: 'Participants' }, sub(before, 'participants', 'count'), sub(after, 'participants', 'count')),
    ...textLines(NO_PREFIX, { fa: 'عنوان شرکت‌کنندگان', en: 'Participants’ label' }, sub(before, 'participants', 'label'), sub(after, 'participants', 'label')),
    ...valueLine(NO_PREFIX, { fa: 'پیوند ویدئوکنفرانس', en: 'Video-conference link' }, sub(before, 'videoConference', 'url'), sub(after, 'videoConference', 'url'), false),
    ...valueLine(NO_PREFIX, { fa: 'سرویس ویدئوکنفرانس', en: 'Video-conference provider' }, sub(before, 'videoConference', 'provider'), sub(after, 'videoConference', 'provider'), false),
    ...textLines(NO_PREFIX, { fa: 'متن پیوند ویدئوکنفرانس', en: 'Video-conference label' }, sub(before, 'videoConference', 'label'), sub(after, 'videoConference', 'label')),
  ];
}

/** A text in a line's language (else the other), else the id. */
function nameIn(text: unknown, lang: Language, fallback: string): string {
  const t = isObject(text) ? text : {};
  const other: Language = lang === 'fa' ? 'en' : 'fa';
  const value = typeof t[lang] === 'string' ? t[lang] : typeof t[other] === 'string' ? t[other] : fallback;
  return quote(String(value), lang);
}

/** The items of two lists by id: added, removed, and the pairs in both. */
function byId(before: Loose[], after: Loose[], idOf: (item: Loose) => string) {
  const olds = new Map(before.map((item) => [idOf(item), item]));
  const news = new Map(after.map((item) => [idOf(item), item]));
  return {
    added: after.filter((item) => !olds.has(idOf(item))),
    removed: before.filter((item) => !news.has(idOf(item))),
    both: after.flatMap((item) => (olds.has(idOf(item)) ? [[olds.get(idOf(item))!, item] as const] : [])),
  };
}

const idOf = (item: Loose) => String(item.id ?? '');

function organizationLines(before: Loose, after: Loose): DefinitionDiffLine[] {
  const { added, removed, both } = byId(listOf(before.organizations), listOf(after.organizations), idOf);
  const label = (o: Loose, lang: Language) => nameIn(o.name, lang, idOf(o));
  return [
    ...added.map((o) => line('added', `سازمان افزوده شد: ${label(o, 'fa')}`, `Organization added: ${label(o, 'en')}`)),
    ...removed.map((o) => line('removed', `سازمان برداشته شد: ${label(o, 'fa')}`, `Organization removed: ${label(o, 'en')}`)),
    ...both.flatMap(([a, b]) => [
      ...textLines({ fa: `سازمان ${label(b, 'fa')}: `, en: `Organization ${label(b, 'en')}: ` }, { fa: 'نام', en: 'name' }, a.name, b.name),
      ...(same(a.logo, b.logo) ? [] : [line('changed', `سازمان ${label(b, 'fa')}: نشان عوض شد`, `Organization ${label(b, 'en')}: logo changed`)]),
    ]),
  ];
}

const SEGMENT_KINDS: Record<string, Labels> = {
  opening: { fa: 'افتتاحیه', en: 'Opening' },
  speech: { fa: 'سخنرانی', en: 'Speech' },
  category: { fa: 'بخش', en: 'Category' },
  interlude: { fa: 'میان‌برنامه', en: 'Interlude' },
  closing: { fa: 'اختتامیه', en: 'Closing' },
};

const segmentKey = (s: Loose) => (s.kind === 'category' ? `category:${String(s.categoryId)}` : `segment:${String(s.id)}`);

function segmentLines(before: Loose, after: Loose): DefinitionDiffLine[] {
  const olds = listOf(before.runOfShow);
  const news = listOf(after.runOfShow);
  const titles = new Map([...listOf(before.categories), ...listOf(after.categories)].map((c) => [idOf(c), c.title]));
  const label = (s: Loose, lang: Language) => {
    const kind = SEGMENT_KINDS[String(s.kind)]?.[lang] ?? String(s.kind);
    const name = s.kind === 'category' ? nameIn(titles.get(String(s.categoryId)), lang, String(s.categoryId)) : nameIn(s.title ?? s.speaker, lang, String(s.id));
    return `${kind} ${name}`;
  };
  const { added, removed, both } = byId(olds, news, segmentKey);
  const where = (list: Loose[], s: Loose) => list.findIndex((x) => segmentKey(x) === segmentKey(s)) + 1;
  const moved = movedKeys(
    both.map(([a]) => segmentKey(a)),
    olds.map(segmentKey),
  );
  return [
    ...added.map((s) => line('added', `به برنامه افزوده شد: ${label(s, 'fa')} (جای ${localDigits(where(news, s), 'fa')})`, `Added to the run of show: ${label(s, 'en')} (position ${where(news, s)})`)),
    ...removed.map((s) => line('removed', `از برنامه برداشته شد: ${label(s, 'fa')}`, `Removed from the run of show: ${label(s, 'en')}`)),
    ...both
      .filter(([a]) => moved.has(segmentKey(a)))
      .map(([a, b]) =>
        line(
          'moved',
          `${label(b, 'fa')} جابه‌جا شد: از جای ${localDigits(where(olds, a), 'fa')} به جای ${localDigits(where(news, b), 'fa')}`,
          `${label(b, 'en')} moved: from position ${where(olds, a)} to ${where(news, b)}`,
        ),
      ),
    ...both.flatMap(([a, b]) => {
      if (b.kind === 'category') return [];
      const prefix = { fa: `${label(b, 'fa')}: `, en: `${label(b, 'en')}: ` };
      return [
        ...valueLine(prefix, { fa: 'نوع', en: 'kind' }, SEGMENT_KINDS[String(a.kind)]?.en ?? a.kind, SEGMENT_KINDS[String(b.kind)]?.en ?? b.kind, false),
        ...textLines(prefix, { fa: 'عنوان', en: 'title' }, a.title, b.title),
        ...textLines(prefix, { fa: 'سخنران', en: 'speaker' }, a.speaker, b.speaker),
        ...textLines(prefix, { fa: 'سمت', en: 'role' }, a.role, b.role),
      ];
    }),
  ];
}

/**
 * Of the keys in both lists (`kept`, in the new order), those that moved: every one not in a
 * longest run that keeps its old relative order (what a person would say they moved).
 */
function movedKeys(kept: string[], oldOrder: string[]): Set<string> {
  const positions = kept.map((key) => oldOrder.indexOf(key));
  // Longest increasing subsequence, O(n²): a run of show has at most 500 segments.
  const length = positions.map(() => 1);
  const previous = positions.map(() => -1);
  for (let i = 0; i < positions.length; i++) {
    for (let j = 0; j < i; j++) {
      if (positions[j]! < positions[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  const stay = new Set<string>();
  let at = length.indexOf(Math.max(0, ...length));
  while (at >= 0) {
    stay.add(kept[at]!);
    at = previous[at]!;
  }
  return new Set(kept.filter((key) => !stay.has(key)));
}

const CATEGORY_KINDS: Record<string, string> = { ranked: 'ranked', nominees: 'nominees' };

/** What of a category is secret: who is at which place, mentioned, nominated under which id, winning; scores and photos. */
function secretPart(c: Loose): unknown {
  return {
    results: c.results ?? null,
    mentions: c.mentions ?? null,
    winners: c.winners ?? null,
    nominees: listOf(c.nominees).map((n) => ({ id: n.id, score: n.score, photo: isObject(n.recipient) ? n.recipient.photo : undefined, organizationId: isObject(n.recipient) ? n.recipient.organizationId : undefined })),
  };
}

/** The nominees as the screens list them before the reveal, without order or ids. */
function publicNominees(c: Loose): string[] {
  return listOf(c.nominees)
    .map((n) => (isObject(n.recipient) ? canonicalJson({ type: n.recipient.type ?? null, name: n.recipient.name ?? null, entry: n.recipient.entry ?? null }) : 'null'))
    .sort();
}

function categoryLines(before: Loose, after: Loose): DefinitionDiffLine[] {
  const { added, removed, both } = byId(listOf(before.categories), listOf(after.categories), idOf);
  const label = (c: Loose, lang: Language) => nameIn(c.title, lang, idOf(c));
  return [
    ...added.map((c) => line('added', `بخش افزوده شد: ${label(c, 'fa')}`, `Category added: ${label(c, 'en')}`)),
    ...removed.map((c) => line('removed', `بخش برداشته شد: ${label(c, 'fa')}`, `Category removed: ${label(c, 'en')}`)),
    ...both.flatMap(([a, b]) => {
      const prefix = { fa: `بخش ${label(b, 'fa')}: `, en: `Category ${label(b, 'en')}: ` };
      const says = (change: DefinitionDiffLine['change'], fa: string, en: string) => line(change, `${prefix.fa}${fa}`, `${prefix.en}${en}`);
      const lines = [
        ...valueLine(prefix, { fa: 'نوع', en: 'kind' }, CATEGORY_KINDS[String(a.kind)] ?? a.kind, CATEGORY_KINDS[String(b.kind)] ?? b.kind, false),
        ...textLines(prefix, { fa: 'عنوان', en: 'title' }, a.title, b.title),
        ...textLines(prefix, { fa: 'دسته', en: 'section' }, a.section, b.section),
        ...textLines(prefix, { fa: 'زمینه', en: 'field' }, a.field, b.field),
        ...textLines(prefix, { fa: 'توضیح', en: 'description' }, a.description, b.description),
        ...textLines(prefix, { fa: 'جایزه', en: 'prize' }, a.prize, b.prize),
        ...valueLine(prefix, { fa: 'تعداد رتبه‌ها', en: 'number of places' }, a.placeCount, b.placeCount),
      ];
      if (!same(a.revealOrder, b.revealOrder)) lines.push(says('changed', 'ترتیب اعلام عوض شد', 'reveal order changed'));
      if (Array.isArray(a.mentions) !== Array.isArray(b.mentions)) {
        lines.push(Array.isArray(b.mentions) ? says('added', 'تقدیرها افزوده شد', 'honourable mentions added') : says('removed', 'تقدیرها برداشته شد', 'honourable mentions removed'));
      }
      const [na, nb] = [publicNominees(a), publicNominees(b)];
      if (!same(na, nb)) lines.push(says('changed', `نامزدها عوض شد (${localDigits(na.length, 'fa')}${ARROW.fa}${localDigits(nb.length, 'fa')})`, `nominees changed (${na.length}${ARROW.en}${nb.length})`));
      if (!same(a.displayOrder, b.displayOrder)) lines.push(says('changed', 'ترتیب نمایش نامزدها عوض شد', 'display order of the nominees changed'));
      if (!same(secretPart(a), secretPart(b))) lines.push(says('changed', 'نتایج عوض شد', 'results changed'));
      return lines;
    }),
  ];
}
