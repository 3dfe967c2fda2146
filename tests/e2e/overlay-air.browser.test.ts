import { describe, expect, it } from 'vitest';
import { screenshotPath, serverAndBrowser } from '../helpers/browser';
import { login, PASSCODE, postCommand } from '../helpers/server-harness';

/**
 * The overlay as OBS shows it: a speaker's lower third, a reveal's with the entry ("name — entry"),
 * taken off air through the HTTP API (every graphic goes, the run does not move) and put back on
 * air from the console's button (the graphic standing for the cue comes back).
 */
const SAMPLE = 'sample-awards';
const env = serverAndBrowser();

describe('the overlay on and off air in Chromium', () => {
  it('shows speaker and role, then the reveal with its entry; off air it is gone, back on air (the console) it returns', async () => {
    const token = await login(env.server.url);
    const go = async (cue: string) => expect((await postCommand(env.server.url, token, SAMPLE, { type: 'go', expectedCue: cue })).status).toBe(200);
    const overlay = await env.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const operator = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await overlay.goto(`${env.server.url}/overlay/${SAMPLE}?lang=en&background=%2300b140&k=${env.server.server.auth.screenKey(SAMPLE, 'overlay')}`);
      await overlay.locator('.overlay[data-seq]').waitFor();

      await go('opening');
      await go('host-speech');
      const speaker = overlay.locator('[data-graphic=speech]');
      await overlay.locator('.overlay[data-cue="host-speech"]').waitFor();
      await speaker.waitFor();
      expect(await speaker.innerText()).toContain('Sample Host');
      expect(await speaker.innerText()).toContain('Host (a fictional role)');

      for (const cue of ['best-app/intro', 'best-app/mentions', 'best-app/place-3', 'best-app/place-2', 'best-app/place-1']) await go(cue);
      const lowerThird = overlay.locator('.lower-third');
      await overlay.locator('.lower-third', { hasText: 'Alpha Imaginary Co.' }).waitFor({ timeout: 30_000 });
      expect(await lowerThird.innerText()).toContain('Alpha Imaginary Co. — Alpha Transit app');
      expect(await lowerThird.innerText()).toContain('Best public app');
      expect(await lowerThird.innerText()).toContain('1st place');
      await overlay.screenshot({ path: screenshotPath('overlay-en-reveal-lower-third') });

      // Off air through the API: the graphic goes, the run stays on its cue.
      const off = await postCommand(env.server.url, token, SAMPLE, { type: 'set_overlay', onAir: false });
      expect(off.status).toBe(200);
      await overlay.locator('.overlay[data-on-air="false"]').waitFor();
      await lowerThird.waitFor({ state: 'detached' });
      expect(await overlay.locator('[data-graphic]').count()).toBe(0);
      expect(await overlay.locator('.overlay').getAttribute('data-cue')).toBe('best-app/place-1');

      // Back on air from the console's button.
      await operator.goto(`${env.server.url}/operator?ceremony=${SAMPLE}&lang=en`);
      await operator.locator('#passcode').fill(PASSCODE);
      await operator.locator('form.login button[type=submit]').click();
      const control = operator.locator('.overlay-air');
      await control.getByText('Overlay off air').waitFor();
      await control.getByRole('button', { name: 'Put the overlay back on air' }).click();
      await control.getByText('Overlay on air').waitFor();
      await overlay.locator('.lower-third', { hasText: 'Alpha Imaginary Co. — Alpha Transit app' }).waitFor();
      await operator.screenshot({ path: screenshotPath('operator-en-overlay-on-air') });
    } finally {
      await overlay.close();
      await operator.close();
    }
  });
});
