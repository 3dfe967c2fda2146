import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../helpers/browser';

const SEED = 'egov-award-1399';
const env = serverAndBrowser();

describe('stage links in Chromium', () => {
  it('[S21] a stage without its key says so in Persian and English; with the key from the links it shows the ceremony', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(`${env.server.url}/stage/${SEED}`);
      const refused = page.locator('.refused[role=alert]');
      await refused.waitFor();
      expect(await refused.locator('p[lang=fa]').innerText()).toContain('این پیوند نمایشگر معتبر نیست');
      expect(await refused.locator('p[lang=en]').innerText()).toContain('This screen link is not valid: its key (k=) is missing or wrong.');

      await page.goto(`${env.server.url}/stage/${SEED}?k=${env.server.server.auth.screenKey(SEED, 'stage')}`);
      await page.locator('.stage h1').waitFor();
      expect(await page.locator('.refused').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
