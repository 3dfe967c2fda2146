/**
 * `npm run bench:frames`: how smoothly does the stage play a reveal? Starts a Podium server
 * process, opens the sample ceremony's stage in Chromium at 1920×1080 with motion, and for three
 * cues (a ranked place reveal, a nominees category's winner reveal, the intro of the category with
 * the most nominees) records long tasks and requestAnimationFrame intervals from just before the
 * GO until the reveal has finished. Prints a markdown table and writes it into docs/performance.md
 * ("Stage frames during a reveal (1920×1080)"). CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import sampleJson from '../ceremonies/sample-awards.json';
import type { CeremonyDefinition } from '../shared/ceremony';
import { buildCues, type Cue } from '../shared/cues';
import { parseCeremony } from '../shared/validation';
import { PASSCODE, ROOT, startPodiumProcess } from './bench-processes';
import { markdownTable, replaceSection, summarize, type FrameRecording, type FrameSummary } from './frame-report';

const CEREMONY = 'sample-awards';
const VIEWPORT = { width: 1920, height: 1080 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
/** A reveal sequence is a few seconds: the window is at least this long, even if the page is still sooner. */
const MIN_WINDOW_MS = 5_000;
const MAX_WINDOW_MS = 20_000;
const HEADING = 'Stage frames during a reveal (1920×1080)';
const DOC = path.join(ROOT, 'docs', 'performance.md');

// Page-side code as text: tsx's helpers must not leak into functions that run in the page.
const START_RECORDING = `(() => {
  const start = performance.now();
  const rec = { start, frames: [], longTasks: [], stopped: false };
  const keep = (entries) => { for (const e of entries) if (e.startTime >= start) rec.longTasks.push(e.duration); };
  const observer = new PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  const tick = (t) => { rec.frames.push(t); if (!rec.stopped) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  window.__benchFrames = { rec, observer, keep };
})()`;
const STOP_RECORDING = `(() => {
  const { rec, observer, keep } = window.__benchFrames;
  rec.stopped = true;
  keep(observer.takeRecords());
  observer.disconnect();
  return { frames: rec.frames, longTasks: rec.longTasks, windowMs: performance.now() - rec.start };
})()`;
/** Finite animations still playing (an endless one, like a pulse, never "finishes"). */
const RUNNING_ANIMATIONS = `document.getAnimations().filter((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity)).length`;
const shownSeq = (seq: number) => `document.querySelector('[data-seq]')?.getAttribute('data-seq') === '${seq}'`;

function sampleDefinition(): CeremonyDefinition {
  const parsed = parseCeremony(sampleJson);
  if (!parsed.ok) throw new Error(`sample-awards.json is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/** The three cues measured, each with what the table calls it. */
function measuredCues(definition: CeremonyDefinition, cues: readonly Cue[]): Map<string, string> {
  const ranked = definition.categories.find((c) => c.kind === 'ranked');
  const nominees = definition.categories.filter((c) => c.kind === 'nominees').sort((a, b) => (b.kind === 'nominees' ? b.nominees.length : 0) - (a.kind === 'nominees' ? a.nominees.length : 0))[0];
  const find = (predicate: (cue: Cue) => boolean, what: string) => {
    const cue = cues.find(predicate);
    if (!cue) throw new Error(`sample-awards has no ${what}`);
    return cue.id;
  };
  const count = nominees?.kind === 'nominees' ? nominees.nominees.length : 0;
  const measured = new Map<string, string>();
  measured.set(find((c) => c.categoryId === ranked?.id && c.slot?.kind === 'place' && c.slot.place === 1, 'ranked place-1 reveal'), `ranked first place reveal (\`${ranked?.id}/place-1\`)`);
  measured.set(find((c) => c.categoryId === nominees?.id && c.kind === 'category_intro', 'nominees category intro'), `category intro, ${count} nominees (\`${nominees?.id}/intro\`)`);
  measured.set(find((c) => c.categoryId === nominees?.id && c.kind === 'reveal', 'nominees winner reveal'), `nominees winner reveal (\`${nominees?.id}/winner\`)`);
  return measured;
}

async function until(page: Page, expression: string, timeoutMs: number): Promise<void> {
  await page.waitForFunction(expression, undefined, { timeout: timeoutMs, polling: 100 });
}

async function main(): Promise<void> {
  const definition = sampleDefinition();
  const cues = buildCues(definition);
  const measured = measuredCues(definition, cues);
  const loadAtStart = os.loadavg().map((n) => n.toFixed(1)).join(', ');

  const server = await startPodiumProcess();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: FrameSummary[] = [];
  try {
    const session = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passcode: PASSCODE }) });
    const { token } = (await session.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const links = (await (await fetch(`${server.url}/api/ceremonies/${CEREMONY}/links`, { headers: auth })).json()) as { stage: string };
    const go = async (cueId: string): Promise<number> => {
      const res = await fetch(`${server.url}/api/ceremonies/${CEREMONY}/commands`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'go', expectedCue: cueId }) });
      const body = (await res.json()) as { seq?: number; error?: { code: string } };
      if (res.status !== 200 || body.seq === undefined) throw new Error(`GO ${cueId} was refused: ${JSON.stringify(body)}`);
      return body.seq;
    };

    // bypassCSP: the waits below are expressions, which the page's CSP (no eval) would refuse.
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1, bypassCSP: true });
    await page.goto(`${links.stage}&lang=fa`);
    await until(page, shownSeq(0), 60_000);
    await page.evaluate('document.fonts.ready');

    const last = Math.max(...[...measured.keys()].map((id) => cues.findIndex((c) => c.id === id)));
    for (const cue of cues.slice(0, last + 1)) {
      const label = measured.get(cue.id);
      if (!label) {
        await until(page, shownSeq(await go(cue.id)), 60_000);
        continue;
      }
      // The previous cue's animations are over: the window holds this cue only.
      await until(page, `${RUNNING_ANIMATIONS} === 0`, MAX_WINDOW_MS);
      await page.evaluate(START_RECORDING);
      const started = Date.now();
      const seq = await go(cue.id);
      await until(page, shownSeq(seq), MAX_WINDOW_MS);
      await until(page, `${RUNNING_ANIMATIONS} === 0`, MAX_WINDOW_MS).catch(() => console.warn(`${cue.id}: animations still running after ${MAX_WINDOW_MS} ms`));
      const rest = MIN_WINDOW_MS - (Date.now() - started);
      if (rest > 0) await page.waitForTimeout(rest);
      const recording = (await page.evaluate(STOP_RECORDING)) as FrameRecording;
      rows.push(summarize(label, recording));
      console.log(`${cue.id}: ${recording.frames.length} frames, ${recording.longTasks.length} long tasks`);
    }

    const table = markdownTable(rows);
    console.log(`\n${table}\n`);
    const version = browser.version();
    const day = new Date().toISOString().slice(0, 10);
    replaceSection(DOC, HEADING, docSection(table, { version, loadAtStart, day }));
    console.log(`written into ${path.relative(ROOT, DOC)} (section "${HEADING}")`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

function docSection(table: string, facts: { version: string; loadAtStart: string; day: string }): string {
  return `Written by \`npm run bench:frames\` (\`scripts/bench-frames.ts\`; a rerun replaces this section).
It starts a Podium server process, opens the stage of \`${CEREMONY}\` in Chromium at
1920×1080 in Persian **with motion** (no \`?motion=off\`), walks the run of show with GO over the
HTTP API, and for three cues records from just before the GO until the sequence has finished (the
page's root shows the new \`data-seq\` and no finite animation is running; at least
${MIN_WINDOW_MS / 1000} s): long tasks (\`PerformanceObserver({type: 'longtask', buffered: true})\`,
those that started in the window) and the intervals between \`requestAnimationFrame\` callbacks. A
frame counts as dropped when its interval is over 1.5× the window's median interval.

Machine: \`nproc\` ${os.availableParallelism()}, load average ${facts.loadAtStart} (1, 5, 15 min) when it
started (the machine is shared: other work ran meanwhile), Chromium ${facts.version}, headless,
\`--disable-gpu\`. Headless with \`--disable-gpu\` rasterizes and composites **in software** on
the CPU, so these figures are a pessimistic bound for a hall's PC with a GPU, not a prediction
of it. Taken ${facts.day}.

${table}
`;
}

await main();
