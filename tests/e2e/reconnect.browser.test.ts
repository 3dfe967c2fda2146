import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../helpers/browser';
import { login, postCommand, startTestServer, type TestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
const TO_FIRST_REVEAL = ['opening', 'guest-of-honour', 'about-the-award', 'g2g/intro'];

let t: TestServer;
let browser: Browser;
beforeAll(async () => {
  t = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('a server restart in Chromium', () => {
  it('[S6][S7] the audience page shows "reconnecting…" while the server is down, then catches up without a reload', async () => {
    const token = await login(t.url);
    for (const cue of TO_FIRST_REVEAL) await postCommand(t.url, token, SEED, { type: 'go', expectedCue: cue });
    const page = await browser.newPage({ viewport: { width: 420, height: 800 } });
    await page.goto(`${t.url}/c/${SEED}`);
    const indicator = page.locator('.connection');
    await expect.poll(() => indicator.getAttribute('data-status')).toBe('live');
    // Marks the document: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const { port } = t.server;
    await t.stop();
    await expect.poll(() => indicator.getAttribute('data-status'), { timeout: 10_000 }).toBe('reconnecting');
    expect(await indicator.innerText()).toContain('در حال اتصال دوباره');
    await page.screenshot({ path: screenshotPath('audience-fa-reconnecting'), animations: 'disabled' });

    t = await startTestServer({ dataDir: t.dataDir, env: { PORT: String(port) } });
    await postCommand(t.url, token, SEED, { type: 'go', expectedCue: 'g2g/place-4' });
    await page.locator('.reveal-card .name', { hasText: 'سازمان اداری و استخدامی کشور' }).waitFor({ timeout: 20_000 });
    expect(await indicator.getAttribute('data-status')).toBe('live');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});
