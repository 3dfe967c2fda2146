import { localDigits } from '../../shared/format';
import type { SealVerdict } from '../../shared/seal';
import type { Language } from '../../shared/text';
import type { SealMessageKey } from './i18n-seal';

/** When a seal was made, as a person reads it: the Persian calendar and digits in Persian. */
export function sealTime(at: number, lang: Language, timeZone?: string): string {
  const locale = lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB';
  try {
    return new Date(at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  } catch {
    // An unknown time zone (a proof file from elsewhere): the browser's own.
    return new Date(at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  }
}

/** A root or a commitment shortened for a screen: the first hex digits in groups of four, left to right. */
export function shortHash(hash: string, length = 8): string {
  return (hash.slice(0, length).match(/.{1,4}/g) ?? []).join(' ');
}

export const verdictKeys: Record<SealVerdict, SealMessageKey> = {
  match: 'verdictMatch',
  mismatch: 'verdictMismatch',
  retracted: 'verdictRetracted',
  corrected_after_seal: 'verdictCorrected',
  not_revealed: 'verdictNotRevealed',
};

/** The summary line's counts. */
export function verdictCounts(verdicts: readonly { verdict: SealVerdict }[]) {
  const count = (v: SealVerdict) => verdicts.filter((c) => c.verdict === v).length;
  const matched = count('match');
  const mismatched = count('mismatch');
  const retracted = count('retracted');
  const corrected = count('corrected_after_seal');
  const pending = count('not_revealed');
  return { matched, mismatched, retracted, corrected, pending, shown: verdicts.length - pending };
}

export function digits(n: number, lang: Language): string {
  return localDigits(n, lang);
}
