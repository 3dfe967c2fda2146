import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemText, withoutResults } from '../../shared/problem-text';
import type { Problem } from '../../shared/validation';
import { serverAndBrowser } from '../helpers/browser';
import { login, PASSCODE, ROOT } from '../helpers/server-harness';

/**
 * The studio's forms and the API refuse the same things with the same messages (S32), seen on the
 * page: each invalid fixture, imported as a JSON file into a draft, is listed on the Check page
 * with exactly the problems the API answers for it (a problem that may quote a result without the
 * value it quotes, as the page says it), in English and in Persian.
 */
const DIR = path.join(ROOT, 'tests/fixtures/invalid-ceremonies');
const fixtures = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const env = serverAndBrowser();

describe('[S32] the invalid fixtures on the studio’s Check page', () => {
  it('[S32] lists, for each, the problems the API gives, in both languages', async () => {
    const { url } = env.server;
    const token = await login(url);
    const page = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(`${url}/operator?lang=en`);
    await page.locator('#passcode').fill(PASSCODE);
    await page.locator('form.login button[type=submit]').click();
    await page.locator('button.go').waitFor();
    await page.goto(`${url}/operator/studio?lang=en`);
    await page.getByLabel('Ceremony id').fill('fixture-check');
    await page.getByLabel('Blank').check();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('tab', { name: 'Details', selected: true }).waitFor();

    for (const file of fixtures) {
      const body = fs.readFileSync(path.join(DIR, file), 'utf8');
      const id = (JSON.parse(body) as { id: string }).id;
      const refused = await fetch(`${url}/api/ceremonies/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
      const { problems } = ((await refused.json()) as { error: { problems: Problem[] } }).error;
      expect(problems.length, file).toBeGreaterThan(0);

      // The draft takes the file as its content (under the open ceremony's id).
      await page.getByRole('tab', { name: 'Ceremonies' }).click();
      await page.getByLabel('Import a JSON file as the draft').setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(body) });
      for (const lang of ['en', 'fa'] as const) {
        if (lang === 'fa') await page.locator('button.language-switch').first().click();
        await page.getByRole('tab', { name: lang === 'en' ? 'Check' : 'بازبینی' }).click();
        const listed = page.locator('ul.problems li');
        const expected = problems.map((p) => `${p.path} ${problemText(withoutResults(p), lang)}`.replace(/\s+/g, ' ').trim());
        await expect.poll(async () => (await listed.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim()), { timeout: 30_000, message: `${file} (${lang})` }).toEqual(expected);
        if (lang === 'fa') await page.locator('button.language-switch').first().click();
      }
    }
    await page.context().close();
  }, 300_000);
});
