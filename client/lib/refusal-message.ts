import type { Language } from '../../shared/text';
import { t, type OperatorMessageKey } from './i18n-operator';
import type { Refusal } from './operator-console.svelte';
import { knownErrorCode, serverErrorText } from './server-errors';

const byCode: Record<string, OperatorMessageKey> = {
  cue_mismatch: 'errCueMismatch',
  on_hold: 'errOnHold',
  no_next_cue: 'errNoNextCue',
  confirmation_required: 'errConfirmationRequired',
  unauthorized: 'errUnauthorized',
  nothing_to_retract: 'errNothingToRetract',
  not_on_hold: 'errNotOnHold',
  already_on_hold: 'errAlreadyOnHold',
  unknown_cue: 'errUnknownCue',
  rate_limited: 'errRateLimited',
  conflict: 'errConflict',
  definition_changed: 'errDefinitionChanged',
  no_ack: 'errNoAck',
  not_sent: 'errNotSent',
  second_key_required: 'errSecondKey',
};

/** The notice's heading: a command that was not sent, or whose outcome is unknown, was not "refused". */
export function refusalHeading(refusal: Refusal, lang: Language): string {
  if (refusal.error.code === 'not_sent') return t(lang, 'notSent');
  if (refusal.error.code === 'no_ack') return t(lang, 'outcomeUnknown');
  return t(lang, 'refused');
}

/** What a refusal means, in the console's language; the server's own message is the detail. */
export function refusalMessage(refusal: Refusal, lang: Language): string {
  const key = byCode[refusal.error.code];
  if (key) return t(lang, key);
  return knownErrorCode(refusal.error.code) ? serverErrorText(lang, refusal.error.code) : t(lang, 'errOther');
}
