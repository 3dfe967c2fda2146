import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import StudioDetails from '../../client/pages/studio/StudioDetails.svelte';
import { fakeStudio } from './studio-fakes';

describe('[S32] the studio details page', () => {
  it('[S32] edits the definition in place: title, date, time zone (checked as typed), participants, video link, screens language', async () => {
    const { studio } = fakeStudio();
    await studio.start('sample-awards', 'details');
    render(StudioDetails, { studio, lang: 'en' });
    await fireEvent.input(screen.getByLabelText('Title (English)'), { target: { value: 'Renamed awards' } });
    expect(studio.definition.title?.en).toBe('Renamed awards');
    expect(studio.saveState).toBe('unsaved');

    await fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2026-05-01' } });
    expect(studio.definition.date).toBe('2026-05-01');
    expect(document.querySelector('#details-date-both')?.textContent).toContain('1 May 2026');

    await fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'other' } });
    await fireEvent.input(screen.getByLabelText('Time zone (IANA)'), { target: { value: 'Mars/Olympus' } });
    expect(screen.getByText('expected an IANA time zone such as "Asia/Tehran", got "Mars/Olympus"')).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Time zone (IANA)'), { target: { value: 'Europe/Amsterdam' } });
    expect(screen.queryByText(/expected an IANA time zone/)).toBeNull();
    expect(studio.definition.timeZone).toBe('Europe/Amsterdam');

    await fireEvent.input(screen.getByLabelText('Number of participants'), { target: { value: '۱۲' } });
    expect(studio.definition.participants?.count).toBe(12);

    await fireEvent.input(screen.getByLabelText('Meeting link'), { target: { value: 'not a link' } });
    expect(screen.getByText(/^expected an http\(s\) URL/)).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Meeting link'), { target: { value: '' } });
    await fireEvent.input(screen.getByLabelText('Provider'), { target: { value: '' } });
    await fireEvent.input(screen.getByLabelText('Link text (English)'), { target: { value: '' } });
    await fireEvent.input(screen.getByLabelText('Link text (Persian)'), { target: { value: '' } });
    expect(studio.definition.videoConference).toBeUndefined();

    await fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(studio.definition.defaultLanguage).toBe('en');
    expect(studio.problems).toEqual([]);
  }, 30_000);

  it('[S32] every field is disabled for a role that may not edit', async () => {
    const { studio } = fakeStudio({ capabilities: ['console.view'] });
    await studio.start('sample-awards', 'details');
    render(StudioDetails, { studio, lang: 'fa' });
    const fields = [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button')];
    expect(fields.length).toBeGreaterThan(15);
    expect(fields.filter((f) => !f.disabled).map((f) => f.outerHTML)).toEqual([]);
  });
});
