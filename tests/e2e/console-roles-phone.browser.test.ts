import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, serverAndBrowser } from '../helpers/browser';
import { login, PASSCODE } from '../helpers/server-harness';

/**
 * The console on a phone, per role (S29, S30): a stage manager and an operator see only what their
 * role may use, no page is wider than the screen (390 px) in Persian or English, and the asker of a
 * request sees it without a Confirm button, on any session.
 */
const SEED = 'egov-award-1399';
const env = serverAndBrowser();

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  return context.newPage();
}

async function api<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const res = await fetch(`${env.server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Joins by the invitation link and opens the seed's console in `lang`. */
async function joinAs(page: Page, link: string, name: string, lang: 'fa' | 'en'): Promise<void> {
  await page.goto(link);
  await page.locator('#join-name').fill(name);
  await page.locator('#join-secret').fill(`${name}-secret-1399`);
  await page.locator('#join-again').fill(`${name}-secret-1399`);
  await page.locator('.join form button[type=submit]').click();
  await page.waitForURL(/\/operator/, { timeout: 30_000 });
  await openConsole(page, lang);
}

async function openConsole(page: Page, lang: 'fa' | 'en'): Promise<void> {
  await page.goto(`${env.server.url}/operator?ceremony=${SEED}&lang=${lang}`);
  await page.locator('header .connection[data-status=live]').waitFor({ timeout: 30_000 });
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('the console per role, on a phone', () => {
  it('[S29][S30] stage manager and operator: only their controls, no page wider than 390 px, the asker’s own request without Confirm', async () => {
    const token = await login(env.server.url);
    const invite = (role: string, name: string) => api<{ link: string }>('POST', '/api/crew/invitations', token, { role, name });

    // The join page checks the secret's length itself, in the page's language.
    const joining = await phone(env.browser);
    await joining.goto(`${(await invite('presenter', 'Nima')).link}${'?lang=en'}`);
    await joining.locator('#join-name').fill('Nima');
    await joining.locator('#join-secret').fill('short');
    await joining.locator('#join-again').fill('short');
    await joining.locator('.join form button[type=submit]').click();
    expect(await joining.getByRole('alert').innerText()).toBe('The secret needs at least 10 characters.');
    await joining.screenshot({ path: screenshotPath('roles-phone-join-short-en') });

    const stage = await phone(env.browser);
    await joinAs(stage, (await invite('stage_manager', 'Mina')).link, 'Mina', 'fa');
    const operator = await phone(env.browser);
    await joinAs(operator, (await invite('operator', 'Sara')).link, 'Sara', 'fa');

    for (const lang of ['fa', 'en'] as const) {
      for (const [who, page] of [
        ['stage', stage],
        ['operator', operator],
      ] as const) {
        await openConsole(page, lang);
        await page.locator('.runs-panel .runs').waitFor({ timeout: 30_000 });
        expect(await scrollWidth(page), `${who} ${lang}`).toBeLessThanOrEqual(390);
        await page.screenshot({ path: screenshotPath(`roles-phone-${who}-${lang}`), fullPage: true });
        await page.screenshot({ path: screenshotPath(`roles-phone-${who}-${lang}-top`) });
        // Neither may rehearse with the real results; the stage manager may not start a rehearsal at all.
        expect(await page.locator('.runs-panel button.danger').count()).toBe(0);
        expect(await page.locator('.runs-panel button.primary').count()).toBe(who === 'operator' ? 1 : 0);
        expect(await page.locator('.runs-panel input[type=file]').count()).toBe(who === 'operator' ? 1 : 0);
        expect(await page.locator('.replay-panel').count()).toBe(who === 'operator' ? 1 : 0);
        expect(await page.getByTestId('seal-control').locator('button').count()).toBe(0);
        // The Runs card does not tell a stage manager that this console drives the run.
        const driven = await page.locator('.runs-panel .driven-note').innerText();
        if (who === 'stage') expect(driven).not.toMatch(/driven|هدایت/);
      }
    }
    // The stage manager sees no exports of the results (as-run log, definition, run).
    const exportsOf = (page: Page) => page.locator('.archive-panel a[download]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('/').pop()));
    expect(await exportsOf(stage)).toEqual(['results.csv', 'results.json']);
    expect(await exportsOf(operator)).toEqual(['results.csv', 'results.json', 'as-run.csv', 'definition.json', 'run.json']);

    // The first producer asks for a real rehearsal through the API (a session of its own); its console
    // (another session, the same person) shows the request with Withdraw only; the operator sees it without Confirm.
    await api('PUT', `/api/ceremonies/${SEED}/two-keys`, token, { realRehearsal: true });
    const producer = await phone(env.browser);
    await producer.goto(`${env.server.url}/operator?ceremony=${SEED}&lang=fa`);
    await producer.locator('#passcode').fill(PASSCODE);
    await producer.locator('form.login button[type=submit]').click();
    await producer.locator('header .connection[data-status=live]').waitFor({ timeout: 30_000 });
    await api('POST', `/api/ceremonies/${SEED}/approvals`, token, { action: 'real_rehearsal' });
    const card = producer.locator('article.approval');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.locator('button').allInnerTexts()).toEqual(['پس گرفتن درخواست']);
    expect(await scrollWidth(producer)).toBeLessThanOrEqual(390);
    await card.screenshot({ path: screenshotPath('roles-phone-asker-card-fa') });
    await operator.goto(`${env.server.url}/operator?ceremony=${SEED}&lang=en`);
    const seen = operator.locator('article.approval');
    await seen.waitFor({ timeout: 30_000 });
    expect(await seen.locator('button').count()).toBe(0);
    await seen.screenshot({ path: screenshotPath('roles-phone-operator-sees-request-en') });
  });
});
