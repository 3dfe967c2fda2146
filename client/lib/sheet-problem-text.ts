import { problemText } from '../../shared/problem-text';
import type { SheetProblem } from '../../shared/sheet-import';
import type { Language } from '../../shared/text';

const fa = (n: string) => Number(n).toLocaleString('fa-IR');

/** The sheet's own messages (shared/csv-import.ts, shared/sheet-import.ts) in Persian; the others as problemText says them. */
const persian: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^expected a whole number ≥ 1, got "(.*)"$/s, (m) => `رتبه باید عددی صحیح از ۱ به بالا باشد، نه «${m[1]}»`],
  [/^expected a name in name_fa or name_en \(or both\), got none$/, () => 'نامی در name_fa یا name_en (یا هر دو) لازم است'],
  [/^expected "organization" or "person", got "(.*)"$/s, (m) => `نوع باید organization یا person باشد، نه «${m[1]}»`],
  [/^expected a number, got "(.*)"$/s, (m) => `امتیاز باید عدد باشد، نه «${m[1]}»`],
  [/^expected the id of a category of "(.*)" \((.*)\), got "(.*)"$/s, (m) => `شناسهٔ یکی از بخش‌های این مراسم لازم است (${m[2]})، نه «${m[3]}»`],
  [/^unknown column "(.*)"; the columns are (.*)$/s, (m) => `ستون ناشناختهٔ «${m[1]}»؛ ستون‌ها: ${m[2]}`],
  [/^expected a header with a "(.*)" column/, (m) => `ردیف نخست باید ستون «${m[1]}» را داشته باشد`],
  [/^expected a nominee id of lowercase letters, digits and dashes, got "(.*)"$/s, (m) => `شناسهٔ نامزد باید از حروف کوچک لاتین، رقم و خط تیره باشد، نه «${m[1]}»`],
  [/^expected a category id of lowercase letters, digits and dashes \(at most 64\), got "(.*)"$/s, (m) => `شناسهٔ بخش باید از حروف کوچک لاتین، رقم و خط تیره باشد (تا ۶۴ نویسه)، نه «${m[1]}»`],
  [/^expected "ranked" or "nominees", got "(.*)"$/s, (m) => `نوع بخش باید ranked یا nominees باشد، نه «${m[1]}»`],
  [/^expected a title in title_fa or title_en \(or both\), got none$/, () => 'عنوانی در title_fa یا title_en (یا هر دو) لازم است'],
  [/^expected the same (\S+) as row (\d+) \("(.*)"\) of this category, got "(.*)"$/s, (m) => `${m[1]} باید با ردیف ${fa(m[2]!)} این بخش («${m[3]}») یکی باشد، نه «${m[4]}»`],
  [/^expected at least one result row, got none$/, () => 'دست‌کم یک ردیف نتیجه لازم است'],
];

/** A sheet problem's message in the page's language. */
export function sheetProblemText(problem: SheetProblem, lang: Language): string {
  if (lang === 'fa') {
    for (const [pattern, text] of persian) {
      const match = pattern.exec(problem.message);
      if (match) return text(match);
    }
  }
  return problemText({ path: problem.path ?? '', message: problem.message }, lang);
}
