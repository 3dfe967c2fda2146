import ExcelJS from 'exceljs';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Category } from '../../shared/ceremony';
import type { DraftDefinition, StudioCeremony, StudioDraft } from '../../shared/studio';
import { screenshotPath, serverAndBrowser } from '../helpers/browser';
import { sampleCeremony } from '../helpers/ceremony-harness';

const env = serverAndBrowser();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The studio's draft routes are another part's (server/studio drafts): here they are stood in for
 * in the page, so that this test drives the import tab against the real /api/studio/sheets and
 * templates. `saved` is every draft the page saved.
 */
async function standInDrafts(page: Page, definition: DraftDefinition): Promise<{ saved: DraftDefinition[] }> {
  const saved: DraftDefinition[] = [];
  let revision = 1;
  const stamp = () => ({ revision, updatedAt: Date.now(), updatedBy: 'Producer', basedOn: 1 });
  const draft = (): StudioDraft => ({ id: 'sample-awards', definition, stamp: stamp(), problems: [], masked: false });
  const listed: StudioCeremony = { id: 'sample-awards', title: sampleCeremony().title, date: '2026-03-01', archived: false, published: { version: 1, hash: 'x' }, draft: stamp(), liveStarted: false };
  await page.route('**/api/studio/ceremonies**', async (route: Route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    if (path === '/api/studio/ceremonies') return route.fulfill({ json: [listed] });
    if (path.endsWith('/draft') && request.method() === 'GET') return route.fulfill({ json: draft() });
    if (path.endsWith('/draft') && request.method() === 'PUT') {
      definition = (request.postDataJSON() as { definition: DraftDefinition }).definition;
      saved.push(definition);
      revision++;
      return route.fulfill({ json: draft() });
    }
    return route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'stood in' } } });
  });
  return { saved };
}

async function resultsWorkbook(thirdPlace: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('نتایج');
  ws.addRow(['category', 'place', 'type', 'name_fa', 'name_en', 'score']);
  ws.addRow(['best-app', 1, 'organization', 'شرکت خیالی نو', 'New Imaginary Co.', 97]);
  ws.addRow(['best-app', 2, 'organization', 'گروه خیالی دوم', 'Second Imaginary Group', 90]);
  ws.addRow(['best-app', thirdPlace, 'person', 'سارا خیالی', 'Sara Imaginary', 80]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('[S32] the studio imports a spreadsheet in Chromium', () => {
  it('marks a bad row on its row and column, takes the fixed file, and applies it all at once', async () => {
    const { url, server } = env.server;
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const token = server.auth.issueToken(Date.now(), { personId: 'p1', name: 'Producer', role: 'producer' }).token;
    await context.addCookies([{ name: 'podium_session', value: encodeURIComponent(token), url }]);
    const page = await context.newPage();
    const { saved } = await standInDrafts(page, sampleCeremony() as unknown as DraftDefinition);
    await page.goto(`${url}/operator/studio?ceremony=sample-awards&tab=import`);
    const file = page.getByLabel('فایل صفحه‌گسترده');
    await file.waitFor();
    // The templates are in the page's language.
    expect(await page.getByRole('link', { name: 'الگوی Excel (xlsx)' }).getAttribute('href')).toBe('/api/studio/templates/results.xlsx?lang=fa');
    await page.screenshot({ path: screenshotPath('studio-import-fa-empty') });

    await file.setInputFiles({ name: 'results.xlsx', mimeType: XLSX, buffer: await resultsWorkbook('3rd') });
    const badCell = page.locator('table.sheet tr[data-row="4"] td[data-column="place"]');
    await badCell.waitFor();
    expect(await badCell.getAttribute('class')).toContain('bad');
    const describedBy = (await badCell.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('باید عددی صحیح و دست‌کم ۱ باشد؛ مقدار فعلی: \u2068"3rd"\u2069');
    // Only that cell is marked; Apply all waits for a file without problems.
    expect(await page.locator('table.sheet td.bad').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'اعمال همه' }).isDisabled()).toBe(true);
    await page.getByRole('status').getByText('۱ مشکل').waitFor();
    await page.screenshot({ path: screenshotPath('studio-import-fa-problem'), fullPage: true });

    await page.getByRole('button', { name: 'انتخاب فایلی دیگر' }).click();
    expect(await page.locator('table.sheet').count()).toBe(0);
    await file.setInputFiles({ name: 'results.xlsx', mimeType: XLSX, buffer: await resultsWorkbook('3') });
    await page.locator('table.changes tr[data-category="best-app"]').waitFor();
    expect(await page.locator('table.sheet td.bad').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('studio-import-fa-ready'), fullPage: true });
    await page.getByRole('button', { name: 'اعمال همه' }).click();
    await page.getByText('اعمال شد: ۱ بخش تغییر کرد').waitFor();
    // The preview, with its names, is gone once applied; the draft is saved with the new results.
    expect(await page.locator('table.sheet').count()).toBe(0);
    await expect.poll(() => saved.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const bestApp = (saved.at(-1)!.categories as Category[]).find((c) => c.id === 'best-app')!;
    expect(bestApp.kind === 'ranked' && bestApp.results.map((r) => [r.place, r.recipient.name.en])).toEqual([
      [1, 'New Imaginary Co.'],
      [2, 'Second Imaginary Group'],
      [3, 'Sara Imaginary'],
    ]);

    // In English: a categories sheet from the English CSV template, read back and ready to apply.
    await page.locator('button.language-switch').first().click();
    await page.getByLabel('Whole categories, with their nominees and results').check();
    const template = await page.request.get(`${url}${await page.getByRole('link', { name: 'CSV template' }).getAttribute('href')}`);
    await page.getByLabel('Spreadsheet file').setInputFiles({ name: 'categories.csv', mimeType: 'text/csv', buffer: await template.body() });
    await page.locator('table.changes tr[data-category="example-nominees"]').waitFor();
    await page.getByText('Added to the run of show').first().waitFor();
    await page.screenshot({ path: screenshotPath('studio-import-en-categories'), fullPage: true });
    await context.close();
  }, 120_000);
});
