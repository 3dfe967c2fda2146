import ExcelJS from 'exceljs';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, serverAndBrowser } from '../helpers/browser';
import { getState, login, PASSCODE } from '../helpers/server-harness';

/**
 * Issue 10's "Done when", end to end in Chromium, through the studio alone (no API call, no file
 * edited by hand; the API is only read, to check): two ceremonies built from nothing — an
 * Oscars-style nominees night (English only) and a ranked prize (Persian and English) — with their
 * details, a run of show reordered by keyboard, categories, results imported from an .xlsx whose one
 * bad row is marked and fixed, previewed on the stage in both languages, published, sealed in the
 * console and run with GO to the end. Every name is invented: no real organization's result.
 */
const env = serverAndBrowser();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Ceremony {
  id: string;
  details: { titleFa?: string; titleEn: string; date: string; timeZone: string; venueEn: string; english: boolean };
  categories: { kind: 'nominees' | 'ranked'; id: string; titleFa?: string; titleEn: string; places?: number }[];
  /** The results sheet: header, then rows; `bad` is the row (1-based, in the sheet) to break first. */
  sheet: { rows: (string | number)[][]; bad: { row: number; column: string; value: string } };
  /** The segment moved by keyboard, and how many places up. */
  reorder: { handle: string; up: number };
  /** Every real name: none may be on a stand-in preview; each is on the screens once revealed. */
  names: string[];
}

const nightOfFilms: Ceremony = {
  id: 'night-of-films',
  details: { titleEn: 'The Night of Imaginary Films', date: '2026-03-15', timeZone: 'America/Los_Angeles', venueEn: 'The Invented Theatre', english: true },
  categories: [
    { kind: 'nominees', id: 'best-picture', titleEn: 'Best Picture' },
    { kind: 'nominees', id: 'best-actress', titleEn: 'Best Actress' },
  ],
  sheet: {
    rows: [
      ['category', 'nominee', 'winner', 'type', 'name_en', 'entry_en'],
      ['best-picture', 'lantern', '', 'organization', 'Lantern Over Water', ''],
      ['best-picture', 'paper-moon', 'yes', 'organization', 'A Paper Moonrise', ''],
      ['best-picture', 'salt-roads', '', 'organization', 'The Salt Roads', ''],
      ['best-actress', 'mara', '', 'person', 'Mara Quillfeather', 'Lantern Over Water'],
      ['best-actress', 'odile', 'yes', 'person', 'Odile Brambleton', 'The Salt Roads'],
    ],
    bad: { row: 3, column: 'nominee', value: 'Paper Moon!' },
  },
  reorder: { handle: 'Reorder Category: Best Actress', up: 1 },
  names: ['A Paper Moonrise', 'Odile Brambleton', 'Lantern Over Water', 'Mara Quillfeather'],
};

const designPrize: Ceremony = {
  id: 'design-prize',
  details: { titleFa: 'جایزهٔ خیالی طراحی', titleEn: 'The Imaginary Design Prize', date: '2026-05-20', timeZone: 'Asia/Tehran', venueEn: 'The Made-up Hall', english: false },
  categories: [
    { kind: 'ranked', id: 'poster', titleFa: 'پوستر', titleEn: 'Poster', places: 3 },
    { kind: 'ranked', id: 'typeface', titleFa: 'حروف‌نگاری', titleEn: 'Typeface', places: 2 },
  ],
  sheet: {
    rows: [
      ['category', 'place', 'type', 'name_fa', 'name_en'],
      ['poster', 1, 'person', 'نگار خیال‌پور', 'Negar Khialpour'],
      ['poster', 2, 'person', 'بهرام ساختگی', 'Bahram Sakhtegi'],
      ['poster', 3, 'organization', 'استودیو افسانه', 'Afsaneh Studio'],
      ['typeface', 1, 'person', 'لیلا پندار', 'Leila Pendar'],
      ['typeface', 2, 'organization', 'گروه رویا', 'Roya Group'],
    ],
    bad: { row: 4, column: 'place', value: 'third' },
  },
  reorder: { handle: 'Reorder Category: Typeface', up: 1 },
  names: ['Negar Khialpour', 'Bahram Sakhtegi', 'Afsaneh Studio', 'Leila Pendar', 'Roya Group', 'نگار خیال‌پور', 'لیلا پندار'],
};

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('results');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const saved = (page: Page) => page.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });

async function buildInStudio(page: Page, ceremony: Ceremony): Promise<void> {
  const { url } = env.server;
  await page.goto(`${url}/operator/studio?lang=en`);
  await page.getByLabel('Ceremony id').fill(ceremony.id);
  await page.getByLabel('Blank').check();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('tab', { name: 'Details', selected: true }).waitFor();

  // Details.
  const d = ceremony.details;
  if (d.titleFa) await page.getByLabel('Title (Persian)').fill(d.titleFa);
  await page.getByLabel('Title (English)').fill(d.titleEn);
  await page.getByLabel('Date', { exact: true }).fill(d.date);
  await page.getByLabel('Time zone').selectOption(d.timeZone);
  await page.getByLabel('Venue (English)').fill(d.venueEn);
  if (d.english) await page.getByRole('group', { name: 'Default language of the screens' }).getByLabel('English').check();

  // Categories, by the form; their results come from the spreadsheet.
  await page.getByRole('tab', { name: 'Categories' }).click();
  for (const category of ceremony.categories) {
    await page.getByRole('button', { name: category.kind === 'ranked' ? 'Add ranked category' : 'Add nominees category' }).click();
    const editor = page.getByRole('region', { name: /^Editing category/ });
    await editor.getByLabel('Id', { exact: true }).fill(category.id);
    if (category.titleFa) await editor.getByLabel('Title (Persian)').fill(category.titleFa);
    await editor.getByLabel('Title (English)').fill(category.titleEn);
    if (category.places) await editor.getByLabel('Number of places').fill(String(category.places));
  }
  await saved(page);

  // The run of show: a closing, and a category moved up by keyboard (Space, arrow, Space).
  await page.getByRole('tab', { name: 'Run of show' }).click();
  await page.getByRole('button', { name: '+ Add Closing' }).click();
  const handle = page.getByLabel(ceremony.reorder.handle);
  await handle.focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < ceremony.reorder.up; i++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  const moved = ceremony.reorder.handle.replace('Reorder ', '');
  await expect.poll(() => page.locator('li[data-segment]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
    'Opening (opening)',
    moved,
    ...ceremony.categories.map((c) => `Category: ${c.titleEn}`).filter((name) => name !== moved),
    'Closing (closing)',
  ]);
  await saved(page);

  // Results from an .xlsx: one bad row, marked on its row and column; the fixed file applied.
  await page.getByRole('tab', { name: 'Spreadsheet' }).click();
  const { bad } = ceremony.sheet;
  const broken = ceremony.sheet.rows.map((row, i) => (i + 1 === bad.row ? row.map((cell, c) => (ceremony.sheet.rows[0]![c] === bad.column ? bad.value : cell)) : row));
  await page.getByLabel('Spreadsheet file').setInputFiles({ name: `${ceremony.id}.xlsx`, mimeType: XLSX, buffer: await workbook(broken) });
  const badCell = page.locator(`table.sheet tr[data-row="${bad.row}"] td[data-column="${bad.column}"]`);
  await badCell.waitFor({ timeout: 30_000 });
  expect(await badCell.getAttribute('class')).toContain('bad');
  expect(await page.locator('table.sheet td.bad').count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Apply all' }).isDisabled()).toBe(true);
  await page.screenshot({ path: screenshotPath(`studio-show-${ceremony.id}-bad-row`), fullPage: true });
  await page.getByRole('button', { name: 'Choose another file' }).click();
  await page.getByLabel('Spreadsheet file').setInputFiles({ name: `${ceremony.id}.xlsx`, mimeType: XLSX, buffer: await workbook(ceremony.sheet.rows) });
  await page.locator('table.changes').waitFor({ timeout: 30_000 });
  expect(await page.locator('table.sheet td.bad').count()).toBe(0);
  await page.getByRole('button', { name: 'Apply all' }).click();
  await page.locator('table.sheet').waitFor({ state: 'detached' });
  await saved(page);

  // Nothing left to fix: the Check page has no problem of the definition.
  expect(await page.getByRole('tab', { name: 'Check' }).locator('.count').count()).toBe(0);
}

/** The stage preview of the last reveal of the first category, in both languages, on stand-ins. */
async function previewStage(page: Page, ceremony: Ceremony): Promise<void> {
  await page.getByRole('tab', { name: 'Preview' }).click();
  await page.getByLabel('Stage').check();
  await page.getByLabel('Both, side by side').check();
  await page.getByLabel('Stand-in names').check();
  const cues = page.getByRole('listbox', { name: 'Cues' }).getByRole('option');
  await cues.first().waitFor();
  const labels = await cues.allInnerTexts();
  const first = ceremony.categories[0]!;
  const reveal = labels.findLastIndex((l) => l.includes(first.titleEn) && !/Introduc|Summary/.test(l));
  expect(reveal).toBeGreaterThan(0);
  await cues.nth(reveal).click();
  const frames = page.locator('iframe');
  await expect.poll(() => frames.count(), { timeout: 30_000 }).toBe(2);
  for (const lang of ['fa', 'en'] as const) {
    const frame = (await page.locator(`iframe[data-lang=${lang}]`).elementHandle())!;
    const content = (await frame.contentFrame()) as Frame;
    await content.locator('[data-testid=preview-mark][data-status=ready]').waitFor({ timeout: 30_000 });
    expect(await content.locator('html').getAttribute('lang')).toBe(lang);
    const text = await content.locator('body').innerText();
    expect(text).toContain(lang === 'fa' ? first.titleFa ?? first.titleEn : first.titleEn);
    for (const name of ceremony.names) expect(text).not.toContain(name);
  }
  await page.screenshot({ path: screenshotPath(`studio-show-${ceremony.id}-preview`), fullPage: true });
}

async function publish(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Publish' }).click();
  await page.getByRole('button', { name: 'Publish…' }).click();
  await page.locator('dialog[open] button.confirm').click();
  await page.getByText('Version 1 was published.').waitFor({ timeout: 30_000 });
}

/** In the console: seal, then GO to the end; the audience page (English by the ceremony's default when asked) shows every winner. */
async function sealAndRun(page: Page, ceremony: Ceremony): Promise<void> {
  const { url } = env.server;
  await page.goto(`${url}/operator?ceremony=${ceremony.id}&lang=en`);
  await page.locator('header .connection[data-status=live]').waitFor({ timeout: 30_000 });
  const seal = page.getByTestId('seal-control');
  await seal.getByRole('button', { name: 'Seal the results' }).click();
  await page.locator('dialog[open] button.confirm').click();
  await seal.getByText('Seal no. 1').waitFor({ timeout: 30_000 });

  const audience = await (await env.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await audience.goto(`${url}/c/${ceremony.id}`);
  await audience.locator('h1').waitFor();
  // A new viewer, no language chosen: an English-only ceremony opens in English, the other in Persian.
  await expect.poll(() => audience.locator('html').getAttribute('lang'), { timeout: 30_000 }).toBe(ceremony.details.english ? 'en' : 'fa');

  const token = await login(url);
  const go = page.locator('button.go');
  for (let step = 0; step < 40; step++) {
    const state = await getState(url, ceremony.id, token);
    if (!state.nextCue) break;
    await expect.poll(() => go.isEnabled(), { timeout: 30_000 }).toBe(true);
    await go.click();
    await expect.poll(() => getState(url, ceremony.id).then((s: { seq: number }) => s.seq), { timeout: 30_000 }).toBeGreaterThan(state.seq);
  }
  const end = await getState(url, ceremony.id, token);
  expect(end.nextCue ?? null).toBeNull();
  const shown = ceremony.details.english ? ceremony.names.filter((n) => /^[A-Z]/.test(n)) : ceremony.names.filter((n) => !/^[A-Za-z]/.test(n));
  // The winners (and, for a ranked prize, every place) are on the audience's screen at the end.
  const winners = ceremony.details.english ? ['A Paper Moonrise', 'Odile Brambleton'] : shown;
  for (const name of winners) await audience.getByText(name).first().waitFor({ timeout: 30_000 });
  await audience.screenshot({ path: screenshotPath(`studio-show-${ceremony.id}-audience-end`), fullPage: true });
  await audience.context().close();
}

describe('[S32] the studio, end to end in Chromium', () => {
  it('[S32] builds a nominees night and a ranked prize from nothing, imports their results from .xlsx, previews, publishes, seals and runs them', async () => {
    const { url } = env.server;
    const page = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(`${url}/operator?lang=en`);
    await page.locator('#passcode').fill(PASSCODE);
    await page.locator('form.login button[type=submit]').click();
    await page.locator('button.go').waitFor();

    for (const ceremony of [nightOfFilms, designPrize]) {
      await buildInStudio(page, ceremony);
      await previewStage(page, ceremony);
      await publish(page);
      const listed = (await (await fetch(`${url}/api/ceremonies`)).json()) as { id: string }[];
      expect(listed.map((c) => c.id)).toContain(ceremony.id);
      await sealAndRun(page, ceremony);
    }
    await page.context().close();
  }, 420_000);
});
