import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import DatePicker from '../../client/pages/studio/DatePicker.svelte';

function picker(lang: 'fa' | 'en', value = '2021-02-23') {
  const onchange = vi.fn<(value: string) => void>();
  const view = render(DatePicker, { value, label: lang === 'fa' ? 'تاریخ' : 'Date', lang, id: 'date', onchange });
  return { onchange, ...view };
}

const focusedDay = () => (document.activeElement as HTMLElement | null)?.dataset.date;
const key = (name: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(document.activeElement!, { key: name, ...init });

describe('[S32] the studio date picker', () => {
  it('[S32] in Persian shows Esfand 1399 as a Jalali month from Saturday, with 5 Esfand = 2021-02-23 chosen, and both calendars beside the field', async () => {
    picker('fa');
    expect(document.querySelector('#date-both')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('۵ اسفند ۱۳۹۹ · ۲۳ فوریهٔ ۲۰۲۱');
    await fireEvent.click(screen.getByRole('button', { name: 'انتخاب تاریخ از تقویم' }));
    const dialog = screen.getByRole('dialog', { name: 'اسفند ۱۳۹۹' });
    expect(dialog.getAttribute('dir')).toBe('rtl');
    const grid = within(dialog).getByRole('grid');
    const headers = within(grid).getAllByRole('columnheader').map((h) => h.getAttribute('abbr'));
    expect(headers[0]).toBe('شنبه');
    expect(headers[6]).toBe('جمعه');
    const chosen = grid.querySelector<HTMLElement>('[data-date="2021-02-23"]')!;
    expect(chosen.textContent?.trim()).toBe('۵');
    expect(chosen.getAttribute('aria-selected')).toBe('true');
    expect(chosen.getAttribute('aria-label')).toBe('۵ اسفند ۱۳۹۹');
    expect(document.activeElement).toBe(chosen);
    // 1 Esfand 1399 was a Friday (the last column); the month has 30 days (1399 was a leap year).
    const firstWeek = within(grid).getAllByRole('row')[1]!;
    expect(firstWeek.querySelectorAll('td')[6]!.dataset.date).toBe('2021-02-19');
    expect(grid.querySelectorAll('td[data-date]')).toHaveLength(30);
  }, 30_000);

  it('[S32] in Persian the arrows follow the right-to-left grid; PageUp/PageDown change month, Home/End the week, Enter chooses', async () => {
    const { onchange } = picker('fa');
    await fireEvent.click(screen.getByRole('button', { name: 'انتخاب تاریخ از تقویم' }));
    await key('ArrowLeft');
    expect(focusedDay()).toBe('2021-02-24');
    await key('ArrowRight');
    await key('ArrowRight');
    expect(focusedDay()).toBe('2021-02-22');
    await key('ArrowDown');
    expect(focusedDay()).toBe('2021-03-01');
    await key('ArrowUp');
    expect(focusedDay()).toBe('2021-02-22');
    await key('Home');
    expect(focusedDay()).toBe('2021-02-20'); // Saturday
    await key('End');
    expect(focusedDay()).toBe('2021-02-26'); // Friday, 8 Esfand
    await key('PageDown');
    expect(screen.getByRole('dialog', { name: 'فروردین ۱۴۰۰' })).toBeTruthy();
    expect(focusedDay()).toBe('2021-03-28'); // 8 Farvardin 1400
    await key('PageUp');
    await key('PageUp');
    expect(screen.getByRole('dialog', { name: 'بهمن ۱۳۹۹' })).toBeTruthy();
    expect(focusedDay()).toBe('2021-01-27'); // 8 Bahman 1399
    await key('PageDown', { shiftKey: true });
    expect(screen.getByRole('dialog', { name: 'بهمن ۱۴۰۰' })).toBeTruthy();
    await key('Enter');
    expect(onchange).toHaveBeenCalledWith('2022-01-28'); // 8 Bahman 1400
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'انتخاب تاریخ از تقویم' }));
  }, 30_000);

  it('[S32] in English shows the Gregorian month from Monday; Escape closes without choosing', async () => {
    const { onchange } = picker('en');
    expect(document.querySelector('#date-both')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('23 February 2021 · 5 Esfand 1399');
    const opener = screen.getByRole('button', { name: 'Choose the Date from a calendar' });
    await fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'February 2021' });
    expect(dialog.getAttribute('dir')).toBe('ltr');
    expect(within(dialog).getAllByRole('columnheader')[0]!.getAttribute('abbr')).toBe('Monday');
    expect(within(dialog).getAllByRole('row')[1]!.querySelectorAll('td')[0]!.dataset.date).toBe('2021-02-01');
    await key('ArrowRight');
    expect(focusedDay()).toBe('2021-02-24');
    await key('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onchange).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(opener);
  }, 30_000);

  it('[S32] typed Persian digits become the ISO date of the definition; a click on a day chooses it', async () => {
    const { onchange } = picker('fa', '');
    await fireEvent.input(screen.getByLabelText('تاریخ'), { target: { value: '۲۰۲۱-۰۲-۲۳' } });
    expect(onchange).toHaveBeenLastCalledWith('2021-02-23');
    await fireEvent.click(screen.getByRole('button', { name: 'انتخاب تاریخ از تقویم' }));
    const day = document.querySelector<HTMLElement>('[role="gridcell"][data-date]')!;
    await fireEvent.click(day);
    expect(onchange).toHaveBeenLastCalledWith(day.dataset.date);
  }, 30_000);
});
