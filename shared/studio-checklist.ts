import { buildCues, CueKinds } from './cues';
import type { CeremonyDefinition } from './ceremony';
import type { SealProof } from './seal';
import type { DraftDefinition } from './studio';
import { localDigits } from './format';
import { validateDraft } from './studio';
import type { Language, Text } from './text';
import type { Problem } from './validation';

/**
 * The check before the show (S32): what the studio's Check page lists, worked out from the draft
 * and what is known of it (published, sealed). Pure: the page fetches the seal, this decides.
 * The draft may be invalid; every part is read defensively.
 */

export type ChecklistLevel = 'ok' | 'warning' | 'blocking';

/** The studio tab where an item is fixed (a subset of the client's StudioTab). */
export type ChecklistTab = 'details' | 'theme' | 'runOfShow' | 'categories' | 'organizations' | 'publish' | 'check';

/** One thing to put right, at a path of the definition. */
export interface ChecklistDetail {
  path: string;
  text: Text;
}

export interface ChecklistItem {
  id: 'problems' | 'runOfShow' | 'results' | 'languages' | 'published' | 'sealed';
  level: ChecklistLevel;
  text: Text;
  /** Where to go to fix it (the first detail's field, when there are details). */
  target: { tab: ChecklistTab; path?: string };
  details: ChecklistDetail[];
}

export interface ChecklistContext {
  /** The results are sealed (GET /api/ceremonies/:id/seal says sealed). */
  sealed: boolean;
  /** The seal covers exactly the draft's reveal cues and no result changed since (see sealMatchesDraft). */
  sealMatches: boolean;
  /** The draft is the published version (nothing unpublished). */
  published: boolean;
  problems: Problem[];
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const fa = (n: number) => localDigits(n, 'fa');
/** An id inside a Persian sentence, quoted and kept in its own direction. */
const q = (id: string) => `«\u2068${id}\u2069»`;

/** The tab of a definition path: where its field is edited. */
export function tabOfPath(path: string): ChecklistTab {
  if (path.startsWith('categories')) return 'categories';
  if (path.startsWith('runOfShow')) return 'runOfShow';
  if (path.startsWith('organizations')) return 'organizations';
  if (path.startsWith('theme')) return 'theme';
  return 'details';
}

function categoryName(category: Loose, i: number): string {
  return typeof category.id === 'string' && category.id !== '' ? category.id : `#${i + 1}`;
}

/** The places of a ranked category, read as the cues would (placeCount, else revealOrder's length, else the results). */
function placesOf(category: Loose): number {
  if (typeof category.placeCount === 'number') return category.placeCount;
  if (Array.isArray(category.revealOrder)) return category.revealOrder.length;
  const places = list(category.results).map((r) => (isObject(r) && typeof r.place === 'number' ? r.place : 0));
  return Math.max(places.length, ...places, 0);
}

/**
 * The places of a ranked category with no result. A place a tie skips (1, 1, 3: no second) is not
 * missing: as many results stand above it as its number says.
 */
export function missingPlaces(category: Loose): number[] {
  const places = list(category.results).flatMap((r) => (isObject(r) && typeof r.place === 'number' ? [r.place] : []));
  const missing: number[] = [];
  for (let place = 1; place <= Math.min(placesOf(category), 100); place++) {
    if (places.includes(place)) continue;
    if (places.filter((p) => p < place).length >= place) continue;
    missing.push(place);
  }
  return missing;
}

function problemsItem(problems: Problem[]): ChecklistItem {
  const count = problems.length;
  return {
    id: 'problems',
    level: count === 0 ? 'ok' : 'blocking',
    text:
      count === 0
        ? { fa: 'تعریف مراسم هیچ مشکلی ندارد.', en: 'The definition has no problems.' }
        : { fa: `تعریف مراسم ${fa(count)} مشکل دارد: تا رفع نشود منتشر نمی‌شود.`, en: `The definition has ${count} problem${count === 1 ? '' : 's'}: it cannot be published until they are fixed.` },
    target: count === 0 ? { tab: 'check' } : { tab: tabOfPath(problems[0]!.path), path: problems[0]!.path },
    details: [],
  };
}

function runOfShowItem(definition: DraftDefinition): ChecklistItem {
  const inShow = new Set(list(definition.runOfShow).flatMap((s) => (isObject(s) && s.kind === 'category' && typeof s.categoryId === 'string' ? [s.categoryId] : [])));
  const details = list(definition.categories).flatMap((c, i): ChecklistDetail[] => {
    if (!isObject(c) || (typeof c.id === 'string' && inShow.has(c.id))) return [];
    const name = categoryName(c, i);
    return [{ path: `categories[${i}]`, text: { fa: `بخش ${q(name)} در برنامهٔ اجرا نیست.`, en: `Category "${name}" is not in the run of show.` } }];
  });
  return {
    id: 'runOfShow',
    level: details.length === 0 ? 'ok' : 'blocking',
    text:
      details.length === 0
        ? { fa: 'هر بخش در برنامهٔ اجرا آمده است.', en: 'Every category is in the run of show.' }
        : { fa: `${fa(details.length)} بخش در برنامهٔ اجرا نیست.`, en: `${details.length} categor${details.length === 1 ? 'y is' : 'ies are'} not in the run of show.` },
    target: details.length === 0 ? { tab: 'runOfShow' } : { tab: 'runOfShow', path: details[0]!.path },
    details,
  };
}

function resultsItem(definition: DraftDefinition): ChecklistItem {
  const blocking: ChecklistDetail[] = [];
  const warnings: ChecklistDetail[] = [];
  list(definition.categories).forEach((c, i) => {
    if (!isObject(c)) return;
    const name = categoryName(c, i);
    if (c.kind === 'ranked') {
      const missing = missingPlaces(c);
      if (missing.length > 0) {
        blocking.push({
          path: `categories[${i}].results`,
          text: {
            fa: `${q(name)}: رتبهٔ ${missing.map(fa).join('، ')} نتیجه ندارد.`,
            en: `"${name}": place${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ha${missing.length === 1 ? 's' : 've'} no result.`,
          },
        });
      }
    } else if (c.kind === 'nominees') {
      const ids = list(c.nominees).flatMap((n) => (isObject(n) && typeof n.id === 'string' ? [n.id] : []));
      if (!list(c.winners).some((w) => typeof w === 'string' && ids.includes(w))) {
        blocking.push({ path: `categories[${i}].winners`, text: { fa: `${q(name)}: برگزیده‌ای علامت نخورده است.`, en: `"${name}": no winner is marked.` } });
      }
    }
    if (Array.isArray(c.mentions) && c.mentions.length === 0) {
      warnings.push({ path: `categories[${i}].mentions`, text: { fa: `${q(name)}: فهرست تقدیرها خالی است؛ اعلام تقدیرها کسی را نشان نمی‌دهد.`, en: `"${name}": the mentions list is empty; its reveal will show no one.` } });
    }
  });
  const details = [...blocking, ...warnings];
  return {
    id: 'results',
    level: blocking.length > 0 ? 'blocking' : warnings.length > 0 ? 'warning' : 'ok',
    text:
      blocking.length > 0
        ? { fa: `نتیجهٔ ${fa(blocking.length)} بخش کامل نیست.`, en: `${blocking.length} categor${blocking.length === 1 ? 'y has' : 'ies have'} results missing.` }
        : { fa: 'هر اعلام نتیجه‌ای دارد.', en: 'Every reveal has its result entered.' },
    target: details.length === 0 ? { tab: 'categories' } : { tab: 'categories', path: details[0]!.path },
    details,
  };
}

/** Every text of the definition a screen shows, by its path. Results' names are shown too, once revealed. */
function shownTexts(definition: DraftDefinition): { path: string; text: Loose }[] {
  const out: { path: string; text: Loose }[] = [];
  const add = (path: string, text: unknown) => isObject(text) && out.push({ path, text });
  const recipient = (path: string, r: unknown) => {
    if (!isObject(r)) return;
    add(`${path}.name`, r.name);
    add(`${path}.entry`, r.entry);
  };
  for (const key of ['title', 'edition', 'venue'] as const) add(key, definition[key]);
  if (isObject(definition.participants)) add('participants.label', definition.participants.label);
  if (isObject(definition.videoConference)) add('videoConference.label', definition.videoConference.label);
  list(definition.organizations).forEach((o, i) => isObject(o) && add(`organizations[${i}].name`, o.name));
  list(definition.runOfShow).forEach((s, i) => {
    if (!isObject(s)) return;
    for (const key of ['title', 'speaker', 'role']) add(`runOfShow[${i}].${key}`, s[key]);
  });
  list(definition.categories).forEach((c, i) => {
    if (!isObject(c)) return;
    for (const key of ['title', 'section', 'field', 'description', 'prize']) add(`categories[${i}].${key}`, c[key]);
    list(c.results).forEach((r, j) => isObject(r) && recipient(`categories[${i}].results[${j}].recipient`, r.recipient));
    list(c.nominees).forEach((n, j) => isObject(n) && recipient(`categories[${i}].nominees[${j}].recipient`, n.recipient));
    list(c.mentions).forEach((m, j) => isObject(m) && recipient(`categories[${i}].mentions[${j}].recipient`, m.recipient));
  });
  return out;
}

const languageNames = { fa: { fa: 'فارسی', en: 'انگلیسی' }, en: { fa: 'Persian', en: 'English' } } as const;

/**
 * Texts with one language and not the other. The screens fall back to the other language, so a
 * missing one never stops the show: it is a warning. A ceremony in one language only (no text in
 * the other anywhere) is fine as it is, as long as its screens open in that language
 * (defaultLanguage); otherwise the warning says to set it.
 */
function languagesItem(definition: DraftDefinition): ChecklistItem {
  const texts = shownTexts(definition);
  const used = (lang: Language) => texts.some(({ text }) => filled(text[lang]));
  const defaultLanguage: Language = definition.defaultLanguage === 'en' ? 'en' : 'fa';
  const bilingual = used('fa') && used('en');
  if (!bilingual) {
    const only: Language | null = used('fa') ? 'fa' : used('en') ? 'en' : null;
    if (only !== null && only !== defaultLanguage) {
      return {
        id: 'languages',
        level: 'warning',
        text: {
          fa: `همهٔ متن‌ها ${languageNames.fa[only]} است ولی صفحه‌ها به ${languageNames.fa[defaultLanguage]} باز می‌شوند: زبان پیش‌فرض را ${languageNames.fa[only]} کنید.`,
          en: `Every text is in ${languageNames.en[only]} but the screens open in ${languageNames.en[defaultLanguage]}: set the default language to ${languageNames.en[only]}.`,
        },
        target: { tab: 'details', path: 'defaultLanguage' },
        details: [],
      };
    }
    return {
      id: 'languages',
      level: 'ok',
      text: only === null ? { fa: 'هنوز متنی نوشته نشده است.', en: 'No text written yet.' } : { fa: `مراسم یک‌زبانه است (${languageNames.fa[only]}).`, en: `A ${languageNames.en[only]}-only ceremony.` },
      target: { tab: 'details' },
      details: [],
    };
  }
  const details = texts.flatMap(({ path, text }): ChecklistDetail[] => {
    const has = { fa: filled(text.fa), en: filled(text.en) };
    if (has.fa === has.en) return [];
    const missing: Language = has.fa ? 'en' : 'fa';
    return [{ path: `${path}.${missing}`, text: { fa: `${languageNames.fa[missing]} خالی است`, en: `no ${languageNames.en[missing]}` } }];
  });
  return {
    id: 'languages',
    level: details.length === 0 ? 'ok' : 'warning',
    text:
      details.length === 0
        ? { fa: 'هر متن هم فارسی دارد و هم انگلیسی.', en: 'Every text has both Persian and English.' }
        : {
            fa: `${fa(details.length)} متن فقط به یک زبان است؛ صفحه‌های زبان دیگر آن را به همان زبان نشان می‌دهند.`,
            en: `${details.length} text${details.length === 1 ? ' is' : 's are'} in one language only; the other language's screens show it in that language.`,
          },
    target: details.length === 0 ? { tab: 'details' } : { tab: tabOfPath(details[0]!.path), path: details[0]!.path },
    details,
  };
}

function publishedItem(published: boolean): ChecklistItem {
  return {
    id: 'published',
    level: published ? 'ok' : 'blocking',
    text: published
      ? { fa: 'همین پیش‌نویس منتشر شده است: اجرای زنده همین را به کار می‌برد.', en: 'This draft is published: the live run uses it.' }
      : { fa: 'پیش‌نویس منتشر نشده است: اجرای زنده فقط نسخهٔ منتشرشده را به کار می‌برد.', en: 'The draft is not published: the live run uses only a published version.' },
    target: { tab: 'publish' },
    details: [],
  };
}

/** Sealing is not needed to run a show, but a seal that no longer fits the results is worse than none. */
function sealedItem(sealed: boolean, sealMatches: boolean): ChecklistItem {
  const [level, text]: [ChecklistLevel, Text] = !sealed
    ? ['warning', { fa: 'نتایج مهر و موم نشده است: پس از انتشار، پیش از مراسم مهر و موم کنید.', en: 'The results are not sealed: once published, seal them before the show.' }]
    : sealMatches
      ? ['ok', { fa: 'نتایج مهر و موم شده و مهر با اعلام‌های مراسم جور است.', en: 'The results are sealed, and the seal fits the ceremony’s reveals.' }]
      : ['blocking', { fa: 'نتایج پس از مهر و موم تغییر کرده است: دوباره مهر و موم کنید.', en: 'The results changed since they were sealed: seal them again.' }];
  return { id: 'sealed', level, text, target: { tab: 'publish' }, details: [] };
}

/** The checklist of a draft, in the order a producer goes through it. */
export function checklist(definition: DraftDefinition, context: ChecklistContext): ChecklistItem[] {
  return [
    problemsItem(context.problems),
    runOfShowItem(definition),
    resultsItem(definition),
    languagesItem(definition),
    publishedItem(context.published),
    sealedItem(context.sealed, context.sealMatches),
  ];
}

/** The reveal cues of a draft (none when it is invalid). */
function revealCueIds(definition: DraftDefinition): string[] | null {
  const checked = validateDraft(definition);
  if (!checked.ok) return null;
  return buildCues(checked.value as CeremonyDefinition)
    .filter((c) => c.kind === CueKinds.reveal)
    .map((c) => c.id);
}

/**
 * Whether a seal (GET /api/ceremonies/:id/seal) fits the draft: one commitment per reveal cue of
 * the draft, the same cues, and no result changed since it was sealed. Kept simple: it compares
 * the shape; the server's own check compares the commitments.
 */
export function sealMatchesDraft(proof: SealProof, definition: DraftDefinition): boolean {
  if (!proof.sealed || proof.changedSinceSeal) return false;
  const cues = revealCueIds(definition);
  if (!cues) return false;
  const sealedCues = proof.commitments.map((c) => c.cueId);
  return sealedCues.length === cues.length && cues.every((id) => sealedCues.includes(id));
}
