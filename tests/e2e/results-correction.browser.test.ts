import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { launchChromium, screenshotPath } from '../helpers/browser';
import { sampleCeremony } from '../helpers/ceremony-harness';
import { freshSchema, requireRedis, sharedDataDir, startServerProcess, TEST_REDIS_URL, type ServerProcess } from '../helpers/scale-out-harness';
import { login, PASSCODE, postCommand, startTestServer, type TestServer } from '../helpers/server-harness';

// The fictional sample: its results are ours to change (never the real seed's).
const SAMPLE = 'sample-awards';
const WINNER_CUE = 'young-designer/winner';

function withYoungDesignerWinner(winner: string): CeremonyDefinition {
  const definition = sampleCeremony();
  const category = definition.categories.find((c) => c.id === 'young-designer')!;
  if (category.kind !== 'nominees') throw new Error('young-designer is a nominees category');
  category.winners = [winner];
  return definition;
}

async function correct(url: string, token: string, definition: CeremonyDefinition) {
  const res = await fetch(`${url}/api/ceremonies/${SAMPLE}?correction=true&confirm=true`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(definition),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Presses GO over the API until the next cue is `cueId` (the console follows over its socket). */
async function advanceTo(url: string, token: string, cueId: string) {
  for (;;) {
    const state = (await (await fetch(`${url}/api/ceremonies/${SAMPLE}/state`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      nextCue: { id: string } | null;
    };
    if (state.nextCue!.id === cueId) return;
    expect((await postCommand(url, token, SAMPLE, { type: 'go', expectedCue: state.nextCue!.id })).status).toBe(200);
  }
}

async function openConsole(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}/operator?ceremony=${SAMPLE}`);
  await page.locator('#passcode').fill(PASSCODE);
  await page.locator('form.login button[type=submit]').click();
  await page.locator('button.go').waitFor();
  return page;
}

/**
 * The console open all evening; the results are corrected while it is open. Its preview must show
 * the corrected winner, its GO must reveal it, and every audience must show it.
 */
async function correctionWhileConsoleOpen(browser: Browser, consoleUrl: string, importUrl: string, audienceUrl: string, shot: string) {
  const operator = await openConsole(browser, consoleUrl);
  const audience = await browser.newPage({ viewport: { width: 420, height: 860 } });
  await audience.goto(`${audienceUrl}/c/${SAMPLE}`);
  const token = await login(importUrl);
  await advanceTo(importUrl, token, WINNER_CUE);

  const next = operator.locator('section.card.next');
  await expect.poll(() => next.innerText(), { timeout: 30_000 }).toContain('سارا نمونه');
  await correct(importUrl, token, withYoungDesignerWinner('lena'));

  // Without a reload: the preview names the corrected winner, and the correction is announced.
  await expect.poll(() => next.innerText(), { timeout: 30_000 }).toContain('لنا نمونه');
  expect(await next.innerText()).not.toContain('سارا نمونه');
  await operator.getByText('نتایج اصلاح شد').waitFor({ timeout: 30_000 });
  await operator.screenshot({ path: screenshotPath(`${shot}-fa`), animations: 'disabled' });
  await operator.locator('button.language-switch').click();
  await operator.getByText('Results corrected').waitFor();
  await operator.screenshot({ path: screenshotPath(`${shot}-en`), animations: 'disabled' });

  const go = operator.locator('button.go');
  await expect.poll(() => go.isEnabled(), { timeout: 30_000 }).toBe(true);
  await go.click();
  await expect.poll(() => audience.locator('.reveal-card .name').allInnerTexts(), { timeout: 30_000 }).toEqual(['لنا نمونه']);
  await operator.close();
  await audience.close();
}

describe('a results correction with the console open, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('[S17] one process: the open console previews and reveals the corrected winner', async () => {
    const server: TestServer = await startTestServer();
    try {
      await correctionWhileConsoleOpen(browser, server.url, server.url, server.url, 'operator-correction-1-process');
    } finally {
      await server.stop();
    }
  }, 180_000);

  it('[S17] two processes (PostgreSQL, Redis): a correction sent to one reaches the console and the audience of the other', async () => {
    await requireRedis();
    const schema = await freshSchema();
    const dataDir = sharedDataDir();
    const processes: ServerProcess[] = [];
    try {
      for (let i = 0; i < 2; i++) processes.push(await startServerProcess({ DATABASE_URL: schema.url, REDIS_URL: `${TEST_REDIS_URL}/8` }, dataDir));
      const [a, b] = processes as [ServerProcess, ServerProcess];
      await correctionWhileConsoleOpen(browser, a.url, b.url, b.url, 'operator-correction-2-processes');
    } finally {
      for (const p of processes) await p.kill();
      await schema.drop();
    }
  }, 240_000);
});
