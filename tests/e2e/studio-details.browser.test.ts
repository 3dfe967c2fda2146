import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser, screenshotPath } from '../helpers/browser';
import { PASSCODE } from '../helpers/server-harness';

const env = serverAndBrowser();

async function signedIn(size = { width: 1366, height: 768 }): Promise<Page> {
  const page = await env.browser.newPage({ viewport: size });
  await page.goto(`${env.server.url}/operator`);
  await page.locator('#passcode').fill(PASSCODE);
  await page.locator('form.login button[type=submit]').click();
  await page.locator('button.go').waitFor();
  return page;
}

const segmentNames = (page: Page) => page.locator('li[data-segment]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));

describe('[S32] the studio ceremonies, details and run of show in Chromium', () => {
  it('[S32] creates a ceremony from the sample, dates it with the Jalali picker, reorders its run of show by keyboard and by mouse; all of it saved', async () => {
    const page = await signedIn();
    await page.getByRole('link', { name: 'استودیو' }).click();
    // The console's link opens its ceremony in the studio; the list of ceremonies is the first tab.
    await page.getByRole('tab', { name: 'مشخصات', selected: true }).waitFor();
    await page.getByRole('tab', { name: 'مراسم‌ها' }).click();
    await page.getByLabel('شناسهٔ مراسم').fill('Bad Id');
    await expect.poll(() => page.locator('#ceremonies-new-problem').innerText()).toContain('شناسه باید از حروف کوچک لاتین');
    await page.getByLabel('شناسهٔ مراسم').fill('studio-e2e');
    await page.getByLabel('نمونهٔ ساختگی').check();
    await page.getByRole('button', { name: 'ساختن' }).click();
    await page.getByRole('tab', { name: 'مشخصات', selected: true }).waitFor();

    // The date, by keyboard in the Jalali calendar: 5 Esfand 1399 is 2021-02-23.
    await page.locator('#details-date').fill('2021-02-22');
    await page.getByRole('button', { name: 'انتخاب تاریخ از تقویم' }).click();
    await page.getByRole('dialog', { name: 'اسفند ۱۳۹۹' }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.screenshot({ path: screenshotPath('studio-fa-date-picker'), animations: 'disabled' });
    await page.getByRole('dialog').screenshot({ path: screenshotPath('studio-fa-date-picker-dialog'), animations: 'disabled' });
    await page.keyboard.press('Enter');
    expect(await page.locator('#details-date').inputValue()).toBe('2021-02-23');
    expect((await page.locator('#details-date-both').innerText()).replace(/\s+/g, ' ')).toBe('۵ اسفند ۱۳۹۹ · ۲۳ فوریهٔ ۲۰۲۱');

    await page.getByRole('tab', { name: 'برنامهٔ اجرا' }).click();
    await page.locator('li[data-segment]').first().waitFor();
    await page.getByLabel('English').click(); // the language switch
    await page.getByRole('heading', { name: 'Cue list' }).waitFor();
    await page.getByLabel('Reorder Speech: Sample Host').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    expect((await segmentNames(page)).slice(0, 4)).toEqual(['Opening: Welcome', 'Category: Best public app', 'Category: Open data project of the year', 'Speech: Sample Host']);

    const from = (await page.getByLabel('Reorder Interlude: Music').boundingBox())!;
    const to = (await page.locator('li[data-segment]').first().boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 20; i += 1) await page.mouse.move(from.x + from.width / 2, from.y + ((to.y + 5 - from.y) * i) / 20);
    await page.mouse.up();
    await expect.poll(() => segmentNames(page).then((names) => names[0])).toBe('Interlude: Music');
    await page.locator('[data-save-state="saved"]').waitFor();

    // What the server kept, as the studio opens it again.
    await page.reload();
    await page.locator('li[data-segment]').first().waitFor();
    expect(await segmentNames(page)).toEqual([
      'Interlude: Music',
      'Opening: Welcome',
      'Category: Best public app',
      'Category: Open data project of the year',
      'Speech: Sample Host',
      'Category: Young designer',
      'Category: Accessibility',
      'Closing (closing)',
    ]);
    await page.getByRole('tab', { name: 'Details' }).click();
    expect(await page.locator('#details-date').inputValue()).toBe('2021-02-23');
    await page.close();
  });

  it('[S32] screenshots of the three pages in Persian and English, on a laptop and a tablet', async () => {
    const page = await signedIn();
    for (const lang of ['fa', 'en'] as const) {
      for (const [width, height] of [[1366, 768], [820, 1180]] as const) {
        await page.setViewportSize({ width, height });
        for (const tab of ['ceremonies', 'details', 'runOfShow'] as const) {
          const ceremony = tab === 'ceremonies' ? '' : 'ceremony=studio-e2e&';
          await page.goto(`${env.server.url}/operator/studio?${ceremony}tab=${tab}&lang=${lang}`);
          await page.locator(tab === 'ceremonies' ? '#ceremonies-new-id' : tab === 'details' ? '#details-date' : 'li[data-segment]').first().waitFor();
          await page.screenshot({ path: screenshotPath(`studio-${lang}-${tab}-${width}`), fullPage: true, animations: 'disabled' });
        }
      }
    }
    await page.close();
  });
});
