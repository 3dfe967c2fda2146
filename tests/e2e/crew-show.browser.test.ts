import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, serverAndBrowser } from '../helpers/browser';
import { getState, login, PASSCODE } from '../helpers/server-harness';

/**
 * Issue 9 end to end, in Chromium, every step through the pages (S29–S31): a producer invites an
 * operator and a results officer; the results officer seals; the operator runs the seed ceremony;
 * a retract asks for and gets the producer's confirmation; the public verify page shows every
 * reveal matching the seal; the operator's session, ended by the producer, is cut off.
 */
const SEED = 'egov-award-1399';
const env = serverAndBrowser();

/** A browser of its own (its own cookies: its own session), on a console page. */
async function newConsole(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  return context.newPage();
}

/** The producer makes an invitation for `role` in the crew panel; returns its link. */
async function invite(producer: Page, role: string, name: string): Promise<string> {
  await producer.locator('#invite-role').selectOption(role);
  await producer.locator('#invite-name').fill(name);
  const before = await producer.locator('.made input[readonly]').inputValue().catch(() => '');
  await producer.locator('form.invite button[type=submit]').click();
  const link = producer.locator('.made input[readonly]');
  await expect.poll(() => link.inputValue(), { timeout: 30_000 }).not.toBe(before);
  return link.inputValue();
}

/** The invited person opens the link, chooses a name and a secret, and lands in the seed's console. */
async function join(page: Page, link: string, name: string, secret: string): Promise<void> {
  await page.goto(link);
  await page.locator('#join-name').fill(name);
  await page.locator('#join-secret').fill(secret);
  await page.locator('#join-again').fill(secret);
  await page.locator('.join form button[type=submit]').click();
  await page.waitForURL(/\/operator/, { timeout: 30_000 });
  await page.goto(`${new URL(link).origin}/operator?ceremony=${SEED}`);
  await page.locator('header .connection[data-status=live]').waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
    await page.screenshot({ path: screenshotPath('crew-show-join-failed') });
    throw error;
  });
}

describe('people, two keys and the seal, in Chromium', () => {
  it('[S29][S30][S31] invite, seal, run with a confirmed retract, verify, cut off', async () => {
    const { url } = env.server;
    const api = await login(url);

    // The producer: the passcode (the first producer's), then the crew panel.
    const producer = await newConsole(env.browser);
    await producer.goto(`${url}/operator?ceremony=${SEED}`);
    await producer.locator('#passcode').fill(PASSCODE);
    await producer.locator('form.login button[type=submit]').click();
    await producer.locator('button.go').waitFor();
    const operatorLink = await invite(producer, 'operator', 'Sara');
    const officerLink = await invite(producer, 'results_officer', 'Reza');
    expect(operatorLink).not.toBe(officerLink);
    // A retract needs a second person from now on.
    const twoKeys = producer.locator('form.two-keys');
    await twoKeys.getByLabel('پس گرفتن اعلام').check();
    await twoKeys.locator('button[type=submit]').click();
    await expect.poll(async () => ((await (await fetch(`${url}/api/ceremonies/${SEED}/two-keys`, { headers: { authorization: `Bearer ${api}` } })).json()) as { retract: boolean }).retract, { timeout: 30_000 }).toBe(true);

    const operator = await newConsole(env.browser);
    await join(operator, operatorLink, 'Sara', 'sara-secret-1399');
    const officer = await newConsole(env.browser);
    await join(officer, officerLink, 'Reza', 'reza-secret-1399');

    // Who is signed in: all three, each console shows it.
    const sessions = producer.locator('ul.sessions');
    await producer.locator('section.crew .head button').click();
    await expect.poll(() => sessions.innerText(), { timeout: 30_000 }).toContain('Sara');
    expect(await sessions.innerText()).toContain('Reza');
    await producer.locator('section.crew').screenshot({ path: screenshotPath('crew-show-producer-crew-fa') });

    // The results officer seals, before the show.
    const seal = officer.getByTestId('seal-control');
    await seal.getByRole('button', { name: 'مهر و موم کردن نتایج' }).click();
    await officer.locator('dialog[open] button.confirm').click();
    await seal.getByText('مهر شمارهٔ ۱').waitFor({ timeout: 30_000 });
    const sealed = (await (await fetch(`${url}/api/ceremonies/${SEED}/seal`)).json()) as { sealed: boolean; sealedBy: string; commitments: unknown[] };
    expect(sealed.sealed).toBe(true);
    expect(sealed.sealedBy).toContain('Reza');

    // The operator runs the seed ceremony from the console; after the first reveal, a retract.
    const go = operator.locator('button.go');
    let retracted = false;
    for (let step = 0; step < 40; step++) {
      const state = await getState(url, SEED, api);
      if (!state.nextCue) break;
      await expect.poll(() => go.isEnabled(), { timeout: 30_000 }).toBe(true);
      await go.click();
      await expect.poll(() => getState(url, SEED).then((s: { seq: number }) => s.seq), { timeout: 30_000 }).toBeGreaterThan(state.seq);
      if (state.nextCue.kind !== 'reveal' || retracted) continue;

      // The retract asks for a second person: nothing is withdrawn until the producer confirms.
      const before = (await getState(url, SEED)).seq;
      await operator.locator('button.danger[aria-keyshortcuts=R]').click();
      const dialog = operator.locator('dialog[open]');
      await dialog.locator('.second-key').waitFor();
      await dialog.locator('button.confirm').click();
      const card = producer.locator('article.approval');
      await card.waitFor({ timeout: 30_000 });
      expect(await card.innerText()).toContain('Sara');
      expect((await getState(url, SEED)).seq).toBe(before);
      await card.screenshot({ path: screenshotPath('crew-show-approval-fa') });
      await card.locator('button.confirm').click();
      await expect.poll(() => getState(url, SEED).then((s: { seq: number }) => s.seq), { timeout: 30_000 }).toBe(before + 1);
      const events = (await (await fetch(`${url}/api/ceremonies/${SEED}/state`, { headers: { authorization: `Bearer ${api}` } })).json()) as { recent: { type: string; actor: string; confirmedBy?: string }[] };
      const retract = events.recent.findLast((e) => e.type === 'reveal_retracted')!;
      expect([retract.actor, retract.confirmedBy]).toEqual(['Sara', 'producer']);
      retracted = true;
    }
    expect(retracted).toBe(true);
    const end = await getState(url, SEED);
    expect(end.nextCue ?? null).toBeNull();

    // Anyone, on the public verify page: every reveal matches what was sealed before the show.
    const verify = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await verify.goto(`${url}/results/${SEED}/verify`);
    await verify.getByTestId('verify-summary').waitFor({ timeout: 30_000 });
    await expect.poll(() => verify.locator('tr[data-verdict=match]').count(), { timeout: 30_000 }).toBe(sealed.commitments.length);
    expect(await verify.locator('tr[data-verdict=mismatch]').count()).toBe(0);
    expect(await verify.locator('tr[data-verdict=not_revealed]').count()).toBe(0);
    // The retracted reveal, shown again, matches; the retract is told beside it.
    expect(await verify.locator('tr[data-verdict=match] [data-withdrawn="1"]').count()).toBe(1);
    await verify.screenshot({ path: screenshotPath('crew-show-verify-fa'), fullPage: true });

    // The producer ends the operator's session: her console is cut off and asks her to sign in.
    await producer.locator('section.crew .head button').click();
    await producer.getByRole('button', { name: 'پایان نشست Sara' }).click();
    await producer.locator('dialog[open] button.confirm').click();
    await operator.locator('form.login').waitFor({ timeout: 30_000 });
    expect(await operator.locator('button.go').count()).toBe(0);
    await operator.screenshot({ path: screenshotPath('crew-show-cut-off-fa') });
    for (const page of [producer, operator, officer, verify]) await page.context().close();
  }, 240_000);
});
