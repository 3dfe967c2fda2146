import { describe, expect, it } from 'vitest';
import {
  addMonths,
  calendarDay,
  formatCalendarDate,
  formatMonth,
  isIsoDate,
  monthLength,
  monthStart,
  monthWeeks,
  weekBounds,
  weekdayNames,
} from '../../shared/calendar-month';

describe('calendar months for the studio date picker', () => {
  it('reads a Gregorian day in the Jalali calendar (2021-02-23 is 5 Esfand 1399)', () => {
    expect(calendarDay('2021-02-23', 'persian')).toEqual({ year: 1399, month: 12, day: 5 });
    expect(calendarDay('2021-03-21', 'persian')).toEqual({ year: 1400, month: 1, day: 1 });
    expect(calendarDay('2021-02-23', 'gregory')).toEqual({ year: 2021, month: 2, day: 23 });
  });

  it('knows the length and first day of a month in both calendars (1399 is a leap year: Esfand has 30 days)', () => {
    expect(monthStart('2021-02-23', 'persian')).toBe('2021-02-19');
    expect(monthLength('2021-02-23', 'persian')).toBe(30);
    expect(monthLength('2022-02-23', 'persian')).toBe(29);
    expect(monthLength('2021-04-10', 'persian')).toBe(31);
    expect(monthLength('2024-02-10', 'gregory')).toBe(29);
    expect(monthLength('2021-02-10', 'gregory')).toBe(28);
  });

  it('moves by months to the same day, or the last day of a shorter month', () => {
    expect(addMonths('2021-02-23', 1, 'persian')).toBe('2021-03-25'); // 5 Farvardin 1400
    expect(addMonths('2021-02-23', -1, 'persian')).toBe('2021-01-24'); // 5 Bahman 1399
    expect(addMonths('2021-01-31', 1, 'gregory')).toBe('2021-02-28');
    expect(addMonths('2021-03-31', -1, 'gregory')).toBe('2021-02-28');
    expect(addMonths('2021-02-23', 12, 'gregory')).toBe('2022-02-23');
  });

  it('lays Esfand 1399 out in weeks from Saturday, with 5 Esfand on a Tuesday', () => {
    const weeks = monthWeeks('2021-02-23', 'persian', 6);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]![6]).toBe('2021-02-19'); // 1 Esfand was a Friday: the last column of the first week
    const row = weeks.find((w) => w.includes('2021-02-23'))!;
    expect(row.indexOf('2021-02-23')).toBe(3); // Sat, Sun, Mon, Tue
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
  });

  it('lays a Gregorian month out from Monday', () => {
    const weeks = monthWeeks('2021-02-23', 'gregory', 1);
    expect(weeks[0]![0]).toBe('2021-02-01'); // 1 February 2021 was a Monday
    expect(weeks).toHaveLength(4);
    expect(weekBounds('2021-02-23', 1)).toEqual(['2021-02-22', '2021-02-28']);
    expect(weekBounds('2021-02-23', 6)).toEqual(['2021-02-20', '2021-02-26']);
  });

  it('writes dates and months in each language and calendar', () => {
    expect(formatCalendarDate('2021-02-23', 'fa', 'persian')).toBe('۵ اسفند ۱۳۹۹');
    expect(formatCalendarDate('2021-02-23', 'en', 'gregory')).toBe('23 February 2021');
    expect(formatCalendarDate('2021-02-23', 'en', 'persian')).toBe('5 Esfand 1399');
    expect(formatMonth('2021-02-23', 'fa', 'persian')).toBe('اسفند ۱۳۹۹');
    expect(formatMonth('2021-02-23', 'en', 'gregory')).toBe('February 2021');
    expect(weekdayNames('fa', 6)[0]!.long).toBe('شنبه');
    expect(weekdayNames('en', 1)[0]!.short).toBe('Mon');
  });

  it('accepts only real days as ISO dates', () => {
    expect(isIsoDate('2021-02-23')).toBe(true);
    expect(isIsoDate('2021-02-30')).toBe(false);
    expect(isIsoDate('2021-2-3')).toBe(false);
  });
});
