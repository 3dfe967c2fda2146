import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import StudioCeremonies from '../../client/pages/studio/StudioCeremonies.svelte';
import { fakeStudio, listed } from './studio-fakes';

const ceremonies = () => [
  listed('sample-awards', { published: { version: 3, hash: 'h' }, draft: { revision: 4, updatedAt: Date.UTC(2021, 1, 23, 8, 30), updatedBy: 'Sara', basedOn: 3 }, liveStarted: true }),
  listed('old-awards', { archived: true, title: { en: 'Old awards' } }),
];

describe('[S32] the studio ceremonies page', () => {
  it('[S32] lists the ceremonies with date, version, draft and live mark; the archived ones apart; archives through the API', async () => {
    const { studio, sent } = fakeStudio({ ceremonies: ceremonies() });
    await studio.start(null, 'ceremonies');
    render(StudioCeremonies, { studio, lang: 'fa' });
    const row = document.querySelector<HTMLElement>('tr[data-ceremony="sample-awards"]')!;
    expect(row.textContent).toContain('۵ اسفند ۱۳۹۹');
    expect(row.textContent).toContain('نسخهٔ ۳');
    expect(row.textContent).toContain('Sara');
    expect(row.textContent).toContain('اجرای زنده آغاز شده');
    const archived = screen.getByText('بایگانی‌شده‌ها (۱)', { selector: 'summary' }).closest('details')!;
    expect(archived.open).toBe(false);
    expect(within(archived).getByText('Old awards')).toBeTruthy();
    await fireEvent.click(within(row).getByRole('button', { name: 'بایگانی' }));
    await waitFor(() => expect(sent.some((r) => r.path === '/api/studio/ceremonies/sample-awards/archive' && (r.body as { archived: boolean }).archived)).toBe(true));
    await waitFor(() => expect(screen.getByText('بایگانی‌شده‌ها (۲)', { selector: 'summary' })).toBeTruthy());
    const link = within(document.querySelector<HTMLElement>('tr[data-ceremony="old-awards"]')!).getByRole('link', { name: 'دریافت JSON' });
    expect(link.getAttribute('href')).toBe('/api/studio/ceremonies/old-awards/export?which=draft');
  }, 30_000);

  it('[S32] refuses an id the schema refuses, with its message, and creates a copy of the chosen ceremony', async () => {
    const { studio, sent } = fakeStudio({ ceremonies: ceremonies() });
    await studio.start(null, 'ceremonies');
    render(StudioCeremonies, { studio, lang: 'en' });
    const id = screen.getByLabelText('Ceremony id');
    await fireEvent.input(id, { target: { value: 'Bad Id' } });
    expect(screen.getByText(/^expected an id of lowercase letters, digits and dashes/)).toBeTruthy();
    await fireEvent.input(id, { target: { value: 'sample-awards' } });
    expect(screen.getByText('Another ceremony has this id.')).toBeTruthy();
    await fireEvent.input(id, { target: { value: 'awards-2026' } });
    await fireEvent.click(screen.getByLabelText('A copy of a ceremony'));
    await fireEvent.change(screen.getByLabelText('Ceremony to copy'), { target: { value: 'old-awards' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(studio.ceremonyId).toBe('awards-2026'));
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({ id: 'awards-2026', from: 'duplicate', sourceId: 'old-awards' });
  }, 30_000);

  it('[S32] imports a JSON file into the open draft; a file that is not JSON changes nothing and says so', async () => {
    const { studio } = fakeStudio({ ceremonies: ceremonies() });
    await studio.start('sample-awards', 'ceremonies');
    studio.show('ceremonies');
    render(StudioCeremonies, { studio, lang: 'fa' });
    const input = screen.getByLabelText('گذاشتن یک پروندهٔ JSON به جای پیش‌نویس') as HTMLInputElement;
    const before = JSON.stringify(studio.definition);
    await fireEvent.change(input, { target: { files: [new File(['not json {'], 'broken.json', { type: 'application/json' })] } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('پروندهٔ «broken.json» JSON نیست و چیزی تغییر نکرد.'));
    expect(JSON.stringify(studio.definition)).toBe(before);
    const other = { schemaVersion: 1, id: 'elsewhere', title: { en: 'Imported' }, date: '2026-05-01', timeZone: 'UTC', runOfShow: [{ kind: 'opening', id: 'opening' }], categories: [] };
    await fireEvent.change(input, { target: { files: [new File([JSON.stringify(other)], 'other.json', { type: 'application/json' })] } });
    await waitFor(() => expect(studio.definition.title).toEqual({ en: 'Imported' }));
    expect(studio.definition.id).toBe('sample-awards');
    expect(studio.saveState).toBe('unsaved');
    expect(screen.getByRole('status').textContent).toBe('پروندهٔ «other.json» اکنون پیش‌نویس است (۰ مشکل).');
  }, 30_000);
});
