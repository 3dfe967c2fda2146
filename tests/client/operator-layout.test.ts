import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { asciiNumber } from '../../client/lib/local-number';
import { runOfShowScrollTop } from '../../client/lib/run-of-show-scroll';
import { categoryStanding } from '../../client/lib/ceremony-view';
import { ONE_COLUMN_ROWS, summaryRows } from '../../client/lib/stage-fit';
import ChannelsPanel from '../../client/pages/operator/ChannelsPanel.svelte';
import { TestRun, variantDefinition } from './fixtures';

const channels = { hall: { id: 'hall', name: { fa: 'سالن', en: 'Hall' }, delayMs: 0 }, stream: { id: 'stream', name: { fa: 'پخش زنده', en: 'Live stream' }, delayMs: 20_000 } };

describe('Channels panel: delays in the console’s digits', () => {
  it('shows Persian digits in Persian, and takes Persian or Latin digits as typed', async () => {
    const onsave = vi.fn();
    render(ChannelsPanel, { channels, lang: 'fa', onsave });
    const stream = screen.getByLabelText('تأخیر پخش زنده (ثانیه)') as HTMLInputElement;
    expect(stream.value).toBe('۲۰');
    expect((screen.getByLabelText('تأخیر سالن (ثانیه)') as HTMLInputElement).value).toBe('۰');

    await fireEvent.input(stream, { target: { value: '۱2٫5' } });
    expect(stream.value).toBe('۱۲.۵');
    await fireEvent.submit(stream.form!);
    expect(onsave).toHaveBeenCalledWith('stream', 12_500);
  });

  it('shows Latin digits in English and refuses what is not a delay', async () => {
    const onsave = vi.fn();
    render(ChannelsPanel, { channels, lang: 'en', onsave });
    const stream = screen.getByLabelText('Delay of Live stream (seconds)') as HTMLInputElement;
    expect(stream.value).toBe('20');
    await fireEvent.input(stream, { target: { value: '۳۰۰' } });
    expect(stream.value).toBe('300');
    expect(stream.getAttribute('aria-invalid')).toBe('true');
    expect((stream.form!.querySelector('button[type=submit]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('reads every digit and decimal separator one character for one', () => {
    expect(asciiNumber('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(asciiNumber('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(asciiNumber('۲٫۵')).toBe('2.5');
    expect(asciiNumber('2,5')).toBe('2.5');
    expect(asciiNumber('x۱')).toBe('x1');
  });
});

describe('Run of show: the current and next cue stay in view', () => {
  const rows = Array.from({ length: 20 }, (_, i) => ({ top: i * 40, bottom: i * 40 + 36 }));

  it('leaves the list alone when both are in view', () => {
    expect(runOfShowScrollTop(rows, { scrollTop: 0, height: 400 }, 3, 4)).toBeNull();
  });

  it('brings them in with the cue before them as context', () => {
    expect(runOfShowScrollTop(rows, { scrollTop: 0, height: 400 }, 12, 13)).toBe(11 * 40);
    expect(runOfShowScrollTop(rows, { scrollTop: 600, height: 400 }, 1, 2)).toBe(0);
  });

  it('after a jump far away, the next cue wins', () => {
    expect(runOfShowScrollTop(rows, { scrollTop: 0, height: 200 }, 2, 18)).toBe(18 * 40);
    // Before the first cue, and after the last.
    expect(runOfShowScrollTop(rows, { scrollTop: 400, height: 200 }, -1, 0)).toBe(0);
    expect(runOfShowScrollTop(rows, { scrollTop: 0, height: 200 }, 19, 20)).toBe(18 * 40);
  });
});

describe('Stage: a category summary fits 16:9', () => {
  it('counts a row per recipient (ties too), per pending place and per mention, and goes to two columns past a few', () => {
    const seed = new TestRun();
    const g2g = seed.state.ceremony.categories.find((c) => c.id === 'g2g')!;
    expect(summaryRows(categoryStanding(seed.state, g2g))).toBe(4);
    expect(summaryRows(categoryStanding(seed.state, g2g)) > ONE_COLUMN_ROWS).toBe(false);

    // A tie at the third place and a mention, all revealed: 4 places, 5 names, a mention and its heading.
    const variant = new TestRun(variantDefinition());
    variant.goThrough('g2g/summary');
    const tied = variant.state.ceremony.categories.find((c) => c.id === 'g2g')!;
    expect(summaryRows(categoryStanding(variant.state, tied))).toBe(7);
    expect(summaryRows(categoryStanding(variant.state, tied)) > ONE_COLUMN_ROWS).toBe(true);
  });
});
