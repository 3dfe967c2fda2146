import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { serverAndBrowser, screenshotPath } from '../helpers/browser';
import { getState, login, PASSCODE, postCommand, ROOT } from '../helpers/server-harness';

/**
 * Every string a page shows comes from the dictionaries of its language (issue 11: "Wrong passcode."
 * in English on the Persian login, "operator" in English in the Persian audit log). A text with a
 * Latin letter on a Persian page (or a Persian letter on an English page) must be data: a value of
 * the ceremony's definition shown as it is written (pickText, so the other language only where the
 * page's is missing), what the operator typed, a URL, an id, a hash, the passcode.
 */

const SAMPLE = 'sample-awards';
const env = serverAndBrowser();
let token: string;

type Lang = 'fa' | 'en';
interface Seen {
  text: string;
  where: string;
}

/** The operator's own words in this run (typed at the console: data, like the definition's). */
const announcement = { fa: 'پذیرایی در سالن کناری', en: 'Refreshments are in the side hall' };
const holdMessage = { fa: 'وقفه کوتاه فنی', en: 'A short technical pause' };

/** Every text ({fa, en}) of a definition: its titles, names, entries, roles. */
function definitionTexts(value: unknown, out: { fa?: string; en?: string }[] = []): { fa?: string; en?: string }[] {
  if (Array.isArray(value)) {
    for (const v of value) definitionTexts(v, out);
  } else if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((k) => k === 'fa' || k === 'en') && keys.every((k) => typeof (value as Record<string, unknown>)[k] === 'string')) {
      out.push(value as { fa?: string; en?: string });
    } else {
      for (const v of Object.values(value)) definitionTexts(v, out);
    }
  }
  return out;
}

/** Every id of a definition (a category's, a segment's): shown as codes in the studio. */
function definitionIds(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) definitionIds(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'id' || k.endsWith('Id')) && typeof v === 'string') out.push(v);
      else definitionIds(v, out);
    }
  }
  return out;
}

const definition: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'ceremonies', `${SAMPLE}.json`), 'utf8'));
const texts = [...definitionTexts(definition), announcement, holdMessage];
const ids = definitionIds(definition);

/** The data a page in `lang` may show as it is: each text as pickText gives it, or (the studio edits both) either language. */
function dataStrings(lang: Lang, bothLanguages: boolean): string[] {
  const shown = texts.flatMap((t) => (bothLanguages ? [t.fa, t.en] : [lang === 'fa' ? (t.fa ?? t.en) : (t.en ?? t.fa)]));
  return [...new Set([...shown.filter((s): s is string => !!s), ...ids, SAMPLE, PASSCODE])].sort((a, b) => b.length - a.length);
}

/**
 * Words in the other script that are not data and still right, each with its reason. Kept small on
 * purpose: a new entry needs a reason a reviewer accepts. `whole`: only as the whole text.
 */
const allowed: Record<Lang, { text: RegExp; whole?: boolean; reason: string }[]> = {
  fa: [
    { text: /^English$/, whole: true, reason: 'the language switch names the language it switches to, in that language (lang="en")' },
    { text: /^Switch to English$/, whole: true, reason: 'the language switch’s label is in the language it offers, for a reader of that language' },
    { text: /^[A-Z?]$/, whole: true, reason: 'a letter key as printed on the keyboard (the shortcut help)' },
    { text: /\b(Esc|Enter|Shift|Tab|PageUp|PageDown|Home|End)\b/g, reason: 'a key by the name printed on it (the space bar has none: it is «فاصله»)' },
    { text: /\b(CSV|JSON|QR|PDF|PNG|JPEG|WebP|SVG|Excel|xlsx|UTF-8)\b/g, reason: 'a file format’s name, written so in Persian too' },
    { text: /\bOPERATOR_PASSCODE\b/g, reason: 'an environment variable’s name (code)' },
    { text: /\b(YYYY-MM-DD|HH:MM)\b/g, reason: 'the format a field expects, as typed (Latin digits), in its hint and placeholder' },
    { text: /\b(Africa|America|Asia|Australia|Europe)\/[A-Za-z_]+\b|\bUTC\b/g, reason: 'a time zone’s IANA id, a code stored in the definition' },
    { text: /\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, reason: 'an id in its own form (lowercase Latin and hyphens): another ceremony’s, or the example of one in a hint' },
    { text: /\.(json|csv)\b/g, reason: 'a file name’s extension, as the file chooser shows it' },
    { text: /\b(Vazirmatn|Noto Naskh Arabic|Inter)\b/g, reason: 'a typeface’s own name (the Theme tab’s choice of bundled faces), written so in Persian too' },
    { text: /\bWCAG AA\b/g, reason: 'the name of the accessibility standard the contrast check applies' },
    { text: /#rrggbb\b/g, reason: 'the format a colour field expects, as typed' },
    {
      text: /\b(API|Stream Deck|Companion|Zoom|Skyroom|BigBlueButton|Jitsi|OBS|vMix|Chrome|Firefox|Safari|Edge|Opera|Samsung Internet|Node\.js|curl|Python|Android|iPhone|iPad|ChromeOS|Windows|macOS|Linux)\b/g,
      reason: 'a product’s own name (a sign-in’s browser and system, a control surface), written so in Persian too',
    },
  ],
  en: [
    { text: /^فارسی$/, whole: true, reason: 'the language switch names the language it switches to, in that language (lang="fa")' },
    { text: /^تغییر زبان به فارسی$/, whole: true, reason: 'the language switch’s label is in the language it offers, for a reader of that language' },
  ],
};

const otherScript: Record<Lang, RegExp> = { fa: /[A-Za-z]/, en: /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/ };

/** What is left of a text once its codes are taken out: URLs, paths, hashes, run ids, file names. */
function withoutCodes(text: string): string {
  return text
    .replace(/\b(?:https?:\/\/|localhost:|127\.0\.0\.1)\S*/g, ' ')
    .replace(/(?:^|\s)\/[\w\-./?=&%]+/g, ' ') // a path: /c/sample-awards
    .replace(/\b[0-9a-f]{6,}\b/gi, ' ') // a hash or a seal root
    .replace(/\b(?:live|rehearsal-\d+|replay-[\w-]+)\b/g, ' ') // a run id
    .replace(/\b[\w-]+\.(?:csv|json|pdf|png|svg|jpe?g|webp)\b/gi, ' ') // a file name
    .replace(/\b(?:fa|en)\b(?=\s*[:)\]]|$)/g, ' ') // a language code written as a code (title.fa)
    .replace(/[\w.[\]-]+\.(?:fa|en)\b/g, ' '); // a definition path: categories[0].title.en
}

/** What is left of a text once the definition's words (and the operator's) are taken out. */
function withoutData(text: string, data: readonly string[]): string {
  let rest = text;
  for (const d of data) rest = rest.split(d).join(' ');
  return rest;
}

/** What is left of a text once the allowed words are taken out; '' for an allowed whole text. */
function withoutAllowed(text: string, lang: Lang): string {
  let rest = text;
  for (const a of allowed[lang]) rest = a.whole ? (a.text.test(rest.trim()) ? '' : rest) : rest.replace(a.text, ' ');
  return rest;
}

/** Every visible text node of the page, with the aria-label, title, placeholder and alt of visible elements, and the page title. */
async function shownTexts(page: Page): Promise<Seen[]> {
  return page.evaluate(() => {
    const seen: { text: string; where: string }[] = [];
    const where = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        parts.unshift(e.tagName.toLowerCase() + (e.classList.length ? `.${[...e.classList].slice(0, 2).join('.')}` : ''));
      }
      return parts.join(' > ');
    };
    const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      // A code the page marks as one (an id, a path, a certificate's number) is data, not words.
      if (!el || !text || el.closest('script, style, noscript, template, code, kbd, samp')) continue;
      if (!visible(el) && el.tagName !== 'OPTION') continue;
      // Text the page declares to be in the other language (a typeface's specimen: lang="fa") is that on purpose.
      const declared = el.closest('[lang]');
      if (declared && declared !== document.documentElement && declared.getAttribute('lang') !== document.documentElement.lang) continue;
      seen.push({ text, where: where(el) });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      if (!visible(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) seen.push({ text: value, where: `${where(el)} [${attr}]` });
      }
    }
    if (document.title) seen.push({ text: document.title, where: 'document.title' });
    return seen;
  });
}

/** The texts of `page` in the other language's script that are not data nor allowed, as "where: text". */
async function slips(page: Page, lang: Lang, { bothLanguages = false } = {}): Promise<string[]> {
  // What the page marks as a code (an id's start, a path) is data, there and where a label quotes it.
  const codes = await page.locator('code, kbd, samp').allTextContents();
  const data = [...dataStrings(lang, bothLanguages), ...codes.map((c) => c.trim()).filter(Boolean)].sort((a, b) => b.length - a.length);
  return (await shownTexts(page))
    .filter(({ text }) => otherScript[lang].test(withoutData(withoutAllowed(withoutCodes(text), lang), data)))
    .map(({ text, where }) => `${where}: ${text}`);
}

async function go(ceremonyId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const state = (await getState(env.server.url, ceremonyId, token)) as { nextCue: { id: string } | null };
    if (!state.nextCue) return;
    expect((await postCommand(env.server.url, token, ceremonyId, { type: 'go', expectedCue: state.nextCue.id })).status).toBe(200);
  }
}

async function toTheEnd(ceremonyId: string): Promise<void> {
  await go(ceremonyId, 1000);
}

async function signedInConsole(context: BrowserContext, lang: Lang): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${env.server.url}/operator?ceremony=${SAMPLE}&lang=${lang}`);
  // A wrong passcode first: its refusal is in the page's language (issue 11).
  await page.locator('input[name=sign-in-how][value=passcode]').check();
  await page.locator('#passcode').fill('not-the-passcode');
  await page.locator('form.login button[type=submit]').click();
  await page.locator('form.login [role=alert]').waitFor();
  expect(await slips(page, lang)).toEqual([]);
  await page.locator('#passcode').fill(PASSCODE);
  await page.locator('form.login button[type=submit]').click();
  await page.locator('button.go').waitFor();
  return page;
}

/** Opens `url` and waits for `ready`, then for the page to settle (fonts, lazy chunks). */
async function open(context: BrowserContext, url: string, ready: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${env.server.url}${url}`);
  await page.locator(ready).first().waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

describe('every string shown comes from the page language’s dictionaries', () => {
  beforeAll(async () => {
    token = await login(env.server.url);
    // Mid-show, with something in every panel: reveals, a hold ended with its message, an announcement standing.
    await go(SAMPLE, 5);
    expect((await postCommand(env.server.url, token, SAMPLE, { type: 'hold', message: holdMessage })).status).toBe(200);
    expect((await postCommand(env.server.url, token, SAMPLE, { type: 'resume' })).status).toBe(200);
    await go(SAMPLE, 2);
    expect((await postCommand(env.server.url, token, SAMPLE, { type: 'announce', text: announcement, durationMs: 600_000 })).status).toBe(200);
  });

  for (const lang of ['fa', 'en'] as const) {
    it(`[${lang}] mid-show: the audience page and the operator console (signed in)`, async () => {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const audience = await open(context, `/c/${SAMPLE}?lang=${lang}`, 'article.reveal-card');
      await audience.screenshot({ path: screenshotPath(`page-language-audience-${lang}`), animations: 'disabled' });
      expect(await slips(audience, lang)).toEqual([]);

      const operator = await signedInConsole(context, lang);
      await operator.locator('.audit-log tbody tr').first().waitFor();
      await operator.screenshot({ path: screenshotPath(`page-language-console-${lang}`), fullPage: true, animations: 'disabled' });
      expect(await slips(operator, lang)).toEqual([]);
      await context.close();
    });
  }

  it('the run ends', async () => {
    await toTheEnd(SAMPLE);
    const state = (await getState(env.server.url, SAMPLE, token)) as { nextCue: unknown };
    expect(state.nextCue).toBeNull();
  });

  for (const lang of ['fa', 'en'] as const) {
    it(`[${lang}] after the show: results, certificates, watch again, the studio`, async () => {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const results = await open(context, `/results/${SAMPLE}?lang=${lang}`, '.archive-category .name');
      expect(await slips(results, lang)).toEqual([]);

      const certificates = await open(context, `/certificates/${SAMPLE}?lang=${lang}`, '#archive-passcode');
      await certificates.locator('#archive-passcode').fill('not-the-passcode');
      await certificates.locator('form.passcode-form button[type=submit]').click();
      await certificates.locator('form.passcode-form [role=alert]').waitFor();
      expect(await slips(certificates, lang)).toEqual([]);
      await certificates.locator('#archive-passcode').fill(PASSCODE);
      await certificates.locator('form.passcode-form button[type=submit]').click();
      await certificates.locator('article.certificate').first().waitFor();
      expect(await slips(certificates, lang)).toEqual([]);

      const replay = await open(context, `/replay/${SAMPLE}?lang=${lang}`, '.replay-controls');
      expect(await slips(replay, lang)).toEqual([]);
      await replay.locator('.replay-controls button.step').last().click();
      expect(await slips(replay, lang)).toEqual([]);

      const studio = await open(context, `/operator/studio?ceremony=${SAMPLE}&lang=${lang}`, 'form.login, [role=tablist]');
      if (await studio.locator('form.login').isVisible()) {
        await studio.locator('input[name=sign-in-how][value=passcode]').check();
        await studio.locator('#passcode').fill(PASSCODE);
        await studio.locator('form.login button[type=submit]').click();
      }
      await studio.locator('[role=tablist]').waitFor();
      expect(await slips(studio, lang, { bothLanguages: true })).toEqual([]);
      for (const tab of await studio.locator('[role=tab]').all()) {
        await tab.click();
        await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
        expect(await slips(studio, lang, { bothLanguages: true }), `the studio's tab "${await tab.innerText()}"`).toEqual([]);
      }
      await context.close();
    });
  }
});
