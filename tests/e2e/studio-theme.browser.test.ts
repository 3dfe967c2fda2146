import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser, screenshotPath } from '../helpers/browser';
import { PASSCODE } from '../helpers/server-harness';

const env = serverAndBrowser();
const SAMPLE = 'sample-awards';

async function signedIn(size = { width: 1366, height: 900 }): Promise<Page> {
  const page = await env.browser.newPage({ viewport: size });
  await page.goto(`${env.server.url}/operator`);
  await page.locator('#passcode').fill(PASSCODE);
  await page.locator('form.login button[type=submit]').click();
  await page.locator('button.go').waitFor();
  return page;
}

/** The theme of the draft the server keeps. */
const savedTheme = (page: Page) =>
  page.evaluate(async (id) => {
    const answer = await fetch(`/api/studio/ceremonies/${id}/draft`);
    return ((await answer.json()) as { definition: { theme?: unknown } }).definition.theme ?? null;
  }, SAMPLE);

describe('[S32] the studio Theme tab in Chromium', () => {
  it('a preset is chosen and saved; a colour that fails WCAG AA is named with both colours and its ratio and not saved; a passing one is saved', async () => {
    const page = await signedIn();
    await page.goto(`${env.server.url}/operator/studio?ceremony=${SAMPLE}&tab=theme`);
    await page.getByRole('tab', { name: 'ظاهر', selected: true }).waitFor();

    await page.getByRole('button', { name: /^.*رسمی/ }).click();
    await expect.poll(() => page.locator('button.preset[data-preset="civic"]').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => savedTheme(page)).toEqual({ preset: 'civic' });
    await page.locator('#theme-contrast .passes').waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: screenshotPath('studio-theme-fa'), fullPage: true, animations: 'disabled' });

    // Dark text on the civic theme's deep blue: refused, said with the pair, both colours and the ratio.
    await page.locator('#theme-primary-hex').fill('#1a2b3c');
    const problem = page.locator('#theme-contrast .problem').first();
    await expect.poll(() => problem.innerText()).toContain('تضاد رنگ کافی نیست');
    const text = await page.locator('#theme-contrast').innerText();
    expect(text).toContain('#1a2b3c');
    expect(text).toContain('#0a2342');
    expect(text).toMatch(/نسبت [۰-۹٫.]+ به ۱/);
    expect(await page.locator('#theme-contrast .not-saved').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('studio-theme-fa-contrast-fails'), fullPage: true, animations: 'disabled' });
    await page.locator('[data-save-state="saved"]').waitFor();
    expect(await savedTheme(page)).toEqual({ preset: 'civic' });

    // A half-typed colour is not a colour yet: said at the field, nothing changes.
    await page.locator('#theme-primary-hex').fill('#f0f4');
    await expect.poll(() => page.locator('#theme-primary-hint').innerText()).toContain('#rrggbb');

    await page.locator('#theme-primary-hex').fill('#f0f4f8');
    await page.locator('#theme-contrast .passes').waitFor();
    await expect.poll(() => savedTheme(page)).toEqual({ preset: 'civic', primary: '#f0f4f8' });

    await page.getByLabel('English').click();
    await page.getByRole('tab', { name: 'Theme', selected: true }).waitFor();
    await page.locator('#theme-accent-hex').fill('#0b2a40');
    await expect.poll(() => page.locator('#theme-contrast').innerText()).toContain('too little contrast (WCAG AA)');
    await page.screenshot({ path: screenshotPath('studio-theme-en-contrast-fails'), fullPage: true, animations: 'disabled' });
    await page.locator('#theme-accent-hex').fill('#7dd3c8');
    await page.locator('#theme-contrast .passes').waitFor();
    await page.screenshot({ path: screenshotPath('studio-theme-en'), fullPage: true, animations: 'disabled' });
    await page.close();
  });
});
