import type { Language } from '../../shared/text';
import { t, type CrewMessageKey } from './i18n-crew';
import { serverErrorText } from './server-errors';

const byCode: Record<string, CrewMessageKey> = {
  last_producer: 'errLastProducer',
  name_taken: 'errNameTaken',
  invalid_name: 'errInvalidName',
  weak_secret: 'errWeakSecret',
  invitation_invalid: 'joinInvalid',
  unauthorized: 'errUnauthorized',
  rate_limited: 'errRateLimitedSignIn',
};

/** What a refused crew request means, in the console's language (never the raw code). */
export function crewErrorText(lang: Language, code: string): string {
  const key = byCode[code];
  return key ? t(lang, key) : serverErrorText(lang, code);
}
