import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { serverAndBrowser, OUTPUT_DIR, screenshotPath } from '../helpers/browser';
import { sampleCeremony, seedCeremony } from '../helpers/ceremony-harness';
import { getState, login, PASSCODE, postCommand } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
const SAMPLE = 'sample-awards';
const env = serverAndBrowser();
let token: string;
beforeAll(async () => {
  token = await login(env.server.url);
});

async function goUntil(ceremonyId: string, done: (state: any) => boolean): Promise<void> {
  for (let state = await getState(env.server.url, ceremonyId, token); !done(state); state = await getState(env.server.url, ceremonyId, token)) {
    expect((await postCommand(env.server.url, token, ceremonyId, { type: 'go', expectedCue: state.nextCue.id })).status).toBe(200);
  }
}

/** The pages of a PDF Chromium wrote: its page objects (not the /Pages tree). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

const seedNames = (lang: 'fa' | 'en') => {
  const g2g = seedCeremony().categories[0]!;
  return g2g.kind === 'ranked' ? [...g2g.results].sort((a, b) => a.place - b.place).map((r) => r.recipient.name[lang]!) : [];
};

async function english(page: Page): Promise<void> {
  await page.locator('button.language-switch').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
}

describe('the archive in Chromium', () => {
  it('[S3] mid-ceremony, the public results page shows what is revealed so far and not one unrevealed name', async () => {
    await goUntil(SAMPLE, (s) => s.categories[0].results.length === 2);
    const page = await env.browser.newPage({ viewport: { width: 1000, height: 1000 } });
    await page.goto(`${env.server.url}/results/${SAMPLE}`);
    await page.locator('.archive-category').first().waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain('نتایجی که تاکنون اعلام شده است');
    const def = sampleCeremony();
    const bestApp = def.categories.find((c) => c.id === 'best-app')!;
    if (bestApp.kind !== 'ranked') throw new Error('best-app is ranked');
    const shown = await page.locator('.archive-category .name').allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    for (const r of bestApp.results.filter((r) => r.place <= 2)) expect(text).not.toContain(r.recipient.name.fa);
    await page.screenshot({ path: screenshotPath('results-fa-in-progress'), fullPage: true, animations: 'disabled' });
    await page.close();
  });

  it('after the ceremony: the results page in Persian (Jalali date, QR code to itself) and English', async () => {
    await goUntil(SEED, (s) => s.nextCue === null);
    const page = await env.browser.newPage({ viewport: { width: 1000, height: 1100 } });
    await page.goto(`${env.server.url}/results/${SEED}`);
    await page.locator('.archive-category .name').first().waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fa', 'rtl']);
    expect(await page.locator('.archive-category .name').allInnerTexts()).toEqual(seedNames('fa'));
    await page.getByText('سه‌شنبه ۵ اسفند ۱۳۹۹').waitFor();
    await page.getByText('نتایج نهایی مراسم').waitFor();
    const qr = page.locator('figure.qr img');
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await qr.getAttribute('src')).toBe(`/api/ceremonies/${SEED}/results-qr.svg`);
    await page.screenshot({ path: screenshotPath('results-fa-final'), fullPage: true, animations: 'disabled' });

    await english(page);
    await page.getByText('Tuesday 23 February 2021').waitFor();
    expect(await page.locator('.archive-category .name').allInnerTexts()).toEqual(seedNames('en'));
    await page.screenshot({ path: screenshotPath('results-en-final'), fullPage: true, animations: 'disabled' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(OUTPUT_DIR, 'results-en.pdf'), pdf);
    expect(pdfPageCount(pdf)).toBe(1);
    await page.close();
  });

  it('certificates ask for the operator passcode, then print to PDF as exactly one A4 landscape page per certificate (4 for the seed)', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/certificates/${SEED}`);
    await page.locator('#archive-passcode').waitFor();
    for (const name of seedNames('fa')) expect(await page.locator('body').innerText()).not.toContain(name);
    await page.screenshot({ path: screenshotPath('certificates-fa-sign-in'), animations: 'disabled' });
    await page.locator('#archive-passcode').fill(PASSCODE);
    await page.locator('form.passcode-form button[type=submit]').click();

    const certificates = page.locator('article.certificate');
    await expect.poll(() => certificates.count()).toBe(4);
    expect(await page.locator('.certificate .recipient').allInnerTexts()).toEqual(seedNames('fa'));
    const third = certificates.nth(2);
    expect(await third.getAttribute('dir')).toBe('rtl');
    const thirdText = await third.innerText();
    expect(thirdText).toContain('گواهی اهتمام به تعالی در آمادگی دولت الکترونیک');
    expect(thirdText).toContain('رتبه سوم');
    expect(thirdText).toContain('بهترین خدمات دولت به دولت (G2G)');
    expect(thirdText).toContain('سامانه تدارکات الکترونیکی دولت (ستاد)');
    expect(thirdText).toContain('سه‌شنبه ۵ اسفند ۱۳۹۹');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: screenshotPath('certificates-fa'), fullPage: true, animations: 'disabled' });
    await third.screenshot({ path: screenshotPath('certificate-fa-3rd'), animations: 'disabled' });

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(OUTPUT_DIR, 'certificates-fa.pdf'), pdf);
    expect(pdfPageCount(pdf)).toBe(4);
    // A4 landscape: 297 × 210 mm is 842 × 595 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);
    // As printed, on a viewport of the page's size (297 × 210 mm at 96 px/in): no toolbar, the first certificate fills the page.
    await page.setViewportSize({ width: 1123, height: 794 });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.locator('header.toolbar').isVisible()).toBe(false);
    const rect = await certificates.first().evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect([rect.top, Math.round(rect.left), Math.round(rect.width), Math.round(rect.height)]).toEqual([0, 0, 1123, 794]);
    await page.screenshot({ path: screenshotPath('certificates-fa-print'), animations: 'disabled' });
    // null, not 'screen': page.pdf() prints with screen styles after an explicit 'screen'.
    await page.emulateMedia({ media: null });
    await page.setViewportSize({ width: 1280, height: 900 });

    await english(page);
    await expect.poll(() => page.locator('.certificate .recipient').allInnerTexts()).toEqual(seedNames('en'));
    expect(await certificates.nth(2).innerText()).toContain('3rd place');
    await page.screenshot({ path: screenshotPath('certificates-en'), fullPage: true, animations: 'disabled' });
    await certificates.nth(2).screenshot({ path: screenshotPath('certificate-en-3rd'), animations: 'disabled' });
    const pdfEn = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(OUTPUT_DIR, 'certificates-en.pdf'), pdfEn);
    expect(pdfPageCount(pdfEn)).toBe(4);
    await context.close();
  });

  it('on a 390-px phone the certificates scale to the width (no sideways scroll), a mention is headed تقدیر with its number', async () => {
    await goUntil(SAMPLE, (s) => s.nextCue === null);
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/certificates/${SAMPLE}`);
    await page.locator('#archive-passcode').fill(PASSCODE);
    await page.locator('form.passcode-form button[type=submit]').click();
    const certificates = page.locator('article.certificate');
    await expect.poll(() => certificates.count()).toBeGreaterThan(2);
    await page.evaluate(() => document.fonts.ready);
    const mentions = page.locator('article.certificate.mention');
    expect(await mentions.count()).toBe(2);
    expect(await mentions.locator('.prize').allInnerTexts()).toEqual(['تقدیر', 'تقدیر']);
    expect(await mentions.first().getAttribute('data-number')).toBe(`${SAMPLE}/best-app/m-1`);
    expect(await mentions.first().locator('.number code').innerText()).toBe(`${SAMPLE}/best-app/m-۱`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Nothing inside a sheet is cut: every line of text is within its frame.
    const clipped = await certificates.evaluateAll((sheets) =>
      sheets.flatMap((sheet) => {
        const frame = sheet.querySelector('.frame')!.getBoundingClientRect();
        return [...sheet.querySelectorAll('p, h2, footer')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.left < frame.left - 1 || r.right > frame.right + 1 || r.bottom > frame.bottom + 1;
        }).map((el) => el.textContent);
      }),
    );
    expect(clipped).toEqual([]);
    await page.screenshot({ path: screenshotPath('certificates-fa-phone'), fullPage: true, animations: 'disabled' });
    await mentions.first().screenshot({ path: screenshotPath('certificate-fa-mention-phone'), animations: 'disabled' });
    await english(page);
    await expect.poll(() => mentions.locator('.prize').allInnerTexts()).toEqual(['Honourable mention', 'Honourable mention']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('certificates-en-phone'), fullPage: true, animations: 'disabled' });
    await context.close();
  });
});
