import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DraftDefinition, StudioDraft, UploadedImage } from '../../shared/studio';
import { serverAndBrowser, screenshotPath } from '../helpers/browser';
import { seedCeremony } from '../helpers/ceremony-harness';
import { SVG } from '../helpers/image-bytes';
import { getState, login, PASSCODE, postCommand } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
const PERSON = { fa: 'سارا احمدی', en: 'Sara Ahmadi' };

const env = serverAndBrowser();

/** A picture drawn and encoded by Chromium: a "photo" (a head and shoulders) or a "logo" (a ring on transparency). */
async function drawn(page: Page, kind: 'photo' | 'logo', type: string, width: number, height: number): Promise<Buffer> {
  const url = await page.evaluate(
    ({ kind, type, width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const g = canvas.getContext('2d')!;
      if (kind === 'photo') {
        const sky = g.createLinearGradient(0, 0, 0, height);
        sky.addColorStop(0, '#6b8fb5');
        sky.addColorStop(1, '#2d4560');
        g.fillStyle = sky;
        g.fillRect(0, 0, width, height);
        g.fillStyle = '#e0b48f';
        g.beginPath();
        g.arc(width / 2, height * 0.38, width * 0.2, 0, Math.PI * 2);
        g.fill();
        g.fillStyle = '#7a2e3b';
        g.beginPath();
        g.ellipse(width / 2, height, width * 0.42, height * 0.36, 0, 0, Math.PI * 2);
        g.fill();
      } else {
        g.lineWidth = width * 0.12;
        g.strokeStyle = '#0a6d4d';
        g.beginPath();
        g.arc(width / 2, height / 2, width * 0.36, 0, Math.PI * 2);
        g.stroke();
        g.fillStyle = '#c8102e';
        g.fillRect(width * 0.4, height * 0.25, width * 0.2, height * 0.5);
      }
      return canvas.toDataURL(type, 0.9);
    },
    { kind, type, width, height },
  );
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

async function upload(token: string, bytes: Buffer, type: string): Promise<UploadedImage> {
  const res = await fetch(`${env.server.url}/api/studio/ceremonies/${SEED}/images`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: new Uint8Array(bytes) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as UploadedImage;
}

/** Waits until the image is loaded (it came through the server's headers and the page's CSP) and returns its alt. */
async function loadedAlt(page: Page, selector: string): Promise<string> {
  const img = page.locator(selector).first();
  await img.waitFor();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  return (await img.getAttribute('alt')) ?? '';
}

describe('[S32] images on the screens and in the studio, in Chromium', () => {
  it('a revealed recipient shows its photo and its organization its logo: stage, audience and overlay, Persian and English', async () => {
    const token = await login(env.server.url);
    const scratch = await env.browser.newPage();
    const photo = await upload(token, await drawn(scratch, 'photo', 'image/jpeg', 300, 375), 'image/jpeg');
    const logo = await upload(token, await drawn(scratch, 'logo', 'image/png', 240, 240), 'image/png');
    await scratch.close();

    // The seed ceremony with a logo on every organization, and its third place a person of one of them, with a photo.
    const def = seedCeremony();
    def.organizations = def.organizations!.map((o) => ({ ...o, logo: logo.id }));
    const g2g = def.categories.find((c) => c.id === 'g2g')!;
    if (g2g.kind !== 'ranked') throw new Error('g2g is ranked');
    const third = g2g.results.find((r) => r.place === 3)!;
    third.recipient = { type: 'person', name: PERSON, photo: photo.id, organizationId: third.recipient.organizationId! };
    const put = await fetch(`${env.server.url}/api/ceremonies/${SEED}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(def) });
    expect(put.status, await put.clone().text()).toBeLessThan(300);

    const goTo = async (cueId: string) => {
      for (;;) {
        const state = await getState(env.server.url, SEED, token);
        const next = state.nextCue?.id as string | undefined;
        if (!next) throw new Error(`no cue ${cueId}`);
        expect((await postCommand(env.server.url, token, SEED, { type: 'go', expectedCue: next })).status).toBe(200);
        if (next === cueId) return;
      }
    };
    const links = (await (await fetch(`${env.server.url}/api/ceremonies/${SEED}/links`, { headers: { authorization: `Bearer ${token}` } })).json()) as { stage: string; overlay: string };
    const inEnglish = (link: string) => {
      const url = new URL(link);
      url.searchParams.set('lang', 'en');
      return url.toString();
    };
    const stageFa = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const stageEn = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const audienceEn = await env.browser.newPage({ viewport: { width: 420, height: 900 } });
    const overlay = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await stageFa.goto(links.stage);
    await stageEn.goto(inEnglish(links.stage));
    await audienceEn.goto(`${env.server.url}/c/${SEED}?lang=en`);
    await overlay.goto(links.overlay);

    // Fourth place: an organization, its logo named by its name.
    await goTo('g2g/place-4');
    const fourth = g2g.results.find((r) => r.place === 4)!.recipient.name;
    expect(await loadedAlt(stageFa, '.reveal-card img.logo')).toBe(fourth.fa);
    expect(await loadedAlt(stageEn, '.reveal-card img.logo')).toBe(fourth.en);
    await stageFa.screenshot({ path: screenshotPath('images-stage-fa-logo'), animations: 'disabled' });

    // Third place: a person, the photo named by the person's name, the organization's logo beside it.
    await goTo('g2g/place-3');
    expect(await loadedAlt(stageFa, '.reveal-card img.photo')).toBe(PERSON.fa);
    expect(await loadedAlt(stageEn, '.reveal-card img.photo')).toBe(PERSON.en);
    expect(await loadedAlt(audienceEn, '.reveal-card img.photo')).toBe(PERSON.en);
    expect(await loadedAlt(stageFa, '.reveal-card img.logo')).toBe('');
    expect(await loadedAlt(overlay, '.lower-third img.picture')).toBe(PERSON.fa);
    await stageFa.screenshot({ path: screenshotPath('images-stage-fa-photo'), animations: 'disabled' });
    await stageEn.screenshot({ path: screenshotPath('images-stage-en-photo'), animations: 'disabled' });
    await audienceEn.screenshot({ path: screenshotPath('images-audience-en-photo'), animations: 'disabled' });
    await overlay.screenshot({ path: screenshotPath('images-overlay-fa-photo'), animations: 'disabled' });
    // A sensible size: a stage's photo is large, a phone's small, neither past its card.
    const stageBox = (await stageFa.locator('.reveal-card img.photo').boundingBox())!;
    const phoneBox = (await audienceEn.locator('.reveal-card img.photo').boundingBox())!;
    expect(stageBox.height).toBeGreaterThan(phoneBox.height);
    expect(phoneBox.width).toBeLessThan(420 / 3);
    for (const page of [stageFa, stageEn, audienceEn, overlay]) await page.close();
  });

  it('the Organizations tab: add one, upload its logo (a refusal said in Persian), remove it with a warning when a recipient names it', async () => {
    const url = env.server.url;
    // The drafts API is another part of the studio: here the draft is served from the test, the images by the server.
    let definition: DraftDefinition = structuredClone(seedCeremony()) as DraftDefinition;
    const saved: DraftDefinition[] = [];
    const page = await env.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const draftOf = (): StudioDraft => ({ id: SEED, definition, stamp: { revision: saved.length + 1, updatedAt: 0, updatedBy: 'test', basedOn: 1 }, problems: [], masked: false });
    await page.route('**/api/studio/ceremonies', (route) => route.fulfill({ json: [{ id: SEED, title: definition.title, date: '2021-02-23', archived: false, published: { version: 1, hash: 'x' }, draft: null, liveStarted: false }] }));
    await page.route(`**/api/studio/ceremonies/${SEED}/draft`, async (route) => {
      if (route.request().method() === 'PUT') {
        definition = (route.request().postDataJSON() as { definition: DraftDefinition }).definition;
        saved.push(definition);
      }
      await route.fulfill({ json: draftOf() });
    });
    await page.goto(`${url}/operator`);
    await page.locator('#passcode').fill(PASSCODE);
    await page.locator('form.login button[type=submit]').click();
    await page.locator('button.go').waitFor();
    await page.goto(`${url}/operator/studio?ceremony=${SEED}&tab=organizations`);

    const organizations = page.locator('li.organization');
    await expect.poll(() => organizations.count()).toBe(seedCeremony().organizations!.length);
    await page.getByRole('button', { name: 'افزودن سازمان' }).click();
    const n = seedCeremony().organizations!.length + 1;
    const added = organizations.nth(n - 1);
    // The new id field has the focus; typed over, in its own direction.
    const idInput = page.getByLabel(`شناسه (سازمان ${(n).toLocaleString('fa-IR')})`);
    await expect.poll(() => idInput.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await idInput.getAttribute('dir')).toBe('ltr');
    await idInput.fill('national-library');
    await added.getByLabel(/نام .*\(فارسی\)/).fill('کتابخانهٔ ملی');
    await added.getByLabel(/نام .*\(انگلیسی\)/).fill('National Library');

    // An SVG is refused at once, in Persian, and nothing changes.
    const file = added.locator('input[type=file]');
    await file.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(SVG) });
    await expect.poll(() => added.locator('.status').innerText()).toContain('SVG');
    expect(await added.locator('.status').innerText()).toContain('پذیرفته نمی‌شود');
    expect(await added.locator('.thumb img').count()).toBe(0);
    // A PNG is uploaded to the server and shown.
    const scratch = await env.browser.newPage();
    const png = await drawn(scratch, 'logo', 'image/png', 120, 120);
    await scratch.close();
    await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => added.locator('.status').innerText()).toContain('بارگذاری شد');
    expect(await loadedAlt(page, `li.organization:nth-child(${n}) .thumb img`)).toContain('نشان');
    await expect.poll(() => saved.at(-1)?.organizations?.at(-1), { timeout: 20_000 }).toMatchObject({ id: 'national-library', name: { fa: 'کتابخانهٔ ملی', en: 'National Library' }, logo: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await page.screenshot({ path: screenshotPath('images-studio-organizations-fa'), fullPage: false, animations: 'disabled' });
    await added.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('images-studio-organization-logo-fa'), animations: 'disabled' });

    // Removing an organization a recipient names asks first; declined, it stays.
    const first = organizations.first();
    expect(await first.locator('.used').innerText()).toContain('۱');
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await first.getByRole('button', { name: /حذف این سازمان/ }).click();
    await expect.poll(() => asked).toContain('اشاره می‌کنند');
    expect(await organizations.count()).toBe(n);
    // The new one, named by nobody, goes without a question.
    await added.getByRole('button', { name: /حذف این سازمان/ }).click();
    await expect.poll(() => organizations.count()).toBe(n - 1);

    // English: the same page, its own words.
    await page.goto(`${url}/operator/studio?ceremony=${SEED}&tab=organizations&lang=en`);
    await page.getByRole('button', { name: 'Add an organization' }).waitFor();
    await page.screenshot({ path: screenshotPath('images-studio-organizations-en'), animations: 'disabled' });

    // The server's own refusal, in the page's language: the session ended (signed out elsewhere) before the upload.
    await page.evaluate(() => fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' }).then((r) => r.status));
    const firstFile = organizations.first().locator('input[type=file]');
    await firstFile.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => organizations.first().locator('.status').innerText()).toContain('Your session has ended; sign in again.');
    expect(await organizations.first().locator('.thumb img').count()).toBe(0);
    await page.close();
  });
});
