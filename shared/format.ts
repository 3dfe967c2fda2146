import type { Language } from './text';

const persianDigits = ['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'];

/** Writes ASCII digits as Persian digits (۰–۹) when lang is fa. */
export function localDigits(value: string | number, lang: Language): string {
  const s = String(value);
  return lang === 'fa' ? s.replace(/[0-9]/g, (d) => persianDigits[Number(d)]!) : s;
}

const faOrdinals = [
  'اول', 'دوم', 'سوم', 'چهارم', 'پنجم', 'ششم', 'هفتم', 'هشتم', 'نهم', 'دهم',
  'یازدهم', 'دوازدهم', 'سیزدهم', 'چهاردهم', 'پانزدهم', 'شانزدهم', 'هفدهم', 'هجدهم', 'نوزدهم', 'بیستم',
];

/** "4th" in English, «چهارم» in Persian. */
export function ordinal(n: number, lang: Language): string {
  if (lang === 'fa') return faOrdinals[n - 1] ?? `${localDigits(n, 'fa')}م`;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** «رتبه چهارم» / "4th place". */
export function placeLabel(place: number, lang: Language): string {
  return lang === 'fa' ? `رتبه ${ordinal(place, 'fa')}` : `${ordinal(place, 'en')} place`;
}

/**
 * A calendar date (YYYY-MM-DD, the ceremony's local date) in the Jalali calendar with Persian
 * digits for fa («سه‌شنبه ۵ اسفند ۱۳۹۹»), in the Gregorian calendar for en ("Tuesday 23 February 2021").
 */
export function formatCeremonyDate(isoDate: string, lang: Language): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  // Noon UTC of that calendar day, formatted in UTC: the day never shifts with a time zone.
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  const locale = lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB';
  const parts = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** A clock time (HH:MM) with Persian digits in fa. */
export function formatClock(epochMs: number, timeZone: string, lang: Language): string {
  const s = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone }).format(
    new Date(epochMs),
  );
  return localDigits(s, lang);
}
