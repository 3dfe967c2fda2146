import { describe, expect, it } from 'vitest';
import { formatCeremonyDate, localDigits, ordinal, placeLabel } from '../../shared/format';
import { pickText } from '../../shared/text';

describe('formatting', () => {
  it('writes the seed date in the Jalali calendar with Persian digits, and in the Gregorian calendar in English', () => {
    expect(formatCeremonyDate('2021-02-23', 'fa')).toBe('سه‌شنبه ۵ اسفند ۱۳۹۹');
    expect(formatCeremonyDate('2021-02-23', 'en')).toBe('Tuesday 23 February 2021');
  });

  it('writes places and digits per language', () => {
    expect(placeLabel(4, 'fa')).toBe('رتبه چهارم');
    expect(placeLabel(4, 'en')).toBe('4th place');
    expect([1, 2, 3, 11, 12, 13, 21, 22].map((n) => ordinal(n, 'en'))).toEqual(['1st', '2nd', '3rd', '11th', '12th', '13th', '21st', '22nd']);
    expect(localDigits('90 / 1399', 'fa')).toBe('۹۰ / ۱۳۹۹');
    expect(localDigits(90, 'en')).toBe('90');
  });

  it('falls back to the other language when a text lacks one', () => {
    expect(pickText({ en: 'only English' }, 'fa')).toBe('only English');
    expect(pickText({ fa: 'فقط فارسی' }, 'en')).toBe('فقط فارسی');
  });
});
