import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser, screenshotPath } from '../helpers/browser';
import { getState, login, PASSCODE, postCommand } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
const TO_FIRST_REVEAL = ['opening', 'guest-of-honour', 'about-the-award', 'g2g/intro', 'g2g/place-4'];

const env = serverAndBrowser();

/** What has the focus: the console's keyboard home, a button (by its text), or a field. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    return el.id === 'console-keyboard-home' ? 'home' : `${el.tagName.toLowerCase()}:${el.innerText?.trim() ?? ''}`;
  });

async function openConsole(size = { width: 1280, height: 800 }): Promise<Page> {
  const page = await env.browser.newPage({ viewport: size });
  await page.goto(`${env.server.url}/operator?ceremony=${SEED}`);
  await page.locator('#passcode').fill(PASSCODE);
  await page.locator('form.login button[type=submit]').click();
  await page.locator('button.go').waitFor();
  return page;
}

const seq = async () => ((await getState(env.server.url, SEED)) as { seq: number }).seq;

describe('the console keyboard in Chromium', () => {
  it('[S27] R then Enter cancels a retraction: the focus starts on Cancel, Enter in the reason field confirms nothing, and the confirm button names what it withdraws', async () => {
    const token = await login(env.server.url);
    for (const cue of TO_FIRST_REVEAL) expect((await postCommand(env.server.url, token, SEED, { type: 'go', expectedCue: cue })).status).toBe(200);
    const page = await openConsole();
    const retract = page.locator('button.danger', { hasText: 'پس گرفتن آخرین اعلام' });
    await expect.poll(() => retract.isEnabled(), { timeout: 10_000 }).toBe(true);
    const before = await seq();

    // Under pressure: R, then Enter out of habit.
    await page.locator('h1').click();
    await page.keyboard.press('r');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await focused(page)).toBe('button:انصراف');
    expect(await dialog.locator('button.confirm').innerText()).toBe('پس گرفتن رتبه چهارم «بهترین خدمات دولت به دولت (G2G)»');
    await page.screenshot({ path: screenshotPath('operator-fa-retract-dialog'), animations: 'disabled' });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    expect(await focused(page)).toBe('home');

    // A reason typed and Enter pressed: still nothing, the dialog waits for the button.
    await page.keyboard.press('r');
    await dialog.waitFor();
    await dialog.locator('input[lang=en]').fill('wrong organization');
    await page.keyboard.press('Enter');
    expect(await page.locator('dialog[open]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    expect(await focused(page)).toBe('home');
    expect(await seq()).toBe(before);

    // English: the same dialog, left to right, the button as specific.
    await page.locator('button.language-switch').click();
    await page.keyboard.press('r');
    await dialog.waitFor();
    expect(await dialog.locator('button.confirm').innerText()).toBe('Retract 4th place of “Best government-to-government (G2G) services”');
    expect(await focused(page)).toBe('button:Cancel');
    await page.screenshot({ path: screenshotPath('operator-en-retract-dialog'), animations: 'disabled' });
    await page.keyboard.press('Escape');
    await page.locator('button.language-switch').click();
    await page.close();
  });

  it('[S27] after a jump is cancelled with Escape, Space is GO (it does not reopen the jump)', async () => {
    const page = await openConsole();
    await expect.poll(() => page.locator('button.go').isEnabled(), { timeout: 10_000 }).toBe(true);
    await page.locator('.jump select').selectOption('closing');
    await page.locator('.jump button[type=submit]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await focused(page)).toBe('button:انصراف');
    expect(await dialog.locator('button.confirm').innerText()).toMatch(/^پرش به «.+»$/);
    await page.screenshot({ path: screenshotPath('operator-fa-jump-dialog'), animations: 'disabled' });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    expect(await focused(page)).toBe('home');

    const before = await seq();
    await page.keyboard.press('Space');
    await expect.poll(seq, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await page.close();
  });

  it('[S27] Escape leaves the announcement box, and Space is GO again at once', async () => {
    const page = await openConsole();
    await expect.poll(() => page.locator('button.go').isEnabled(), { timeout: 10_000 }).toBe(true);
    await page.locator('h1').click();
    await page.keyboard.press('a');
    expect(await focused(page)).toBe('textarea:');
    await page.keyboard.type('سلام');
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('home');

    const before = await seq();
    await page.keyboard.press('Space');
    await expect.poll(seq, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await page.locator('.announce textarea[lang=fa]').inputValue()).toBe('سلام');
    await page.close();
  });
});
