import { describe, expect, it } from 'vitest';
import { buildCues } from '../../shared/cues';
import { stateAtCue } from '../../shared/preview-state';
import { realRecipientTexts } from '../../shared/stand-ins';
import type { Language } from '../../shared/text';
import type { CrewRole } from '../../shared/crew';
import { screenshotPath, serverAndBrowser } from '../helpers/browser';
import { sampleCeremony } from '../helpers/ceremony-harness';

const SAMPLE = 'sample-awards';
const env = serverAndBrowser();

async function signedIn(role: CrewRole, viewport = { width: 1920, height: 1080 }) {
  const { url, server } = env.server;
  const context = await env.browser.newContext({ viewport });
  const token = server.auth.issueToken(Date.now(), { personId: `p-${role}`, name: role, role }).token;
  await context.addCookies([{ name: 'podium_session', value: encodeURIComponent(token), url }]);
  return context;
}

const definition = sampleCeremony();
const reveal = buildCues(definition).find((c) => c.kind === 'reveal' && c.slot?.kind === 'place' && c.slot.place === 1)!;
const namesAt = (standIns: boolean, lang: Language) =>
  Object.values(stateAtCue(definition, reveal.id, { standIns, now: 0 }).results)
    .flat()
    .filter((r) => r.cueId === reveal.id)
    .flatMap((r) => r.entries.map((e) => e.recipient.name[lang] ?? ''))
    .filter((name) => name !== '');

describe('the studio preview in Chromium (S32)', () => {
  it('[S32] a reveal cue on the stage with stand-ins: the stand-in names, none of the real ones, in Persian and English', async () => {
    const context = await signedIn('producer');
    const page = await context.newPage();
    const real = realRecipientTexts(definition).filter((text) => text.length >= 3);
    for (const lang of ['fa', 'en'] as const) {
      await page.goto(`${env.server.url}/operator/studio/preview?ceremony=${SAMPLE}&cue=${encodeURIComponent(reveal.id)}&view=stage&results=stand-ins&lang=${lang}`);
      const mark = page.getByTestId('preview-mark');
      await mark.waitFor();
      expect(await mark.getAttribute('data-results')).toBe('stand-ins');
      const standIns = namesAt(true, lang);
      expect(standIns.length).toBeGreaterThan(0);
      await page.getByText(standIns[0]!, { exact: true }).first().waitFor();
      const text = await page.locator('body').innerText();
      for (const name of standIns) expect(text).toContain(name);
      for (const name of real) expect(text).not.toContain(name);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await page.screenshot({ path: screenshotPath(`studio-preview-stage-${lang}`) });
    }
    await context.close();
  });

  it('[S32] the real results for a producer; stand-ins for a role that may not see results (its draft is masked), whatever the link asks', async () => {
    const url = (lang: Language) => `${env.server.url}/operator/studio/preview?ceremony=${SAMPLE}&cue=${encodeURIComponent(reveal.id)}&view=stage&results=real&lang=${lang}`;
    const producer = await (await signedIn('producer')).newPage();
    await producer.goto(url('en'));
    for (const name of namesAt(false, 'en')) await producer.getByText(name, { exact: true }).first().waitFor();
    expect(await producer.getByTestId('preview-mark').getAttribute('data-results')).toBe('real');

    const stageManager = await (await signedIn('stage_manager')).newPage();
    await stageManager.goto(url('fa'));
    // A masked draft's stand-ins are made from its masked names: not the same placeholders, and no real name.
    await stageManager.locator('[data-testid=preview-mark][data-status=ready]').waitFor();
    await stageManager.getByText('رتبه اول').first().waitFor();
    expect(await stageManager.getByTestId('preview-mark').getAttribute('data-results')).toBe('stand-ins');
    const text = await stageManager.locator('body').innerText();
    for (const name of realRecipientTexts(definition).filter((t) => t.length >= 3)) expect(text).not.toContain(name);
  });

  it('[S32] the Preview tab: arrow keys move the cue, the frame shows it', async () => {
    const context = await signedIn('producer', { width: 1366, height: 768 });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/operator/studio?ceremony=${SAMPLE}&tab=preview&lang=en`);
    const list = page.getByRole('listbox', { name: 'Cues' });
    await list.waitFor();
    await list.focus();
    // Before the show is the first position; the reveal is its index in the run of show after it.
    const steps = buildCues(definition).findIndex((c) => c.id === reveal.id) + 1;
    expect(steps).toBeGreaterThan(0);
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
    await list.locator('[aria-selected=true]').getByText(reveal.label.en!, { exact: true }).waitFor();
    await expect.poll(() => page.locator('iframe').first().getAttribute('src'), { timeout: 20_000 }).toContain(`cue=${encodeURIComponent(reveal.id)}`);
    const frame = page.frameLocator('iframe').first();
    await frame.getByText(namesAt(true, 'en')[0]!, { exact: true }).first().waitFor();
    await page.screenshot({ path: screenshotPath('studio-preview-tab-en'), fullPage: true });
    await context.close();
  });
});
