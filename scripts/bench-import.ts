/**
 * npm run bench:import — how long does a 20,000-row results CSV take, and how long does it stall
 * the event loop that every screen's heartbeat and clock sync go through?
 *
 * Starts a real Podium server in this process (so perf_hooks sees its event loop), connects one
 * audience screen that sends a clock ping every 20 ms, creates a ceremony of CATEGORIES ranked
 * categories, imports ROWS result rows for it as CSV over HTTP, and prints the import's wall
 * time, the longest event-loop stall (monitorEventLoopDelay, 10 ms resolution) and the slowest
 * clock ping answered during it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import { startPodium } from '../server/app';
import { configFromEnv } from '../server/config';
import type { ServerToScreenEvents, ScreenToServerEvents } from '../shared/protocol';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 20_000);
// 200 categories of 100 results: the most a definition may have (docs/ceremony-format.md).
const CATEGORIES = arg('categories', 200);
const PASSCODE = 'bench-passcode-1234';
const ID = 'bench-import';

/** A ceremony of CATEGORIES ranked categories, and a CSV of ROWS results spread over them (ten places each, ties beyond). */
export function benchCeremony(categories: number) {
  const ids = Array.from({ length: categories }, (_, i) => `cat-${i + 1}`);
  return {
    schemaVersion: 1,
    id: ID,
    title: { en: 'Import bench' },
    date: '2026-01-01',
    timeZone: 'UTC',
    runOfShow: ids.map((categoryId) => ({ kind: 'category', categoryId })),
    // Ten places each, declared (as organizers do): the import fills them, the cue list stays.
    categories: ids.map((id) => ({ id, kind: 'ranked', title: { en: id }, placeCount: 10, results: [{ place: 1, recipient: { type: 'person', name: { en: 'Placeholder' } } }] })),
  };
}

export function benchCsv(rows: number, categories: number): string {
  const lines = ['category,place,type,name_fa,name_en,entry_en,score'];
  for (let i = 0; i < rows; i++) lines.push(`cat-${(i % categories) + 1},${(Math.floor(i / categories) % 10) + 1},organization,سازمان ${i},"Organization ${i}, Ltd.",Entry ${i},${i % 100}`);
  return `${lines.join('\r\n')}\r\n`;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-bench-import-'));
  const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, OPERATOR_PASSCODE: PASSCODE }, path.resolve(import.meta.dirname, '..'));
  const server = await startPodium({ config, distDir: path.join(dataDir, 'no-dist'), logger: pino({ level: 'silent' }) });
  try {
    const { token } = (await (await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passcode: PASSCODE }) })).json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    await fetch(`${server.url}/api/ceremonies/${ID}`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(benchCeremony(CATEGORIES)) });
    const csv = benchCsv(ROWS, CATEGORIES);

    const screen: Socket<ServerToScreenEvents, ScreenToServerEvents> = io(server.url, { transports: ['websocket'], forceNew: true, auth: { ceremonyId: 'sample-awards' } });
    await new Promise<void>((resolve) => screen.once('snapshot', () => resolve()));
    let slowestPing = 0;
    let pings = 0;
    let importing = true;
    const pinger = (async () => {
      while (importing) {
        const sent = performance.now();
        await screen.timeout(60_000).emitWithAck('clock', Date.now());
        slowestPing = Math.max(slowestPing, performance.now() - sent);
        pings++;
        // A screen may ask the clock 16 times at once, then once a second (S21): every 300 ms stays within that for the import.
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    })();

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const res = await fetch(`${server.url}/api/ceremonies/${ID}/results`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv });
    const ms = performance.now() - started;
    delay.disable();
    importing = false;
    await pinger;
    screen.disconnect();
    const body = await res.text();
    if (res.status !== 200) throw new Error(`import refused: ${res.status} ${body.slice(0, 300)}`);
    const stallMs = delay.max / 1e6;
    console.log(`${ROWS} rows (${(csv.length / 1024).toFixed(0)} kB, ${CATEGORIES} categories): import ${ms.toFixed(0)} ms; longest event-loop stall ${stallMs.toFixed(0)} ms; ${pings} clock pings answered, slowest ${slowestPing.toFixed(0)} ms`);
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) await main();
