import { describe, expect, it } from 'vitest';
import { serverAndBrowser, screenshotPath } from '../helpers/browser';
import { getState, login, PASSCODE, postCommand, startTestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
/** Long enough for a GO that Socket.IO kept while disconnected to go out after the reconnect. */
const AFTER_RECONNECT_MS = 3_000;

const env = serverAndBrowser();

describe('the console while the server is down, in Chromium', () => {
  it('[S27] a GO pressed while the server is down says "not sent" at once and never fires by itself after the server is back', async () => {
    const token = await login(env.server.url);
    await postCommand(env.server.url, token, SEED, { type: 'go', expectedCue: 'opening' });
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${env.server.url}/operator?ceremony=${SEED}`);
    await page.locator('#passcode').fill(PASSCODE);
    await page.locator('form.login button[type=submit]').click();
    const go = page.locator('button.go');
    const indicator = page.locator('header .connection');
    await expect.poll(() => go.isEnabled(), { timeout: 10_000 }).toBe(true);
    const { port } = env.server.server;
    const seqBefore = ((await getState(env.server.url, SEED)) as { seq: number }).seq;

    await env.server.stop();
    await expect.poll(() => indicator.getAttribute('data-status'), { timeout: 10_000 }).toBe('reconnecting');
    await go.click();
    const notice = page.locator('.refusal');
    await notice.waitFor({ timeout: 2_000 });
    expect(await notice.innerText()).toContain('فرستاده نشد');
    expect(await go.innerText()).not.toContain('در حال ارسال');
    await page.screenshot({ path: screenshotPath('operator-fa-not-sent'), animations: 'disabled' });

    env.server = await startTestServer({ dataDir: env.server.dataDir, env: { PORT: String(port) } });
    await expect.poll(() => indicator.getAttribute('data-status'), { timeout: 20_000 }).toBe('live');
    // Nothing to wait for: the test checks that nothing happens. Socket.IO sends what it kept at
    // the reconnect itself, so a few seconds after it is enough to see a replayed GO land.
    await new Promise((resolve) => setTimeout(resolve, AFTER_RECONNECT_MS));
    expect(((await getState(env.server.url, SEED)) as { seq: number }).seq).toBe(seqBefore);

    // A new press, now that the console is connected, is a new command: sent and applied.
    await page.locator('button.language-switch').click();
    await go.click();
    await expect.poll(() => getState(env.server.url, SEED).then((s: { seq: number }) => s.seq), { timeout: 10_000 }).toBe(seqBefore + 1);
    await page.close();
  });
});
