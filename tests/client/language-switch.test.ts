import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import LanguageSwitch from '../../client/components/LanguageSwitch.svelte';
import { CeremonyFeed } from '../../client/lib/ceremony-feed.svelte';
import { Locale } from '../../client/lib/locale.svelte';
import AudiencePage from '../../client/pages/AudiencePage.svelte';
import { seedDefinition, TestRun } from './fixtures';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v), values };
}

describe('LanguageSwitch', () => {
  beforeEach(() => {
    document.documentElement.lang = '';
    document.documentElement.dir = '';
  });

  it('starts in Persian, right to left', () => {
    const locale = new Locale({ storage: memoryStorage(), root: document.documentElement });
    render(LanguageSwitch, { locale });

    expect(document.documentElement.lang).toBe('fa');
    expect(document.documentElement.dir).toBe('rtl');
    expect(screen.getByRole('button').textContent!.trim()).toBe('English');
  });

  it('switches the page to English and back: lang, dir, texts and date, and remembers it', async () => {
    const storage = memoryStorage();
    const locale = new Locale({ storage, root: document.documentElement });
    const feed = new CeremonyFeed();
    feed.applySnapshot(new TestRun().goThrough('g2g/place-4'));
    const { container } = render(AudiencePage, { feed, locale, actions: { react() {}, setNudge() {}, setLocation() {} } });

    expect(container.querySelector('h1')!.textContent).toBe('اختتامیه دومین دوره جایزه دولت الکترونیک');
    expect(container.textContent).toContain('۹۰ دستگاه اجرایی');
    expect(container.querySelector('time')!.textContent).toContain('اسفند');
    expect(container.querySelector('time')!.textContent).toContain('۱۳۹۹');

    await fireEvent.click(screen.getByRole('button', { name: /English/ }));

    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
    expect(storage.values.get('podium.lang')).toBe('en');
    expect(container.querySelector('h1')!.textContent).toBe('Closing ceremony of the 2nd e-Government Award');
    expect(container.textContent).toContain('90 executive agencies');
    expect(container.querySelector('time')!.textContent).toBe('Tuesday 23 February 2021');
    expect(container.querySelector('.reveal-card')!.textContent).toContain('4th place');
    expect(screen.getByRole('button', { name: /فارسی/ }).textContent!.trim()).toBe('فارسی');

    await fireEvent.click(screen.getByRole('button', { name: /فارسی/ }));
    expect(document.documentElement.dir).toBe('rtl');
    expect(container.querySelector('.reveal-card')!.textContent).toContain('رتبه چهارم');
  });

  it('follows ?lang=en over the remembered choice, and the remembered choice over the default', () => {
    expect(new Locale({ storage: memoryStorage({ 'podium.lang': 'fa' }), root: null, urlLang: 'en' }).lang).toBe('en');
    expect(new Locale({ storage: memoryStorage({ 'podium.lang': 'en' }), root: null }).lang).toBe('en');
    expect(new Locale({ storage: memoryStorage(), root: null, urlLang: 'de' }).lang).toBe('fa');
  });
  it("opens an English-only ceremony's screen in English, unless the viewer chose a language", () => {
    const english = { ...seedDefinition(), defaultLanguage: 'en' as const };
    const feed = new CeremonyFeed();
    feed.applySnapshot(new TestRun(english).state);
    const fresh = new Locale({ storage: memoryStorage(), root: document.documentElement });
    const { unmount } = render(AudiencePage, { feed, locale: fresh, actions: { react() {}, setNudge() {}, setLocation() {} } });
    expect(fresh.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
    unmount();

    const chosePersian = new Locale({ storage: memoryStorage({ 'podium.lang': 'fa' }), root: document.documentElement });
    render(AudiencePage, { feed, locale: chosePersian, actions: { react() {}, setNudge() {}, setLocation() {} } });
    expect(chosePersian.lang).toBe('fa');
  });
});
