import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser, screenshotPath } from '../helpers/browser';
import { seedCeremony } from '../helpers/ceremony-harness';
import { buildCues } from '../../shared/cues';
import { PASSCODE } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
const g2g = seedCeremony().categories[0]!;
const byPlace = new Map(g2g.kind === 'ranked' ? g2g.results.map((r) => [r.place, r.recipient.name.fa!]) : []);

const env = serverAndBrowser();

/** The recipient names an audience page shows as results or reveals (not the speech's role text). */
const shownNames = (page: Page) => page.locator('.reveal-card .name, .results-list .name').allInnerTexts();

describe('the seed ceremony in Chromium', () => {
  it('[S3][S10] the operator presses GO through the ceremony; the audience shows each reveal in order, in Persian, RTL, in Vazirmatn', async () => {
    const operator = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const audience = await env.browser.newPage({ viewport: { width: 420, height: 900 } });
    const stage = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });

    await audience.goto(`${env.server.url}/`);
    const keys = env.server.server.auth;
    await stage.goto(`${env.server.url}/stage/${SEED}?k=${keys.screenKey(SEED, 'stage')}`);
    const overlay = await env.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await overlay.goto(`${env.server.url}/overlay/${SEED}?background=%2300ff00&k=${keys.screenKey(SEED, 'overlay')}`);
    await operator.goto(`${env.server.url}/operator?ceremony=${SEED}`);
    await operator.locator('#passcode').fill(PASSCODE);
    await operator.locator('form.login button[type=submit]').click();
    const go = operator.locator('button.go');
    await go.waitFor();
    await expect.poll(() => go.isEnabled()).toBe(true);

    // Persian first: lang, direction, Jalali date with Persian digits, the bundled font.
    await audience.getByText('سه‌شنبه ۵ اسفند ۱۳۹۹').waitFor();
    expect(await audience.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fa', 'rtl']);
    await audience.screenshot({ path: screenshotPath('audience-fa-before'), animations: 'disabled' });
    await stage.screenshot({ path: screenshotPath('stage-fa-idle'), animations: 'disabled' });

    const revealed: number[] = [];
    const nextSection = operator.locator('section.card.next');
    for (const [step, cue] of buildCues(seedCeremony()).entries()) {
      // The console shows this cue as next, GO is ready; no unrevealed name is on the audience page.
      await expect.poll(() => nextSection.innerText()).toContain(cue.label.fa!);
      await expect.poll(() => go.isEnabled()).toBe(true);
      const before = await shownNames(audience);
      for (const [place, name] of byPlace) if (!revealed.includes(place)) expect(before).not.toContain(name);
      if (step === 4) await operator.screenshot({ path: screenshotPath('operator-fa-next-reveal'), animations: 'disabled' });
      await go.click();
      if (cue.slot?.kind === 'place') {
        const place = cue.slot.place;
        revealed.push(place);
        await expect.poll(() => audience.locator('.reveal-card .name').allInnerTexts()).toEqual([byPlace.get(place)]);
        await audience.screenshot({ path: screenshotPath(`audience-fa-place-${place}`), animations: 'disabled' });
        if (place === 3) {
          await stage.screenshot({ path: screenshotPath('stage-fa-reveal'), animations: 'disabled' });
          await overlay.locator('text=' + byPlace.get(3)).waitFor();
          await overlay.screenshot({ path: screenshotPath('overlay-fa-reveal'), animations: 'disabled' });
        }
      }
    }
    await expect.poll(() => go.isEnabled()).toBe(false);
    expect(revealed).toEqual([4, 3, 2, 1]);
    await expect.poll(() => audience.locator('.results-list .name').allInnerTexts()).toEqual([1, 2, 3, 4].map((p) => byPlace.get(p)));

    const font = await audience.evaluate(async () => {
      await document.fonts.ready;
      const name = document.querySelector('.reveal-card .name')!;
      return { family: getComputedStyle(name).fontFamily, loaded: [...document.fonts].some((f) => f.family.includes('Vazirmatn') && f.status === 'loaded') };
    });
    expect(font.family).toContain('Vazirmatn');
    expect(font.loaded).toBe(true);
    expect(await audience.locator('[aria-live]').first().innerText()).toContain(byPlace.get(1));

    await audience.screenshot({ path: screenshotPath('audience-fa-final'), fullPage: true, animations: 'disabled' });
    await operator.screenshot({ path: screenshotPath('operator-fa-final'), animations: 'disabled' });

    // English is one click away: LTR, Gregorian date.
    await audience.locator('button', { hasText: 'English' }).first().click();
    await audience.getByText('Tuesday 23 February 2021').waitFor();
    expect(await audience.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    await audience.screenshot({ path: screenshotPath('audience-en-final'), fullPage: true, animations: 'disabled' });

  });
});
