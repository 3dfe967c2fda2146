import type { Language } from './text';
import type { Problem } from './validation';

/**
 * A problem of a definition in the page's language. The server's messages are English (the API
 * lists them as they are); the studio shows the same problem in Persian by its pattern. A message
 * with no Persian pattern yet is shown in English, inside a Persian sentence that says so.
 */
const persian: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^expected a non-empty text/, () => 'این متن نباید خالی باشد'],
];

export function problemText(problem: Problem, lang: Language): string {
  if (lang === 'en') return problem.message;
  for (const [pattern, text] of persian) {
    const match = pattern.exec(problem.message);
    if (match) return text(match);
  }
  return `مشکل: ${problem.message}`;
}
