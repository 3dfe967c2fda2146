/**
 * npm run bench:sync — how close together do screens show a reveal?
 *
 * Starts a real Podium server on loopback and SCREENS simulated screens (real Socket.IO clients),
 * each with its own injected network delay (each way, with jitter) and its own local clock offset.
 * Each screen syncs its clock as the client does (shared/clock-sync.ts), then, for every reveal,
 * records the true moment it would show it in two ways: scheduled (at the event's showAt by its
 * synced clock, as the client does with shared/display-timing.ts) and on arrival (the naive way).
 * Prints the spread (latest minus earliest display) per reveal, and writes docs/bench/sync-latest.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import { startPodium } from '../server/app';
import { configFromEnv } from '../server/config';
import { estimateClock, CLOCK_SAMPLES_PER_SYNC, type ClockSample } from '../shared/clock-sync';
import { displayAt } from '../shared/display-timing';
import type { PublicEvent } from '../shared/events';
import type { ServerToScreenEvents, ScreenToServerEvents } from '../shared/protocol';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SCREENS = arg('screens', 60);
const REVEALS = arg('reveals', 20);
const LEAD_MS = arg('lead', 600);
const MIN_DELAY = 20;
const MAX_DELAY = 400;
const JITTER = 0.15;

/** A seeded generator, so every run simulates the same screens. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(1399);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface SimulatedScreen {
  socket: Socket<ServerToScreenEvents, ScreenToServerEvents>;
  delayMs: number;
  clockOffsetMs: number;
  estimateOffsetMs: number;
  shown: Map<number, { scheduled: number; arrival: number }>;
}

function jittered(ms: number): number {
  return ms * (1 + (random() * 2 - 1) * JITTER);
}

async function connectScreen(url: string, ceremonyId: string): Promise<SimulatedScreen> {
  const delayMs = MIN_DELAY + random() * (MAX_DELAY - MIN_DELAY);
  const clockOffsetMs = Math.round((random() * 2 - 1) * 3000);
  const localNow = () => Date.now() + clockOffsetMs;
  const socket: Socket<ServerToScreenEvents, ScreenToServerEvents> = io(url, { transports: ['websocket'], forceNew: true, auth: { ceremonyId } });
  const screen: SimulatedScreen = { socket, delayMs, clockOffsetMs, estimateOffsetMs: 0, shown: new Map() };
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const samples: ClockSample[] = [];
  for (let i = 0; i < CLOCK_SAMPLES_PER_SYNC; i++) {
    const sentAt = localNow();
    await sleep(jittered(delayMs));
    const serverTime = await socket.timeout(5000).emitWithAck('clock', sentAt);
    await sleep(jittered(delayMs));
    samples.push({ sentAt, serverTime, receivedAt: localNow() });
  }
  screen.estimateOffsetMs = estimateClock(samples)!.offsetMs;
  socket.on('event', (event: PublicEvent) => {
    if (event.type !== 'result_revealed') return;
    setTimeout(() => {
      const arrival = Date.now();
      // Scheduled: show at showAt by the screen's synced clock (server time = local + estimate).
      const serverNow = localNow() + screen.estimateOffsetMs;
      const wait = Math.max(0, displayAt(event, 0) - serverNow);
      setTimeout(() => screen.shown.set(event.seq, { scheduled: Date.now(), arrival }), wait);
    }, jittered(delayMs));
  });
  return screen;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-bench-sync-'));
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, OPERATOR_PASSCODE: 'bench', REVEAL_LEAD_MS: String(LEAD_MS) }, root);
  const server = await startPodium({ config, distDir: path.join(root, 'dist'), logger: pino({ level: 'silent' }) });
  const ceremonyId = 'egov-award-1399';
  try {
    const { token } = (await (await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passcode: 'bench' }) })).json()) as { token: string };
    const command = async (body: object) => {
      const res = await fetch(`${server.url}/api/ceremonies/${ceremonyId}/commands`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      return (await res.json()) as { seq: number };
    };
    console.log(`connecting ${SCREENS} screens (one-way delay ${MIN_DELAY}–${MAX_DELAY} ms ±${JITTER * 100}%, clock offsets ±3 s) and syncing their clocks…`);
    const screens = await Promise.all(Array.from({ length: SCREENS }, () => connectScreen(server.url, ceremonyId)));
    const clockErrors = screens.map((s) => Math.abs(s.estimateOffsetMs + s.clockOffsetMs));

    const reveals = ['g2g/place-4', 'g2g/place-3', 'g2g/place-2', 'g2g/place-1'];
    const seqs: number[] = [];
    for (let i = 0; i < REVEALS; i++) {
      const cue = reveals[i % reveals.length]!;
      await command({ type: 'jump', cueId: cue, confirm: true });
      const { seq } = await command({ type: 'go', expectedCue: cue });
      seqs.push(seq);
      const deadline = Date.now() + 10_000;
      while (screens.some((s) => !s.shown.has(seq)) && Date.now() < deadline) await sleep(20);
    }

    const rows = seqs.map((seq) => {
      const shown = screens.map((s) => s.shown.get(seq)).filter((x) => x !== undefined);
      const scheduled = shown.map((x) => x.scheduled);
      const arrival = shown.map((x) => x.arrival);
      return { seq, screens: shown.length, scheduledSpreadMs: Math.max(...scheduled) - Math.min(...scheduled), arrivalSpreadMs: Math.max(...arrival) - Math.min(...arrival) };
    });
    const summary = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      screens: SCREENS,
      reveals: REVEALS,
      leadMs: LEAD_MS,
      oneWayDelayMs: [MIN_DELAY, MAX_DELAY],
      jitter: JITTER,
      missed: rows.reduce((n, r) => n + (SCREENS - r.screens), 0),
      clockErrorMs: { p50: percentile(clockErrors, 50), max: Math.max(...clockErrors) },
      scheduledSpreadMs: { p50: percentile(rows.map((r) => r.scheduledSpreadMs), 50), max: Math.max(...rows.map((r) => r.scheduledSpreadMs)) },
      arrivalSpreadMs: { p50: percentile(rows.map((r) => r.arrivalSpreadMs), 50), max: Math.max(...rows.map((r) => r.arrivalSpreadMs)) },
      perReveal: rows,
    };
    console.table(rows);
    console.log(`clock estimate error: p50 ${summary.clockErrorMs.p50} ms, max ${summary.clockErrorMs.max} ms`);
    console.log(`spread, scheduled reveal:  p50 ${summary.scheduledSpreadMs.p50} ms, max ${summary.scheduledSpreadMs.max} ms`);
    console.log(`spread, reveal on arrival: p50 ${summary.arrivalSpreadMs.p50} ms, max ${summary.arrivalSpreadMs.max} ms`);
    console.log(`screens that missed a reveal: ${summary.missed}`);
    fs.mkdirSync(path.join(root, 'docs/bench'), { recursive: true });
    fs.writeFileSync(path.join(root, 'docs/bench/sync-latest.json'), `${JSON.stringify(summary, null, 2)}\n`);
    for (const s of screens) s.socket.disconnect();
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
