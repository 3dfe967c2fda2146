import { describe, expect, it } from 'vitest';
import { serverAndBrowser, screenshotPath } from '../helpers/browser';
import { login, postCommand, startTestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
const TO_FIRST_REVEAL = ['opening', 'guest-of-honour', 'about-the-award', 'g2g/intro'];

const env = serverAndBrowser();

describe('a server restart in Chromium', () => {
  it('[S6][S7] the audience page shows "reconnecting…" while the server is down, then catches up without a reload', async () => {
    const token = await login(env.server.url);
    for (const cue of TO_FIRST_REVEAL) await postCommand(env.server.url, token, SEED, { type: 'go', expectedCue: cue });
    const page = await env.browser.newPage({ viewport: { width: 420, height: 800 } });
    await page.goto(`${env.server.url}/c/${SEED}`);
    const indicator = page.locator('.connection');
    await expect.poll(() => indicator.getAttribute('data-status')).toBe('live');
    // Marks the document: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const { port } = env.server.server;
    await env.server.stop();
    await expect.poll(() => indicator.getAttribute('data-status')).toBe('reconnecting');
    expect(await indicator.innerText()).toContain('در حال اتصال دوباره');
    await page.screenshot({ path: screenshotPath('audience-fa-reconnecting'), animations: 'disabled' });

    env.server = await startTestServer({ dataDir: env.server.dataDir, env: { PORT: String(port) } });
    await postCommand(env.server.url, token, SEED, { type: 'go', expectedCue: 'g2g/place-4' });
    await page.locator('.reveal-card .name', { hasText: 'سازمان اداری و استخدامی کشور' }).waitFor({ timeout: 60_000 });
    expect(await indicator.getAttribute('data-status')).toBe('live');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});
