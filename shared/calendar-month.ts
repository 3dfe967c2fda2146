import type { Language } from './text';

/**
 * Calendar days for the studio's date picker, in the Jalali (Persian) or the Gregorian calendar.
 * A day is always an ISO date (YYYY-MM-DD, Gregorian), as the definition writes it; the Jalali
 * year, month and day of it come from Intl (`u-ca-persian`), so no conversion table is kept here.
 */
export type CalendarKind = 'persian' | 'gregory';

/** The calendar a page shows: Jalali in Persian, Gregorian in English. */
export function calendarOf(lang: Language): CalendarKind {
  return lang === 'fa' ? 'persian' : 'gregory';
}

/** A day in a calendar: year, month (1–12) and day of month, with ASCII digits. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day written as YYYY-MM-DD (not 2021-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Noon UTC of a calendar day, read in UTC: the day never shifts with a time zone.
function noon(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
}

function isoOf(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** The day `days` after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  const date = noon(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return isoOf(date);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return noon(iso).getUTCDay();
}

const persianParts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });

/** The year, month and day of `iso` in `calendar` (2021-02-23 is 1399/12/5 in the Jalali calendar). */
export function calendarDay(iso: string, calendar: CalendarKind): CalendarDay {
  if (calendar === 'gregory') {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    return { year, month, day };
  }
  const parts = persianParts.formatToParts(noon(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** The first day of the month `iso` is in. */
export function monthStart(iso: string, calendar: CalendarKind): string {
  return addDays(iso, 1 - calendarDay(iso, calendar).day);
}

/** How many days the month `iso` is in has (29–31). */
export function monthLength(iso: string, calendar: CalendarKind): number {
  const start = monthStart(iso, calendar);
  const month = calendarDay(start, calendar).month;
  let length = 28;
  while (length < 31 && calendarDay(addDays(start, length), calendar).month === month) length += 1;
  return length;
}

/** The same day of the month `months` later (earlier when negative), or that month's last day. */
export function addMonths(iso: string, months: number, calendar: CalendarKind): string {
  const day = calendarDay(iso, calendar).day;
  let start = monthStart(iso, calendar);
  for (let i = 0; i < Math.abs(months); i += 1) {
    start = months > 0 ? addDays(start, monthLength(start, calendar)) : monthStart(addDays(start, -1), calendar);
  }
  return addDays(start, Math.min(day, monthLength(start, calendar)) - 1);
}

/** The first day of a week: Saturday in Persian, Monday in English. */
export function weekStart(lang: Language): number {
  return lang === 'fa' ? 6 : 1;
}

/**
 * The month of `iso` as weeks of seven days for a grid: each row a week from `weekStart`, the
 * days outside the month null.
 */
export function monthWeeks(iso: string, calendar: CalendarKind, firstWeekday: number): (string | null)[][] {
  const start = monthStart(iso, calendar);
  const length = monthLength(start, calendar);
  const lead = (weekday(start) - firstWeekday + 7) % 7;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length }, (_, i) => addDays(start, i))];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The first and last day of the week `iso` is in. */
export function weekBounds(iso: string, firstWeekday: number): [string, string] {
  const first = addDays(iso, -((weekday(iso) - firstWeekday + 7) % 7));
  return [first, addDays(first, 6)];
}

function formatter(lang: Language, calendar: CalendarKind, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = lang === 'fa' ? `fa-IR-u-ca-${calendar}` : `en-GB-u-ca-${calendar}`;
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
}

function partsOf(iso: string, lang: Language, calendar: CalendarKind, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const parts = formatter(lang, calendar, options).formatToParts(noon(iso));
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

/** «۵ اسفند ۱۳۹۹», "23 February 2021", "5 Esfand 1399" (no era): a day in a calendar, in a language. */
export function formatCalendarDate(iso: string, lang: Language, calendar: CalendarKind): string {
  const p = partsOf(iso, lang, calendar, { day: 'numeric', month: 'long', year: 'numeric' });
  return `${p.day} ${p.month} ${p.year}`;
}

/** «اسفند ۱۳۹۹», "February 2021": the month a grid shows. */
export function formatMonth(iso: string, lang: Language, calendar: CalendarKind): string {
  const p = partsOf(iso, lang, calendar, { month: 'long', year: 'numeric' });
  return `${p.month} ${p.year}`;
}

/** The day of the month in the page's digits («۵», "5"). */
export function formatDayNumber(iso: string, lang: Language, calendar: CalendarKind): string {
  return partsOf(iso, lang, calendar, { day: 'numeric' }).day ?? '';
}

/** The names of the week's days from `firstWeekday`, short («ش», "Mon") and long («شنبه», "Monday"). */
export function weekdayNames(lang: Language, firstWeekday: number): { short: string; long: string }[] {
  const locale = lang === 'fa' ? 'fa-IR' : 'en-GB';
  const short = new Intl.DateTimeFormat(locale, { weekday: lang === 'fa' ? 'narrow' : 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2021-02-21 was a Sunday (weekday 0).
  return Array.from({ length: 7 }, (_, i) => {
    const date = noon(addDays('2021-02-21', (firstWeekday + i) % 7));
    return { short: short.format(date), long: long.format(date) };
  });
}
