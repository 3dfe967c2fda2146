import type { Language } from '../../shared/text';
import { t, type CrewMessageKey } from './i18n-crew';

const byCode: Record<string, CrewMessageKey> = {
  last_producer: 'errLastProducer',
  name_taken: 'errNameTaken',
  invalid_name: 'errInvalidName',
  weak_secret: 'errWeakSecret',
  invitation_invalid: 'joinInvalid',
  unauthorized: 'errUnauthorized',
  rate_limited: 'errRateLimitedSignIn',
};

/** What a refused crew request means, in the console's language; an unknown code as the server said it. */
export function crewErrorText(lang: Language, code: string): string {
  const key = byCode[code];
  return key ? t(lang, key) : `${t(lang, 'errOther')} (${code})`;
}
