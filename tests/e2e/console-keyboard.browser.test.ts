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

    // The same dialog in English, for the record.
    await page.locator('button.language-switch').click();
    await page.locator('.jump select').selectOption('closing');
    await page.locator('.jump button[type=submit]').click();
    await dialog.waitFor();
    expect(await dialog.locator('button.confirm').innerText()).toMatch(/^Jump to “.+”$/);
    await page.screenshot({ path: screenshotPath('operator-en-jump-dialog'), animations: 'disabled' });
    await page.keyboard.press('Escape');
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

  it('[S27][S28] a deliberate retraction (Tab to the named button, then Enter) shows the correction on the stage in Persian and English; the overlay clears', async () => {
    const stage = await env.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const overlay = await env.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const keys = env.server.server.auth;
    await stage.goto(`${env.server.url}/stage/${SEED}?k=${keys.screenKey(SEED, 'stage')}`);
    await overlay.goto(`${env.server.url}/overlay/${SEED}?background=%2300ff00&k=${keys.screenKey(SEED, 'overlay')}`);
    await stage.locator('.reveal-card').waitFor();
    await overlay.locator('.lower-third').waitFor();

    const page = await openConsole();
    await expect.poll(() => page.locator('button.danger', { hasText: 'پس گرفتن آخرین اعلام' }).isEnabled(), { timeout: 10_000 }).toBe(true);
    await page.locator('h1').click();
    await page.keyboard.press('r');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await dialog.locator('input[lang=fa]').fill('نام سازمان اشتباه خوانده شد');
    await dialog.locator('input[lang=en]').fill('The wrong organization was read out');
    await dialog.locator('button.cancel').focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^button:پس گرفتن رتبه دوم «/);
    await page.keyboard.press('Enter');

    const card = stage.locator('.correction-card');
    await card.waitFor({ timeout: 10_000 });
    expect(await card.innerText()).toContain('اعلام رتبه دوم در «بهترین خدمات دولت به دولت (G2G)» پس گرفته شد.');
    expect(await card.innerText()).toContain('نام سازمان اشتباه خوانده شد');
    await overlay.locator('.lower-third').waitFor({ state: 'detached', timeout: 10_000 });
    const box = await card.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 1920 && box.y >= 0 && box.y + box.height <= 1080).toBe(true);
    await stage.screenshot({ path: screenshotPath('stage-fa-correction'), animations: 'disabled' });

    await stage.evaluate(() => localStorage.setItem('podium.lang', 'en'));
    await stage.reload();
    await stage.locator('.correction-card', { hasText: 'The announcement of 2nd place' }).waitFor({ timeout: 10_000 });
    expect(await stage.locator('.correction-card').innerText()).toContain('The wrong organization was read out');
    await stage.screenshot({ path: screenshotPath('stage-en-correction'), animations: 'disabled' });
    await Promise.all([page.close(), stage.close(), overlay.close()]);
  });
});
