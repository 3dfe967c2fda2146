import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCues } from '../../shared/cues';
import { screenshotPath, serverAndBrowser } from '../helpers/browser';
import { sampleCeremony } from '../helpers/ceremony-harness';
import { login, PASSCODE, postCommand } from '../helpers/server-harness';

const SAMPLE = 'sample-awards';
const env = serverAndBrowser();

describe('the seal in Chromium', () => {
  it('[S31] the console seals, the stage shows it, the verify page checks every reveal in the browser and a proof file offline', async () => {
    const { url } = env.server;
    // An operator (no results.seal) sees the seal's status, and no Seal button (S29: never offered, then refused).
    const opContext = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const opToken = env.server.server.auth.issueToken(Date.now(), { personId: 'p2', name: 'Ops', role: 'operator' }).token;
    await opContext.addCookies([{ name: 'podium_session', value: encodeURIComponent(opToken), url }]);
    const ops = await opContext.newPage();
    await ops.goto(`${url}/operator?ceremony=${SAMPLE}`);
    const opsControl = ops.getByTestId('seal-control');
    await opsControl.waitFor();
    await opsControl.locator('p.status').waitFor();
    expect(await opsControl.locator('button').count()).toBe(0);
    await opsControl.scrollIntoViewIfNeeded();
    await opsControl.screenshot({ path: screenshotPath('seal-console-fa-operator') });
    await opContext.close();

    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const operator = await context.newPage();
    await operator.goto(`${url}/operator?ceremony=${SAMPLE}`);
    await operator.locator('#passcode').fill(PASSCODE);
    await operator.locator('form.login button[type=submit]').click();
    const control = operator.getByTestId('seal-control');
    await control.waitFor();
    await control.scrollIntoViewIfNeeded();
    await control.screenshot({ path: screenshotPath('seal-console-fa-unsealed') });
    await control.getByRole('button', { name: 'مهر و موم کردن نتایج' }).click();
    const dialog = operator.locator('dialog[open]');
    await dialog.waitFor();
    await operator.screenshot({ path: screenshotPath('seal-console-fa-confirm') });
    await dialog.locator('button.confirm').click();
    await control.getByText('مهر شمارهٔ ۱').waitFor();
    await control.screenshot({ path: screenshotPath('seal-console-fa-sealed') });
    await operator.locator('button.language-switch').first().click();
    await control.getByText('Seal no. 1').waitFor();
    await control.screenshot({ path: screenshotPath('seal-console-en-sealed') });

    const stage = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await stage.goto(`${url}/stage/${SAMPLE}?k=${env.server.server.auth.screenKey(SAMPLE, 'stage')}`);
    await stage.getByTestId('stage-seal').waitFor();
    await stage.screenshot({ path: screenshotPath('seal-stage-fa-idle') });
    // The operator's context chose English: its stage is in English.
    const stageEn = await context.newPage();
    await stageEn.setViewportSize({ width: 1280, height: 720 });
    await stageEn.goto(`${url}/stage/${SAMPLE}?k=${env.server.server.auth.screenKey(SAMPLE, 'stage')}`);
    await stageEn.getByText('Results sealed').waitFor();
    await stageEn.screenshot({ path: screenshotPath('seal-stage-en-idle') });

    const token = await login(url);
    const cues = buildCues(sampleCeremony());
    const revealCount = 4;
    let revealed = 0;
    for (const cue of cues) {
      if (revealed === revealCount) break;
      expect((await postCommand(url, token, SAMPLE, { type: 'go', expectedCue: cue.id })).status).toBe(200);
      if (cue.kind === 'reveal') revealed++;
    }

    const verify = await context.newPage();
    await verify.goto(`${url}/results/${SAMPLE}/verify`);
    await verify.getByTestId('verify-summary').waitFor();
    await expect.poll(() => verify.locator('tr[data-verdict=match]').count()).toBe(revealCount);
    expect(await verify.locator('tr[data-verdict=mismatch]').count()).toBe(0);
    expect(await verify.locator('tr[data-verdict=not_revealed]').count()).toBe(cues.filter((c) => c.kind === 'reveal').length - revealCount);
    await verify.screenshot({ path: screenshotPath('seal-verify-en'), fullPage: true });
    await verify.locator('button.language-switch').first().click();
    await verify.getByText('ریشه با تعهدها مطابق است').waitFor();
    expect(await verify.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fa', 'rtl']);
    await verify.screenshot({ path: screenshotPath('seal-verify-fa'), fullPage: true });

    // The offline check: the downloaded proof, checked with the network cut off.
    const href = await verify.locator('a[download]').getAttribute('href');
    const proofFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'podium-proof-')), 'proof.json');
    fs.writeFileSync(proofFile, decodeURIComponent(href!.slice(href!.indexOf(',') + 1)));
    await context.setOffline(true);
    await verify.locator('#proof-file').setInputFiles(proofFile);
    await verify.getByText('بررسی‌شده از فایل «proof.json»، بدون شبکه').waitFor();
    expect(await verify.locator('tr[data-verdict=match]').count()).toBe(revealCount);
    await verify.screenshot({ path: screenshotPath('seal-verify-fa-offline'), fullPage: true });
    // A forged proof (one entry changed) does not match.
    const forged = JSON.parse(fs.readFileSync(proofFile, 'utf8'));
    forged.revealed[0].entries[0].recipient.name.en = 'Someone Else';
    fs.writeFileSync(proofFile, JSON.stringify(forged));
    await verify.locator('#proof-file').setInputFiles(proofFile);
    await expect.poll(() => verify.locator('tr[data-verdict=mismatch]').count()).toBe(1);
    await context.setOffline(false);

    const results = await context.newPage();
    await results.goto(`${url}/results/${SAMPLE}`);
    const section = results.getByTestId('results-seal');
    await section.waitFor();
    await section.screenshot({ path: screenshotPath('seal-results-fa') });
    await results.locator('button.language-switch').first().click();
    await section.getByText('Seal of the results').waitFor();
    await section.screenshot({ path: screenshotPath('seal-results-en') });
    await results.screenshot({ path: screenshotPath('seal-results-en-page'), fullPage: true });
    await context.close();
    await stage.close();
  }, 120_000);
});
