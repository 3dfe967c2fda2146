import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { login, postCommand, startTestServer, type TestServer } from '../helpers/server-harness';
import { checkBaseline, clearDiffs, describeFailures, removeStaleBaselines, updatingBaselines, type VisualOutcome } from '../helpers/visual-baselines';

// Visual baselines of the stage and the overlay, cue by cue, in Persian and English
// (docs/visual-tests.md). A fixed PUBLIC_URL keeps the stage's audience link and its QR code the
// same on every run (the test server's port is not); anything else that shows the time of day
// or another changing value should carry `data-visual-mask`, and is painted over.

const CEREMONIES = ['egov-award-1399', 'sample-awards'] as const;
const VIEWPORT = { width: 960, height: 540 };
const OVERLAY_BACKGROUND = '%2300b140';
const SCREENS: readonly Screen[] = [
  { role: 'stage', lang: 'fa' },
  { role: 'stage', lang: 'en' },
  { role: 'overlay', lang: 'fa' },
  { role: 'overlay', lang: 'en' },
];
interface Screen {
  role: 'stage' | 'overlay';
  lang: 'fa' | 'en';
}

interface OpenScreen extends Screen {
  page: Page;
  /** Requests of the page still under way, apart from Socket.IO's own. */
  pending: Set<unknown>;
}

let server: TestServer;
let browser: Browser;
let token: string;
const screens: OpenScreen[] = [];

beforeAll(async () => {
  server = await startTestServer({ env: { PUBLIC_URL: 'https://podium.example' } });
  browser = await launchChromium();
  token = await login(server.url);
  for (const screen of SCREENS) {
    // One context per screen: separate windows (never a throttled background tab) and storage.
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const pending = new Set<unknown>();
    page.on('request', (r) => {
      if (!r.url().includes('/socket.io/')) pending.add(r);
    });
    page.on('requestfinished', (r) => pending.delete(r));
    page.on('requestfailed', (r) => pending.delete(r));
    screens.push({ ...screen, page, pending });
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function screenUrl(ceremony: string, screen: Screen): string {
  const key = server.server.auth.screenKey(ceremony, screen.role);
  const background = screen.role === 'overlay' ? `&background=${OVERLAY_BACKGROUND}` : '';
  return `${server.url}/${screen.role}/${ceremony}?k=${key}&lang=${screen.lang}&motion=off${background}`;
}

/**
 * Waits until the page shows the run at `seq`, its fonts and images are in and nothing is still
 * loading; ends any animation still running (as `?motion=off` should have). Answers how many
 * elements ask to be masked.
 */
async function settle(screen: OpenScreen, seq: number): Promise<number> {
  const { page } = screen;
  await page.waitForFunction((s) => document.querySelector('[data-seq]')?.getAttribute('data-seq') === s, String(seq), { timeout: 60_000 });
  await expect.poll(() => screen.pending.size).toBe(0);
  return page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
    for (const animation of document.getAnimations()) {
      try {
        animation.finish();
      } catch {
        animation.cancel(); // an endless one cannot finish: its first frame, as with motion off
      }
    }
    // Two frames: whatever a resize observer (the stage's fit) changed is laid out and painted.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return document.querySelectorAll('[data-visual-mask]').length;
  });
}

/** Playwright's masking costs a few hundred ms a shot on a busy machine: only when there is something to mask. */
async function capture(screen: OpenScreen, masked: number): Promise<Buffer> {
  const { page } = screen;
  if (masked === 0) return page.screenshot({ caret: 'hide' });
  return page.screenshot({ caret: 'hide', mask: [page.locator('[data-visual-mask]')], maskColor: '#ff00ff' });
}

const slug = (cueId: string) => cueId.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
const stepName = (step: number, cueId: string) => `${String(step).padStart(2, '0')}-${slug(cueId)}`;

/** The next cue of the live run, from the refusal of a GO aimed at no cue (docs/api.md), or null at the end. */
async function nextCueId(ceremony: string): Promise<string | null> {
  const probe = await postCommand(server.url, token, ceremony, { type: 'go', expectedCue: '(visual-test-probe)' });
  if (probe.body.error?.code === 'no_next_cue') return null;
  expect(probe.body.error?.code, JSON.stringify(probe.body)).toBe('cue_mismatch');
  return probe.body.error.nextCueId as string;
}

async function go(ceremony: string, cueId: string): Promise<number> {
  const res = await postCommand(server.url, token, ceremony, { type: 'go', expectedCue: cueId });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.seq as number;
}

async function shootAll(ceremony: string, step: string, seq: number, outcomes: VisualOutcome[], produced: Set<string>): Promise<void> {
  const masked = await Promise.all(screens.map((s) => settle(s, seq)));
  for (const [i, screen] of screens.entries()) {
    const name = `${step}-${screen.role}-${screen.lang}`;
    produced.add(name);
    outcomes.push(checkBaseline(ceremony, name, await capture(screen, masked[i]!)));
  }
}

describe('visual baselines of the stage and the overlay', () => {
  for (const ceremony of CEREMONIES) {
    it(`${ceremony}: every cue of the live run looks as its baseline (stage and overlay, fa and en)`, async () => {
      clearDiffs(ceremony);
      await Promise.all(screens.map((s) => s.page.goto(screenUrl(ceremony, s))));
      const outcomes: VisualOutcome[] = [];
      const produced = new Set<string>();

      const state = (await (await fetch(`${server.url}/api/ceremonies/${ceremony}/state`)).json()) as { seq: number };
      await shootAll(ceremony, stepName(0, 'idle'), state.seq, outcomes, produced);
      let step = 0;
      for (let cueId = await nextCueId(ceremony); cueId !== null; cueId = await nextCueId(ceremony)) {
        step += 1;
        await shootAll(ceremony, stepName(step, cueId), await go(ceremony, cueId), outcomes, produced);
      }
      expect(step).toBeGreaterThan(0);

      if (updatingBaselines()) {
        const stale = removeStaleBaselines(ceremony, produced);
        console.log(`${ceremony}: wrote ${produced.size} baselines${stale.length ? `, removed ${stale.length} stale: ${stale.join(', ')}` : ''}`);
        return;
      }
      const failure = describeFailures(outcomes);
      if (failure) throw new Error(failure);
    });
  }
});
