import { formatClock, localDigits } from '../../shared/format';
import type { Language } from '../../shared/text';

/**
 * A date and time in `timeZone`, when an invitation or a token expires: in Persian the Jalali date
 * (YYYY/MM/DD) and Persian digits, in English YYYY-MM-DD; then HH:MM:SS.
 */
export function formatDateTime(epochMs: number, timeZone: string, lang: Language): string {
  const locale = lang === 'fa' ? 'fa-IR-u-ca-persian-nu-latn' : 'en-CA';
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = [part('year'), part('month'), part('day')].join(lang === 'fa' ? '/' : '-');
  return `${localDigits(day, lang)} ${formatClock(epochMs, timeZone, lang)}`;
}
