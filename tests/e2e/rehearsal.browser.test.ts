import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildCues } from '../../shared/cues';
import { realRecipientTexts } from '../../shared/stand-ins';
import { serverAndBrowser, screenshotPath } from '../helpers/browser';
import { seedCeremony } from '../helpers/ceremony-harness';
import { login, PASSCODE } from '../helpers/server-harness';

const SEED = 'egov-award-1399';

const env = serverAndBrowser();

const real = realRecipientTexts(seedCeremony());
// A speaker's role is the programme's, the same in every run, and may name an organization that
// also wins («رئیس سازمان اداری و استخدامی کشور»): it is no leak, so it is left out of the check.
const roles = buildCues(seedCeremony()).flatMap((cue) => (cue.role ? [cue.role.fa, cue.role.en] : [])).filter((text): text is string => !!text);
const bodyText = (page: Page) => page.evaluate(() => document.body.innerText).then((text) => roles.reduce((rest, role) => rest.replaceAll(role, ''), text));

describe('a rehearsal in Chromium', () => {
  it('[S13] the stage of a rehearsal shows the REHEARSAL mark and stand-ins; the live audience stays untouched', async () => {
    const token = await login(env.server.url);
    const started = await fetch(`${env.server.url}/api/ceremonies/${SEED}/rehearsals`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(started.status).toBe(201);
    const { runId, links } = (await started.json()) as { runId: string; links: { stage: string } };
    expect(links.stage.startsWith(`${env.server.url}/stage/${SEED}?run=${runId}`)).toBe(true);

    const stage = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const live = await env.browser.newPage({ viewport: { width: 420, height: 900 } });
    const operator = await env.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await stage.goto(links.stage);
    await live.goto(`${env.server.url}/c/${SEED}`);
    await operator.goto(`${env.server.url}/operator?ceremony=${SEED}&run=${runId}`);
    await operator.locator('#passcode').fill(PASSCODE);
    await operator.locator('form.login button[type=submit]').click();

    // The console says which run it drives, and GO says rehearsal.
    await operator.locator('.run-banner').waitFor();
    expect(await operator.locator('.run-banner').innerText()).toContain('تمرین ۱');
    const go = operator.locator('button.go');
    await expect.poll(() => go.isEnabled()).toBe(true);
    expect(await go.innerText()).toContain('اجرا (تمرین)');

    await stage.locator('.run-mark', { hasText: 'تمرین' }).waitFor();
    await live.getByText('سه‌شنبه ۵ اسفند ۱۳۹۹').waitFor();
    const liveBefore = await bodyText(live);

    // GO through the whole rehearsal from the console.
    const nextSection = operator.locator('section.card.next');
    for (const cue of buildCues(seedCeremony())) {
      await expect.poll(() => nextSection.innerText()).toContain(cue.label.fa!);
      await expect.poll(() => go.isEnabled()).toBe(true);
      await go.click();
      if (cue.id === 'g2g/place-3') {
        await stage.locator('.reveal-card .name').waitFor();
        await stage.screenshot({ path: screenshotPath('rehearsal-stage-fa-reveal'), animations: 'disabled' });
      }
      const shown = await bodyText(stage);
      for (const name of real) expect(shown).not.toContain(name);
    }
    await expect.poll(() => go.isEnabled()).toBe(false);
    await operator.screenshot({ path: screenshotPath('rehearsal-operator-fa'), animations: 'disabled' });

    // The rehearsal ended: the stage still carries the mark and no real name; the live page is as it was.
    expect(await stage.locator('.run-mark').innerText()).toContain('تمرین');
    for (const name of real) expect(await bodyText(stage)).not.toContain(name);
    expect(await live.locator('.run-mark').count()).toBe(0);
    expect(await bodyText(live)).toBe(liveBefore);
    await live.screenshot({ path: screenshotPath('rehearsal-live-audience-fa-untouched'), animations: 'disabled' });

    // English: the same mark, in English.
    await stage.evaluate(() => localStorage.setItem('podium.lang', 'en'));
    await stage.reload();
    await stage.locator('.run-mark', { hasText: 'REHEARSAL' }).waitFor();
    for (const name of real) expect(await bodyText(stage)).not.toContain(name);
    await stage.screenshot({ path: screenshotPath('rehearsal-stage-en'), animations: 'disabled' });
  });
});
