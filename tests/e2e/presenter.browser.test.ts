import { describe, expect, it } from 'vitest';
import { screenshotPath, serverAndBrowser } from '../helpers/browser';
import { login, PASSCODE, postCommand } from '../helpers/server-harness';

/**
 * S33 in the browser: the presenter signs in on the presenter's screen itself, sees the next
 * reveal sealed, and its name with the pronunciation once the operator arms it; the console's
 * button arms it too.
 */
const CEREMONY = 'sample-awards';
const env = serverAndBrowser();

describe('[S33] the presenter\'s screen in Chromium', () => {
  it('signs in in place, shows the next reveal sealed, then its name and pronunciation once armed from the console', async () => {
    const token = await login(env.server.url);
    const nextCue = async () => ((await postCommand(env.server.url, token, CEREMONY, { type: 'go', expectedCue: '?' })).body as { error: { nextCueId: string } }).error.nextCueId;
    // To the young designer's winner: two winners, each with a pronunciation.
    for (let next = await nextCue(); next !== 'young-designer/winner'; next = await nextCue()) {
      expect((await postCommand(env.server.url, token, CEREMONY, { type: 'go', expectedCue: next })).status).toBe(200);
    }
    const presenter = await (await env.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await presenter.goto(`${env.server.url}/presenter/${CEREMONY}?lang=en`);
    await presenter.locator('input[value=passcode]').check();
    await presenter.locator('#passcode').fill(PASSCODE);
    await presenter.locator('#passcode').press('Enter');
    const next = presenter.locator('.cue.next');
    await next.locator('.sealed').waitFor({ timeout: 30_000 });
    expect(await next.locator('.names').count()).toBe(0);
    expect(await presenter.locator('body').innerText()).not.toContain('SAH-rah');

    const operator = await (await env.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await operator.goto(`${env.server.url}/operator?ceremony=${CEREMONY}&lang=en`);
    await operator.locator('input[value=passcode]').check();
    await operator.locator('#passcode').fill(PASSCODE);
    await operator.locator('#passcode').press('Enter');
    await operator.getByRole('button', { name: 'Open the envelope for the presenter' }).click({ timeout: 30_000 });
    await operator.getByText('Envelope open for the presenter').waitFor({ timeout: 30_000 });

    await next.locator('.names').waitFor({ timeout: 30_000 });
    const text = await next.innerText();
    expect(text).toContain('Say: SAH-rah');
    expect(text).toContain('Say: kee-YAHN');
    await presenter.screenshot({ path: screenshotPath('presenter-armed-en') });
  });
});
