import { formatClock, localDigits } from '../../shared/format';
import type { Language } from '../../shared/text';

/** A date and time in `timeZone` (YYYY-MM-DD HH:MM:SS), Persian digits in fa: when an invitation or a token expires. */
export function formatDateTime(epochMs: number, timeZone: string, lang: Language): string {
  const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(epochMs));
  return `${localDigits(day, lang)} ${formatClock(epochMs, timeZone, lang)}`;
}
