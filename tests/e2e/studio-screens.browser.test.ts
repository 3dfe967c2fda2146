import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { categoriesDictionary } from '../../client/lib/i18n-studio-categories';
import { detailsDictionary } from '../../client/lib/i18n-studio-details';
import { imagesDictionary } from '../../client/lib/i18n-studio-images';
import { importDictionary } from '../../client/lib/i18n-studio-import';
import { previewDictionary } from '../../client/lib/i18n-studio-preview';
import { themeDictionary } from '../../client/lib/i18n-studio-theme';
import { studioDictionary } from '../../client/lib/i18n-studio';
import type { Messages } from '../../client/lib/i18n';
import type { Language } from '../../shared/text';
import { screenshotPath, serverAndBrowser } from '../helpers/browser';
import { sampleCeremony } from '../helpers/ceremony-harness';
import { login, PASSCODE } from '../helpers/server-harness';

/**
 * Every studio page in Persian and English, on a laptop (1366×768) and a tablet (820×1180): a
 * full-page screenshot of each (test-output/studio-<tab>-<lang>-<width>.png, to be looked at), and
 * what can be asserted of its layout: the document's direction and language, nothing wider than
 * the window, every control named, no UI string of the other language. Then the stage manager's
 * Categories page: the shape of the results, no way to show them, no name of them anywhere.
 */
const env = serverAndBrowser();
const CEREMONY = 'studio-screens';
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 820, height: 1180 },
] as const;
const TABS = ['ceremonies', 'details', 'theme', 'runOfShow', 'categories', 'organizations', 'import', 'check', 'preview', 'publish'] as const;
type Tab = (typeof TABS)[number];
const TAB_KEYS = {
  ceremonies: 'tabCeremonies',
  details: 'tabDetails',
  theme: 'tabTheme',
  runOfShow: 'tabRunOfShow',
  categories: 'tabCategories',
  organizations: 'tabOrganizations',
  import: 'tabImport',
  check: 'tabCheck',
  preview: 'tabPreview',
  publish: 'tabPublish',
} as const satisfies Record<Tab, keyof typeof studioDictionary>;

/** The studio's UI strings, each in both languages (the console's base strings included). */
const dictionaries: Messages[] = [studioDictionary, categoriesDictionary, detailsDictionary, imagesDictionary, importDictionary, previewDictionary, themeDictionary];

/** The whole strings of `lang` that differ from the other language's (a placeholder's value is not known: those are cut at it). */
function uiStrings(lang: Language): string[] {
  const other: Language = lang === 'fa' ? 'en' : 'fa';
  const out = new Set<string>();
  for (const dictionary of dictionaries) {
    for (const entry of Object.values(dictionary)) {
      if (entry[lang] === entry[other]) continue;
      for (const piece of entry[lang].split(/\{[^}]*\}/)) {
        const text = piece.trim();
        // Single short words ("Row", "برگه") say too little to be sure.
        if (text.length >= 8 && /\s/.test(text)) out.add(text);
      }
    }
  }
  return [...out];
}

/** The names of the sample's results and mentions (its secret part); nominees' names are public. */
function secretNames(): string[] {
  const names = new Set<string>();
  for (const category of sampleCeremony().categories) {
    const entries = [...(category.kind === 'ranked' ? category.results : []), ...(category.mentions ?? [])];
    for (const { recipient } of entries) for (const text of [recipient.name.fa, recipient.name.en]) if (text) names.add(text);
  }
  return [...names];
}

async function resultsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('results');
  ws.addRow(['category', 'place', 'type', 'name_fa', 'name_en', 'score']);
  ws.addRow(['best-app', 1, 'organization', 'شرکت خیالی نو', 'New Imaginary Co.', 97]);
  ws.addRow(['best-app', '3rd', 'person', 'سارا خیالی', 'Sara Imaginary', 80]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function api<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(`${env.server.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Layout {
  dir: string;
  lang: string;
  scrollWidth: number;
  innerWidth: number;
  /** Visible elements that stick out of the window, sideways. */
  outside: string[];
  /** Visible controls without an accessible name. */
  unnamed: string[];
  /** Visible text whose colour has less than WCAG's 4.5:1 (3:1 when large) on what is behind it. */
  lowContrast: string[];
  /** Visible text, outside what is marked as being in another language (lang="…"): one entry per text node. */
  texts: string[];
}

/** Reads the page's layout, its controls' names and its text (run in the page). */
function readLayout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}> ${el.outerHTML.slice(0, 160)}`;
    const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
    const textOf = (el: Element | null) => (el instanceof HTMLElement ? el.innerText : (el?.textContent ?? '')).trim();
    const nameOf = (el: HTMLElement): string => {
      const labelledBy = el.getAttribute('aria-labelledby');
      if (labelledBy) {
        const text = labelledBy.split(/\s+/).map((id) => textOf(document.getElementById(id))).join(' ').trim();
        if (text) return text;
      }
      const label = el.getAttribute('aria-label')?.trim();
      if (label) return label;
      const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map(textOf).join(' ').trim() : '';
      if (labels) return labels;
      if (el instanceof HTMLButtonElement) return textOf(el) || el.title.trim();
      if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) return el.value.trim();
      return el.title.trim();
    };
    type Rgba = [number, number, number, number];
    const rgba = (css: string): Rgba => {
      const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return [r, g, b, css.startsWith('rgba') ? a : 1];
    };
    const over = ([r, g, b, a]: Rgba, [R, G, B]: Rgba): Rgba => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];
    const luminance = ([r, g, b]: Rgba) => {
      const [R, G, B] = [r, g, b].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    /** The contrast of an element's text on the colours behind it (its own and its ancestors' opacity included); null behind an image. */
    const contrastOf = (el: HTMLElement): number | null => {
      let opacity = 1;
      const layers: Rgba[] = [];
      for (let up: Element | null = el; up; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.backgroundImage !== 'none') return null;
        opacity *= Number(style.opacity);
        const background = rgba(style.backgroundColor);
        if (background[3] > 0) layers.push(background);
        if (background[3] === 1) break;
      }
      const behind = layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
      const [r, g, b, a] = rgba(getComputedStyle(el).color);
      const text = over([r, g, b, a * opacity], behind);
      const [light, dark] = [luminance(text), luminance(behind)].sort((x, y) => y - x);
      return (light! + 0.05) / (dark! + 0.05);
    };
    const width = window.innerWidth;
    /** The part of an element's box that can be seen: a scrolling (or clipping) ancestor cuts it to its own box. */
    const seenBox = (el: Element): { left: number; right: number } => {
      const box = el.getBoundingClientRect();
      let { left, right } = box;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX === 'visible') continue;
        const clip = up.getBoundingClientRect();
        left = Math.max(left, clip.left);
        right = Math.min(right, clip.right);
      }
      return { left, right };
    };
    const outside: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (!visible(el) || el.getBoundingClientRect().width === 0) continue;
      const { left, right } = seenBox(el);
      if (right > left && (right > width + 1 || left < -1)) outside.push(`${describe(el)} [${Math.round(left)}, ${Math.round(right)}]`);
    }
    const unnamed = [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
      .filter((el) => !(el instanceof HTMLInputElement && el.type === 'hidden') && visible(el) && nameOf(el) === '')
      .map(describe);
    const lowContrast = [...document.body.querySelectorAll<HTMLElement>('*')]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '') && visible(el) && !el.closest(':disabled, [aria-hidden=true], .visually-hidden'))
      .flatMap((el) => {
        const ratio = contrastOf(el);
        const style = getComputedStyle(el);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        return ratio !== null && ratio < (large ? 3 : 4.5) ? [`${describe(el)} ${ratio.toFixed(2)}:1`] : [];
      });
    const pageLang = document.documentElement.lang;
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || text === '' || parent.closest('script, style') || !visible(parent)) continue;
      const marked = parent.closest('[lang]')?.getAttribute('lang');
      if (marked && marked !== pageLang) continue;
      texts.push(text);
    }
    return { dir: document.documentElement.dir, lang: pageLang, scrollWidth: document.documentElement.scrollWidth, innerWidth: width, outside, unnamed, lowContrast, texts };
  });
}

/** Screenshots the page as `name` and asserts its layout in `lang`. */
async function lookAt(page: Page, name: string, lang: Language): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: screenshotPath(name), fullPage: true, animations: 'disabled' });
  const layout = await readLayout(page);
  expect.soft({ dir: layout.dir, lang: layout.lang }, name).toEqual({ dir: lang === 'fa' ? 'rtl' : 'ltr', lang });
  expect.soft(layout.outside, `${name}: outside the window`).toEqual([]);
  expect.soft(layout.scrollWidth, `${name}: wider than the window`).toBeLessThanOrEqual(layout.innerWidth);
  expect.soft(layout.unnamed, `${name}: controls without a name`).toEqual([]);
  expect.soft(layout.lowContrast, `${name}: text hard to read`).toEqual([]);
  const text = layout.texts.join('\n');
  const foreign = uiStrings(lang === 'fa' ? 'en' : 'fa').filter((s) => text.includes(s));
  expect.soft(foreign, `${name}: the other language's UI strings`).toEqual([]);
  // Three English words in a row in a Persian page (a Persian word in an English one), outside what is marked lang="…".
  const stray = layout.texts.filter((s) => (lang === 'fa' ? /[A-Za-z]{2,}[\s,.:;]+[A-Za-z]{2,}[\s,.:;]+[A-Za-z]{2,}/ : /[\u0600-\u06FF]{2,}/).test(s));
  expect.soft(stray, `${name}: text of the other language`).toEqual([]);
}

async function openTab(page: Page, tab: Tab, lang: Language): Promise<void> {
  // The list of ceremonies is opened as an organizer reaches it: from an open ceremony, by its tab.
  await page.goto(`${env.server.url}/operator/studio?ceremony=${CEREMONY}&tab=${tab === 'ceremonies' ? 'details' : tab}&lang=${lang}`);
  if (tab === 'ceremonies') {
    await page.locator('#details-date').waitFor({ timeout: 30_000 });
    await page.locator('#studio-tab-ceremonies').click();
  }
  const ready: Record<Tab, string> = {
    ceremonies: `tr[data-ceremony="${CEREMONY}"]`,
    details: '#details-date',
    theme: '#theme-primary-hex',
    runOfShow: 'li[data-segment]',
    categories: '[data-testid=results-shape]',
    organizations: '#organization-0-id',
    import: '#sheet-file',
    check: 'li[data-check]',
    preview: 'iframe',
    publish: '.diff li, .diff p.help',
  };
  await page.locator(ready[tab]).first().waitFor({ timeout: 30_000 });
  // The tabs are in the page's language.
  for (const [i, name] of TABS.map((t) => studioDictionary[TAB_KEYS[t]][lang]).entries()) {
    expect((await page.getByRole('tab').nth(i).innerText()).trim()).toMatch(new RegExp(`^${name}`));
  }
}

describe('[S32] every studio page in Persian and English, on a laptop and a tablet', () => {
  it('[S32] screenshots of each page, each laid out in its direction, within the window, every control named, in one language', async () => {
    const page = await env.browser.newPage({ viewport: VIEWPORTS[0] });
    // The first producer: the passcode, at the console.
    await page.goto(`${env.server.url}/operator`);
    await page.locator('#passcode').fill(PASSCODE);
    await page.locator('form.login button[type=submit]').click();
    await page.locator('button.go').waitFor({ timeout: 30_000 });
    // A ceremony from the fictional sample, made in the studio.
    await page.goto(`${env.server.url}/operator/studio?lang=fa`);
    await page.getByLabel('شناسهٔ مراسم').fill(CEREMONY);
    await page.getByLabel('نمونهٔ ساختگی').check();
    await page.getByRole('button', { name: 'ساختن' }).click();
    await page.getByRole('tab', { name: 'مشخصات', selected: true }).waitFor();
    // One organization, so that its page shows the form (and its logo's field), not only the button that adds one.
    await page.locator('#studio-tab-organizations').click();
    await page.locator('#organization-add').click();
    await page.locator('#organization-0-name-fa').fill('سازمان خیالی نمونه');
    await page.locator('#organization-0-name-en').fill('Imaginary Sample Agency');
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
    const sheet = await resultsWorkbook();

    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const lang of ['fa', 'en'] as const) {
        for (const tab of TABS) {
          await openTab(page, tab, lang);
          const name = (what: string) => `studio-${what}-${lang}-${viewport.width}`;
          if (tab === 'categories') {
            await page.locator('button.pick').nth(0).click();
            await lookAt(page, name('categories'), lang);
            await page.locator('button.show').click();
            await page.locator('[data-results-open=true]').waitFor();
            await lookAt(page, name('categories-shown'), lang);
            await page.locator('button.show').click();
            await page.locator('[data-results-open=false]').waitFor();
            // A nominees category of people (their photos' fields), its winners shown.
            await page.locator('button.pick').nth(2).click();
            await page.locator('button.show').click();
            await page.locator('[data-results-open=true]').waitFor();
            await lookAt(page, name('categories-nominees-shown'), lang);
            await page.locator('button.show').click();
            await page.locator('[data-results-open=false]').waitFor();
            continue;
          }
          if (tab === 'import') {
            await page.locator('#sheet-file').setInputFiles({ name: 'results.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: sheet });
            await page.locator('table.sheet td.bad').first().waitFor({ timeout: 30_000 });
          }
          if (tab === 'preview') await page.frameLocator('iframe').first().getByTestId('preview-mark').waitFor({ timeout: 30_000 });
          await lookAt(page, name(tab), lang);
        }
      }
    }
    await page.close();
  }, 240_000);

  it('[S32] the stage manager’s Categories page: the shape, no Show results, no name of a result', async () => {
    const token = await login(env.server.url);
    const { link } = await api<{ link: string }>('POST', '/api/crew/invitations', token, { role: 'stage_manager', name: 'Mina' });
    const joined = await api<{ token: string }>('POST', `/api/invitations/${link.split('/join/')[1]}`, null, { name: 'Mina', secret: 'Mina-secret-1399' });
    const context = await env.browser.newContext({ viewport: VIEWPORTS[1] });
    await context.addCookies([{ name: 'podium_session', value: encodeURIComponent(joined.token), url: env.server.url }]);
    const page = await context.newPage();
    const names = secretNames();
    expect(names.length).toBeGreaterThan(0);
    for (const lang of ['fa', 'en'] as const) {
      await page.goto(`${env.server.url}/operator/studio?ceremony=${CEREMONY}&tab=categories&lang=${lang}`);
      await page.locator('[data-testid=results-shape]').waitFor({ timeout: 30_000 });
      expect(await page.locator('button.pick').count()).toBe(sampleCeremony().categories.length);
      for (let i = 0; i < (await page.locator('button.pick').count()); i += 1) {
        await page.locator('button.pick').nth(i).click();
        await page.locator('[data-testid=results-shape]').waitFor();
        expect(await page.locator('button.show').count()).toBe(0);
        const seen = `${await page.locator('body').innerText()}\n${(await page.locator('input, textarea, select').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).join('\n')}`;
        expect(names.filter((n) => seen.includes(n)), `${lang}, category ${i}`).toEqual([]);
        if (i === 0) await lookAt(page, `studio-categories-stage-${lang}-820`, lang);
      }
    }
    await context.close();
  }, 120_000);
});
