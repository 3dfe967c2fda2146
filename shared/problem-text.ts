import { localDigits } from './format';
import type { Language } from './text';
import type { Problem } from './validation';

/**
 * A problem of a definition in the page's language. The server's messages are English (the API
 * lists them as they are); the studio shows the same problem in Persian by its pattern, keeping the
 * values it names (ids, numbers, what was given). Every message the definition checks can give has
 * a pattern here: its own (shared/ceremony.ts, shared/validation.ts), zod's defaults, and the
 * spreadsheet rows' (shared/csv-import.ts, shared/sheet-import.ts); tests/shared/problem-text.test.ts walks them all.
 */

/** Latin text (an id, a JSON value) inside a Persian sentence keeps its own direction. */
const isolate = (s: string) => `\u2068${s}\u2069`;
const quoted = (s: string) => `«${isolate(s)}»`;
const n = (digits: string) => localDigits(digits, 'fa');

/** "a", "b" → «a»، «b» (the quoted names of a message, each isolated). */
function names(list: string): string {
  const found = [...list.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => quoted(m[1] ?? m[2] ?? ''));
  return found.length > 0 ? found.join('، ') : isolate(list);
}

/** Zod's names of types (invalid_type), in Persian. */
const types: Record<string, string> = {
  string: 'متن',
  number: 'عدد',
  int: 'عدد صحیح',
  boolean: 'درست یا نادرست',
  object: 'شیء (فیلدهای نام‌دار)',
  array: 'فهرست',
  undefined: 'هیچ',
  null: 'تهی (null)',
  NaN: 'ناعدد (NaN)',
  Infinity: 'بی‌نهایت',
  '-Infinity': 'منفی بی‌نهایت',
  bigint: 'عدد بزرگ',
  date: 'تاریخ',
  symbol: 'نماد',
  function: 'تابع',
};
const typeName = (t: string) => types[t] ?? isolate(t);

/** What a list holds, by the noun of an "expected at most N …" message. */
const nouns: Record<string, string> = {
  results: 'نتیجه',
  nominees: 'نامزد',
  segments: 'بند در برنامهٔ اجرا',
  categories: 'بخش',
  organizations: 'سازمان',
};
/** The unit of a size (zod's too_big / too_small on strings and arrays). */
const units: Record<string, string> = { characters: 'نویسه', items: 'مورد', entries: 'مورد', bytes: 'بایت' };
const bounds: Record<string, string> = { '<=': 'حداکثر', '<': 'کمتر از', '>=': 'دست‌کم', '>': 'بیشتر از', 'exactly ': 'دقیقاً' };
const subjects: Record<string, string> = { string: 'متن', array: 'فهرست', number: 'عدد', set: 'مجموعه', file: 'پرونده', map: 'جدول', bigint: 'عدد', date: 'تاریخ' };

/** The parts of a theme a contrast problem names. */
const contrastWords: Record<string, string> = {
  text: 'متن',
  'muted text': 'متن کم‌رنگ',
  'text on the accent': 'متن روی رنگ تأکید',
  'accent (large text)': 'رنگ تأکید (متن درشت)',
  background: 'پس‌زمینه',
  surface: 'کارت‌ها و نوارها',
  accent: 'رنگ تأکید',
};

const persian: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  // shared/ceremony.ts
  [/^expected a non-empty text$/, () => 'این متن نباید خالی باشد'],
  [/^expected a text of at most (\d+) characters$/, (m) => `متن باید حداکثر ${n(m[1]!)} نویسه باشد`],
  [/^expected a text with "fa" or "en" \(or both\)$/, () => 'متن باید فارسی (fa) یا انگلیسی (en) یا هر دو را داشته باشد'],
  [/^expected an id of lowercase letters, digits and dashes \(at most (\d+)\), starting with a letter or digit$/, (m) => `شناسه باید از حروف کوچک لاتین، رقم و خط تیره باشد (حداکثر ${n(m[1]!)} نویسه) و با حرف یا رقم آغاز شود`],
  [/^expected the id of an uploaded image \((\d+) hex digits\)$/, (m) => `باید شناسهٔ تصویری بارگذاری‌شده باشد (${n(m[1]!)} رقم شانزده‌دهی)`],
  [/^expected a whole number ≥ (\d+)$/, (m) => `باید عددی صحیح و دست‌کم ${n(m[1]!)} باشد`],
  [/^expected a whole number from (\d+) to (\d+)$/, (m) => `باید عددی صحیح از ${n(m[1]!)} تا ${n(m[2]!)} باشد`],
  [/^expected at least one result$/, () => 'دست‌کم یک نتیجه لازم است'],
  [/^expected at least two nominees$/, () => 'دست‌کم دو نامزد لازم است'],
  [/^expected at least one winner id$/, () => 'دست‌کم یک برگزیده لازم است'],
  [/^expected at least one segment$/, () => 'برنامهٔ اجرا دست‌کم یک بند لازم دارد'],
  [/^expected at most (\d+) (\w+)$/, (m) => `حداکثر ${n(m[1]!)} ${nouns[m[2]!] ?? isolate(m[2]!)} مجاز است`],
  [/^expected a date as YYYY-MM-DD$/, () => 'تاریخ باید به شکل YYYY-MM-DD (سال-ماه-روز میلادی) باشد'],
  [/^expected a time as HH:MM$/, () => 'ساعت باید به شکل HH:MM (ساعت:دقیقه، ۲۴ ساعته) باشد'],
  [/^expected an http\(s\) URL$/, () => 'باید نشانی وبی با http یا https باشد'],
  // shared/validation.ts: problemsFromZod and crossCheck
  [/^unknown field\(s\) (.+)$/, (m) => `فیلد ناشناخته: ${names(m[1]!)}`],
  [/^expected an IANA time zone such as "([^"]*)"$/, (m) => `منطقهٔ زمانی باید نامی از فهرست IANA باشد، مانند ${quoted(m[1]!)}`],
  [/^duplicate category id "(.*)"$/, (m) => `شناسهٔ بخش ${quoted(m[1]!)} تکراری است`],
  [/^duplicate segment id "(.*)"$/, (m) => `شناسهٔ بند برنامه ${quoted(m[1]!)} تکراری است`],
  [/^duplicate organization id "(.*)"$/, (m) => `شناسهٔ سازمان ${quoted(m[1]!)} تکراری است`],
  [/^duplicate nominee id "(.*)"$/, (m) => `شناسهٔ نامزد ${quoted(m[1]!)} تکراری است`],
  [/^category "(.*)" appears twice in the run of show$/, (m) => `بخش ${quoted(m[1]!)} دو بار در برنامهٔ اجرا آمده است`],
  [/^category "(.*)" is not in the run of show \(add .*\)$/s, (m) => `بخش ${quoted(m[1]!)} در برنامهٔ اجرا نیست: آن را به برنامهٔ اجرا بیفزایید`],
  [/^expected the id of a category in "categories"$/, () => 'باید شناسهٔ یکی از بخش‌های مراسم باشد'],
  [/^expected the id of an organization in "organizations"$/, () => 'باید شناسهٔ یکی از سازمان‌های مراسم باشد'],
  [/^expected a place from (\d+) to (\d+) \(the category's placeCount or the length of its revealOrder\)$/, (m) => `رتبه باید از ${n(m[1]!)} تا ${n(m[2]!)} باشد (شمار رتبه‌های بخش، یا طول ترتیب اعلام آن)`],
  [/^expected each place from (\d+) to (\d+) once$/, (m) => `ترتیب اعلام باید هر رتبه از ${n(m[1]!)} تا ${n(m[2]!)} را یک بار داشته باشد`],
  [/^expected the id of a nominee of this category$/, () => 'باید شناسهٔ یکی از نامزدهای همین بخش باشد'],
  [/^a winner is listed twice$/, () => 'یک برگزیده دو بار آمده است'],
  [/^expected every nominee id once \((.*)\)$/s, (m) => `ترتیب نمایش باید شناسهٔ هر نامزد را یک بار داشته باشد (${isolate(m[1]!)})`],
  // shared/contrast.ts: a theme's colours (the colours stay as they are: a reader looks them up)
  [
    /^too little contrast \(WCAG AA\): (text|muted text|text on the accent|accent \(large text\)) (#[0-9a-fA-F]{6}) on (background|surface|accent) (#[0-9a-fA-F]{6}) is ([\d.]+):1, needs at least ([\d.]+):1$/,
    (m) => `تضاد رنگ کافی نیست (WCAG AA): ${contrastWords[m[1]!] ?? isolate(m[1]!)} ${isolate(m[2]!)} روی ${contrastWords[m[3]!] ?? isolate(m[3]!)} ${isolate(m[4]!)} نسبت ${n(m[5]!).replace('.', '٫')} به ۱ دارد؛ دست‌کم ${n(m[6]!).replace('.', '٫')} به ۱ لازم است`,
  ],
  // shared/csv-import.ts: a spreadsheet's rows
  [/^expected a name in name_fa or name_en \(or both\)$/, () => 'نامی در ستون name_fa یا name_en (یا هر دو) لازم است'],
  [/^expected "organization" or "person"$/, () => 'نوع باید «organization» (سازمان) یا «person» (شخص) باشد'],
  [/^expected a number$/, () => 'باید عدد باشد'],
  [/^expected a nominee id of lowercase letters, digits and dashes$/, () => 'شناسهٔ نامزد باید از حروف کوچک لاتین، رقم و خط تیره باشد'],
  [/^expected a header with a "(.*)" column$/, (m) => `سطر نخست باید ستونی به نام ${quoted(m[1]!)} داشته باشد`],
  [/^unknown column "(.*)"; the columns are (.*)$/, (m) => `ستون ناشناخته ${quoted(m[1]!)}؛ ستون‌ها این‌هایند: ${isolate(m[2]!)}`],
  [/^expected at least one result row$/, () => 'دست‌کم یک سطر نتیجه لازم است'],
  [/^expected the id of a category of "(.*)" \((.*)\)$/s, (m) => `باید شناسهٔ یکی از بخش‌های ${quoted(m[1]!)} باشد (${isolate(m[2]!)})`],
  // shared/sheet-import.ts: a spreadsheet of whole categories
  [/^expected a category id of lowercase letters, digits and dashes \(at most (\d+)\)$/, (m) => `شناسهٔ بخش باید از حروف کوچک لاتین، رقم و خط تیره باشد (حداکثر ${n(m[1]!)} نویسه)`],
  [/^expected "ranked" or "nominees"$/, () => 'نوع بخش باید «ranked» (رتبه‌ای) یا «nominees» (نامزدی) باشد'],
  [/^expected a title in title_fa or title_en \(or both\)$/, () => 'عنوانی در ستون title_fa یا title_en (یا هر دو) لازم است'],
  [/^expected the same (\S+) as row (\d+) \("(.*)"\) of this category$/s, (m) => `${isolate(m[1]!)} باید با سطر ${n(m[2]!)} همین بخش (${quoted(m[3]!)}) یکی باشد`],
  // server/studio/draft-mask.ts: a problem in the results, as a masked draft says it
  [/^hidden: a problem in the results \(only a role that may see results sees which\)$/, () => 'مشکلی در نتایج هست (فقط نقشی که نتایج را می‌بیند می‌داند کدام)'],
  // zod's own messages (its English locale), for what the schema does not word itself
  [/^Invalid input: expected (\w+), received undefined$/, (m) => `${typeName(m[1]!)} لازم است و خالی مانده است`],
  [/^Invalid input: expected (\w+), received (\S+)$/, (m) => `نوع نادرست: ${typeName(m[1]!)} لازم است، ${typeName(m[2]!)} آمده است`],
  [/^Invalid input: expected (.+)$/, (m) => `مقدار باید ${/^\d+$/.test(m[1]!) ? n(m[1]!) : isolate(m[1]!)} باشد`],
  [/^Invalid option: expected one of (.+)$/, (m) => `باید یکی از این‌ها باشد: ${names(m[1]!)}`],
  [/^Invalid discriminator value\. Expected (.+)$/, (m) => `نوع (kind) باید یکی از این‌ها باشد: ${names(m[1]!)}`],
  [/^Invalid input: more than one option matched$/, () => 'مقدار با بیش از یک شکل مجاز جور است'],
  [/^Invalid input$/, () => 'مقدار با هیچ‌یک از شکل‌های مجاز جور نیست'],
  [/^Too (?:big|small): expected (\w+) to have (<=|<|>=|>|exactly )(\d+) (\w+)$/, (m) => `${subjects[m[1]!] ?? isolate(m[1]!)} باید ${bounds[m[2]!]} ${n(m[3]!)} ${units[m[4]!] ?? isolate(m[4]!)} داشته باشد`],
  [/^Too (?:big|small): expected (\w+) to be (<=|<|>=|>|exactly )(-?[\d.]+)$/, (m) => `${subjects[m[1]!] ?? isolate(m[1]!)} باید ${bounds[m[2]!]} ${n(m[3]!)} باشد`],
  [/^Invalid string: must match pattern (.+)$/, (m) => `متن باید با الگوی ${isolate(m[1]!)} جور باشد`],
  [/^Invalid string: must (start with|end with|include) "(.*)"$/, (m) => `متن باید ${{ 'start with': 'با', 'end with': 'به', include: 'شامل' }[m[1]!]} ${quoted(m[2]!)} ${m[1] === 'include' ? 'باشد' : m[1] === 'start with' ? 'آغاز شود' : 'پایان یابد'}`],
  [/^Invalid number: must be a multiple of (.+)$/, (m) => `عدد باید مضربی از ${n(m[1]!)} باشد`],
  [/^Unrecognized keys?: (.+)$/, (m) => `فیلد ناشناخته: ${names(m[1]!)}`],
  [/^Invalid (?:key|value) in (\w+)$/, (m) => `مقدار نادرست در ${subjects[m[1]!] ?? isolate(m[1]!)}`],
  [/^Invalid (.+)$/, (m) => `قالب نادرست: ${isolate(m[1]!)} لازم است`],
];

/** What was given, as the message's ", got …" says it (problemsFromZod, crossCheck, csv-import). */
function givenText(got: string): string {
  if (got === 'nothing' || got === 'none') return 'خالی';
  if (/^-?\d+(\.\d+)?$/.test(got)) return n(got);
  return isolate(got);
}

/**
 * The Persian of an English problem message, or null when no pattern knows it (a new message:
 * add its pattern here). A trailing ", got X" is kept as "مقدار فعلی: X".
 */
export function persianProblem(message: string): string | null {
  const split = /^(.*?), got (.*)$/s.exec(message);
  const [base, got] = split ? [split[1]!, split[2]!] : [message, null];
  for (const [pattern, text] of persian) {
    const match = pattern.exec(base);
    if (!match) continue;
    // "received undefined" has said already that nothing was given.
    const said = got === null || (got === 'nothing' && base.endsWith('received undefined'));
    return said ? text(match) : `${text(match)}؛ مقدار فعلی: ${givenText(got)}`;
  }
  return null;
}

/** A category's parts that are public (server/studio/draft-mask.ts keeps their problems as they are). */
const PUBLIC_CATEGORY_PARTS = ['id', 'kind', 'title', 'section', 'field', 'description', 'prize', 'placeCount', 'revealOrder'];

/**
 * Whether a problem's ", got …" may quote a result: anything in a category but its public fields
 * (its results, winners, mentions, nominees' scores, or the category as one value), the list of
 * categories, the whole definition. Nominees' names are public, but their list as one value is not
 * (it holds the scores).
 */
export function mayQuoteResults(path: string): boolean {
  if (path === '(root)' || path === '' || path === 'categories') return true;
  const inCategory = /^categories\[\d+\](?:\.([A-Za-z]+))?(.*)$/.exec(path);
  if (!inCategory) return false;
  const [, part, rest] = inCategory;
  if (part === undefined) return true;
  if (PUBLIC_CATEGORY_PARTS.includes(part)) return false;
  return !(part === 'nominees' && /^\[\d+\]\.(id|recipient)/.test(rest ?? ''));
}

/** The problem without what was given when it may quote a result (for a page whose results are masked). */
export function withoutResults(problem: Problem): Problem {
  return mayQuoteResults(problem.path) ? { ...problem, message: problem.message.replace(/, got .*$/s, '') } : problem;
}

export function problemText(problem: Problem, lang: Language): string {
  if (lang === 'en') return problem.message;
  return persianProblem(problem.message) ?? `مشکل (به انگلیسی): ${isolate(problem.message)}`;
}

/** Where a problem is: a definition's path as it is, a spreadsheet's "line 4, column score" in the page's language. */
export function problemPlace(path: string, lang: Language): string {
  if (lang === 'en') return path;
  const row = /^line (\d+)(?:, column (.+))?$/.exec(path);
  if (!row) return path === '(root)' ? 'کل تعریف' : isolate(path);
  const column = row[2] === undefined ? '' : /^\d+$/.test(row[2]) ? `، ستون ${n(row[2])}` : `، ستون ${isolate(row[2])}`;
  return `سطر ${n(row[1]!)}${column}`;
}
