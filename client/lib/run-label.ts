import { localDigits } from '../../shared/format';
import { parseRunId } from '../../shared/runs';
import type { Language } from '../../shared/text';
import { t } from './i18n-operator';

/** A run as the console names it: «اجرای زنده» / "Live run", «تمرین ۲» / "Rehearsal 2", "Imported run 1". */
export function runLabel(runId: string, lang: Language): string {
  const ref = parseRunId(runId);
  if (!ref || ref.kind === 'live') return t(lang, 'runLive');
  return t(lang, ref.kind === 'rehearsal' ? 'runRehearsal' : 'runImported', { number: localDigits(ref.number, lang) });
}
