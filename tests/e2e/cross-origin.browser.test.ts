import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../helpers/browser';
import { login, PASSCODE } from '../helpers/server-harness';

/**
 * A page on another port of the same host is the same site: the browser sends it the operator's
 * SameSite=Strict cookie. Podium must refuse its writes by their Origin, and the CSV import must
 * not take the `text/plain` body such a page can send without a preflight.
 */
const env = serverAndBrowser();
const ID = 'csrf-demo';
const definition = {
  schemaVersion: 1,
  id: ID,
  title: { en: 'CSRF demo' },
  date: '2026-01-01',
  timeZone: 'UTC',
  runOfShow: [{ kind: 'category', categoryId: 'c' }],
  categories: [{ id: 'c', kind: 'ranked', title: { en: 'C' }, results: [{ place: 1, recipient: { type: 'person', name: { en: 'Real Winner' } } }] }],
};
const EVIL_CSV = 'category,place,name_en\nc,1,Evil Winner\n';

let token: string;
let attacker: http.Server;
let attackerUrl: string;

/** The attacker's pages, served from another port of 127.0.0.1. */
function attackerPage(target: string): string {
  return `<!doctype html><html><body>
<form id="form" method="POST" enctype="text/plain" action="${target}/api/ceremonies/${ID}/results">
  <input type="hidden" name="category,place,name_en&#10;c,1,Evil Winner&#10;x" value="">
</form>
<script>
  window.sendFetch = () => fetch(${JSON.stringify(`${target}/api/ceremonies/${ID}/results`)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(EVIL_CSV)} }).then(() => 'sent', (e) => String(e));
  window.sendCsvFetch = () => fetch(${JSON.stringify(`${target}/api/ceremonies/${ID}/results`)}, { method: 'POST', mode: 'no-cors', credentials: 'include', body: new Blob([${JSON.stringify(EVIL_CSV)}], { type: 'text/csv' }) }).then(() => 'sent', (e) => String(e));
</script></body></html>`;
}

async function definitionNow(): Promise<string> {
  const res = await fetch(`${env.server.url}/api/ceremonies/${ID}/definition.json`, { headers: { authorization: `Bearer ${token}` } });
  return JSON.stringify(await res.json());
}

/** What the server answered a request the page made (seen by the browser even where CORS hides it). */
function answerTo(page: Page, path: string) {
  return page.waitForResponse((r) => r.url() === `${env.server.url}${path}` && r.request().method() === 'POST', { timeout: 20_000 });
}

beforeAll(async () => {
  token = await login(env.server.url);
  const put = await fetch(`${env.server.url}/api/ceremonies/${ID}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(definition) });
  expect(put.status).toBe(201);
  attacker = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(attackerPage(env.server.url)));
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => attacker.close(() => resolve()));
});

describe('a page on another port of the same host, with the operator signed in', () => {
  it('[S23] cannot replace the results: its fetch (text/plain or text/csv, credentials included) and its form POST are refused with forbidden_origin', async () => {
    const context = await env.browser.newContext();
    const own = await context.newPage();
    await own.goto(`${env.server.url}/healthz`);
    const signedIn = await own.evaluate(async (passcode) => (await fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passcode }) })).status, PASSCODE);
    expect(signedIn).toBe(200);
    expect((await context.cookies(env.server.url)).map((c) => c.name)).toContain('podium_session');
    const before = await definitionNow();

    const page = await context.newPage();
    await page.goto(attackerUrl);
    const path = `/api/ceremonies/${ID}/results`;
    for (const send of ['sendFetch', 'sendCsvFetch']) {
      const answered = answerTo(page, path);
      expect(await page.evaluate((name) => (window as unknown as Record<string, () => Promise<string>>)[name]!(), send)).toBe('sent');
      const answer = await answered;
      // 403, not 401: the browser did send the cookie (without it the request is merely anonymous).
      expect(answer.status()).toBe(403);
    }
    const formAnswer = answerTo(page, path);
    await page.evaluate(() => (document.getElementById('form') as HTMLFormElement).submit());
    const answer = await formAnswer;
    expect(answer.status()).toBe(403);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('forbidden_origin');
    expect(await definitionNow()).toBe(before);

    // The same cookie from the server's own page works, with the right content type only.
    const plain = await own.evaluate(async (csv) => (await fetch(location.origin + '/api/ceremonies/csrf-demo/results', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: csv })).json(), EVIL_CSV);
    expect(plain.error.code).toBe('unsupported_media_type');
    expect(await definitionNow()).toBe(before);
    const csv = await own.evaluate(async (body) => (await fetch('/api/ceremonies/csrf-demo/results', { method: 'POST', headers: { 'content-type': 'text/csv' }, body })).status, EVIL_CSV);
    expect(csv).toBe(200);
    expect(await definitionNow()).toContain('Evil Winner');
    await context.close();
  });
});
