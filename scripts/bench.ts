/**
 * `npm run bench`: fan-out latency from an operator's GO to every audience socket, Podium next to
 * a bare Socket.IO server and a raw `ws` server, with the same clients and the same payload; the
 * same with two Podium processes and Redis; server memory per socket; late join; the audience
 * page's initial JavaScript. Loopback only. Options: --sizes=1000,5000,10000 --out=<file>.
 * See docs/performance.md.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { audienceInitialJs } from './bench-bundle';
import { clock, connectClient, type Protocol } from './bench-client';
import { forkLoader, PASSCODE, podiumDataDir, processStats, ROOT, startBareServer, startPodiumProcess, type ServerProcess } from './bench-processes';

const CEREMONY = 'sample-awards';
const LOADERS = 2;
const REVEALS = 21; // every cue of the sample ceremony
const LATE_JOINS = 20;
const REVEAL_TIMEOUT_MS = 15_000;
const READY_TIMEOUT_MS = 180_000;

const option = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const sizes = option('sizes', '1000,5000,10000').split(',').map(Number);
const out = path.resolve(ROOT, option('out', 'docs/bench/latest.json'));
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/14';

interface Step {
  server: 'podium' | 'socket.io' | 'ws' | 'podium-2proc-redis';
  size: number;
  reveals: number;
  missed: number;
  failedConnections: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The last socket of each reveal: the median and the p99 over reveals. */
  lastP50Ms: number;
  lastP99Ms: number;
  rssPerSocketKb: number;
  serverCpuPercent: number;
  loaderCpuPercent: number[];
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);
const round = (n: number) => Math.round(n * 10) / 10;

function once<T>(child: ChildProcess, predicate: (m: any) => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', listener);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const listener = (m: unknown) => {
      const value = predicate(m);
      if (value === undefined) return;
      clearTimeout(timer);
      child.off('message', listener);
      resolve(value);
    };
    child.on('message', listener);
  });
}

/**
 * Connects `size` audience sockets from separate load-generator processes, runs `reveals` GOs one
 * after the other (each waits until every socket has it, or a timeout), and measures.
 */
async function fanOut(options: {
  server: Step['server'];
  size: number;
  urls: string[];
  protocol: Protocol;
  auth: object;
  serverPids: number[];
  reveals: number;
  /** Sends reveal i; resolves with its seq and the time it was sent. */
  go: (i: number) => Promise<{ seq: number; sentAt: number }>;
  whileConnected?: () => Promise<void>;
}): Promise<Step> {
  const loaders = await Promise.all(Array.from({ length: LOADERS }, forkLoader));
  try {
    const rssBefore = options.serverPids.reduce((n, pid) => n + processStats(pid).rssKb, 0);
    for (const l of loaders) l.on('message', (m: any) => m.type === 'failure' && console.warn(`  connection failed: ${m.why}`));
    const ready = loaders.map((l) => once(l, (m) => (m.type === 'ready' ? true : undefined), READY_TIMEOUT_MS, 'connections'));
    loaders.forEach((l, i) => l.send({ type: 'start', urls: options.urls, protocol: options.protocol, count: Math.floor(options.size / LOADERS) + (i < options.size % LOADERS ? 1 : 0), auth: options.auth }));
    await Promise.all(ready);
    const rssAfter = options.serverPids.reduce((n, pid) => n + processStats(pid).rssKb, 0);
    await options.whileConnected?.();

    const cpuBefore = options.serverPids.reduce((n, pid) => n + processStats(pid).cpuMs, 0);
    const wallBefore = clock();
    const sent = new Map<number, number>();
    // Which seqs every socket of a loader has; a loader may say so before the GO's answer arrives.
    const complete = loaders.map((l) => {
      const seqs = new Set<number>();
      l.on('message', (m: any) => m.type === 'all' && seqs.add(m.seq));
      return seqs;
    });
    for (let i = 0; i < options.reveals; i++) {
      const { seq, sentAt } = await options.go(i);
      sent.set(seq, sentAt);
      await Promise.all(
        loaders.map((l, j) => (complete[j]!.has(seq) ? true : once(l, (m) => (m.type === 'all' && m.seq === seq ? true : undefined), REVEAL_TIMEOUT_MS, `reveal ${seq}`).catch(() => false))),
      );
    }
    const serverCpuPercent = ((options.serverPids.reduce((n, pid) => n + processStats(pid).cpuMs, 0) - cpuBefore) / (clock() - wallBefore)) * 100;

    const collected = await Promise.all(loaders.map((l) => {
      const reply = once(l, (m) => (m.type === 'collected' ? m : undefined), 60_000, 'results');
      l.send({ type: 'collect' });
      return reply;
    }));
    const latencies: number[] = [];
    const lasts: number[] = [];
    let missed = 0;
    for (const [seq, sentAt] of sent) {
      let last = 0;
      for (const c of collected) {
        const times: number[] = c.arrivals[seq] ?? [];
        const expectedCount = c.arrivals[seq] ? times.length : Math.floor(options.size / LOADERS);
        if (!c.arrivals[seq]) missed += expectedCount;
        for (const t of times) {
          if (t === null || Number.isNaN(t)) missed += 1;
          else {
            latencies.push(t - sentAt);
            last = Math.max(last, t - sentAt);
          }
        }
      }
      lasts.push(last);
    }
    latencies.sort((a, b) => a - b);
    lasts.sort((a, b) => a - b);
    return {
      server: options.server,
      size: options.size,
      reveals: sent.size,
      missed,
      failedConnections: collected.reduce((n, c) => n + c.failures, 0),
      p50Ms: round(quantile(latencies, 0.5)),
      p99Ms: round(quantile(latencies, 0.99)),
      maxMs: round(latencies.at(-1) ?? NaN),
      lastP50Ms: round(quantile(lasts, 0.5)),
      lastP99Ms: round(quantile(lasts, 0.99)),
      rssPerSocketKb: round((rssAfter - rssBefore) / options.size),
      serverCpuPercent: round(serverCpuPercent),
      loaderCpuPercent: collected.map((c) => round(c.cpuPercent)),
    };
  } finally {
    for (const l of loaders) {
      l.send({ type: 'close' });
      await new Promise((resolve) => (l.exitCode === null ? l.once('exit', resolve) : resolve(null)));
    }
  }
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passcode: PASSCODE }) });
  return ((await res.json()) as { token: string }).token;
}

/** GO on Podium's next cue, through the automation API. */
function podiumGo(url: string, token: string) {
  return async () => {
    const state = (await (await fetch(`${url}/api/ceremonies/${CEREMONY}/state`, { headers: { authorization: `Bearer ${token}` } })).json()) as { nextCue: { id: string } | null };
    if (!state.nextCue) throw new Error('the ceremony has no next cue');
    const sentAt = clock();
    const res = await fetch(`${url}/api/ceremonies/${CEREMONY}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ type: 'go', expectedCue: state.nextCue.id }),
    });
    const body = (await res.json()) as { seq?: number; error?: { code: string } };
    if (!body.seq) throw new Error(`GO refused: ${JSON.stringify(body.error)}`);
    return { seq: body.seq, sentAt };
  };
}

/** The time from opening a socket to its first complete state, `count` times, one after another. */
async function lateJoins(url: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const startedAt = clock();
    const readyAt = await new Promise<number>((resolve, reject) => {
      const client = connectClient(url, 'socket.io', { ceremonyId: CEREMONY, role: 'audience' }, () => undefined, (c) => {
        c.socket.terminate();
        resolve(c.readyAt!);
      }, (why) => reject(new Error(why)));
      void client;
    });
    times.push(readyAt - startedAt);
  }
  return times.sort((a, b) => a - b);
}

async function podiumStep(size: number, late: boolean): Promise<{ step: Step; payloads: string[]; lateJoinMs?: number[] }> {
  const podium = await startPodiumProcess();
  const payloads: string[] = [];
  // One more socket keeps the frames, to give the bare servers exactly the same payloads.
  const recorder = connectClient(podium.url, 'socket.io', { ceremonyId: CEREMONY, role: 'audience' }, (seq, _at, frame) => (payloads[seq - 1] = frame.slice('42["event",'.length, -1)), () => undefined, () => undefined);
  try {
    const token = await login(podium.url);
    const go = podiumGo(podium.url, token);
    let lateJoinMs: number[] | undefined;
    const step = await fanOut({
      server: 'podium',
      size,
      urls: [podium.url],
      protocol: 'socket.io',
      auth: { ceremonyId: CEREMONY, role: 'audience' },
      serverPids: [podium.child.pid!],
      reveals: REVEALS,
      go,
      whileConnected: late ? async () => void (lateJoinMs = await lateJoins(podium.url, LATE_JOINS)) : undefined,
    });
    return { step, payloads, ...(lateJoinMs ? { lateJoinMs } : {}) };
  } finally {
    recorder.socket.terminate();
    await podium.stop();
  }
}

async function bareStep(kind: 'socket.io' | 'ws', size: number, payloads: string[]): Promise<Step> {
  const server = await startBareServer(kind);
  try {
    return await fanOut({
      server: kind,
      size,
      urls: [server.url],
      protocol: kind,
      auth: {},
      serverPids: [server.child.pid!],
      reveals: payloads.length,
      go: async (i) => {
        const sentAt = clock();
        await fetch(`${server.url}/go`, { method: 'POST', body: payloads[i]! });
        return { seq: i + 1, sentAt };
      },
    });
  } finally {
    await server.stop();
  }
}

async function redisStep(size: number): Promise<Step> {
  const schema = `podium_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect().catch((error: Error) => {
    throw new Error(`The two-process step needs PostgreSQL at ${databaseUrl} (set BENCH_DATABASE_URL): ${error.message}`);
  });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const env = { DATABASE_URL: url.toString(), REDIS_URL: redisUrl };
  const dataDir = podiumDataDir();
  const processes: ServerProcess[] = [];
  try {
    processes.push(...(await Promise.all([startPodiumProcess(env, dataDir), startPodiumProcess(env, dataDir)])));
    const [a, b] = processes as [ServerProcess, ServerProcess];
    const token = await login(a.url);
    return await fanOut({
      server: 'podium-2proc-redis',
      size,
      urls: [a.url, b.url],
      protocol: 'socket.io',
      auth: { ceremonyId: CEREMONY, role: 'audience' },
      serverPids: [a.child.pid!, b.child.pid!],
      reveals: REVEALS,
      go: podiumGo(a.url, token),
    });
  } finally {
    for (const p of processes) await p.stop();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

function printTable(steps: Step[]): void {
  const header = ['server', 'sockets', 'p50 ms', 'p99 ms', 'last p50', 'last p99', 'missed', 'KB/socket', 'server CPU %', 'loader CPU %'];
  const rows = steps.map((s) => [s.server, s.size, s.p50Ms, s.p99Ms, s.lastP50Ms, s.lastP99Ms, s.missed, s.rssPerSocketKb, s.serverCpuPercent, s.loaderCpuPercent.join(' + ')].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const steps: Step[] = [];
  let lateJoinMs: number[] | undefined;
  const lateAt = sizes.includes(5000) ? 5000 : sizes[0]!;
  const startedAt = new Date();
  for (const size of sizes) {
    console.log(`--- ${size} audience sockets`);
    const podium = await podiumStep(size, size === lateAt);
    steps.push(podium.step);
    if (podium.lateJoinMs) lateJoinMs = podium.lateJoinMs;
    if (podium.payloads.length < podium.step.reveals) throw new Error('the recording socket missed a frame');
    steps.push(await bareStep('socket.io', size, podium.payloads));
    steps.push(await bareStep('ws', size, podium.payloads));
    steps.push(await redisStep(size));
    printTable(steps.filter((s) => s.size === size));
  }
  const bundle = audienceInitialJs(path.join(ROOT, 'dist'));
  const result = {
    takenAt: startedAt.toISOString(),
    durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` },
    loaders: LOADERS,
    steps,
    lateJoin: lateJoinMs ? { connected: lateAt, samples: lateJoinMs.length, p50Ms: round(quantile(lateJoinMs, 0.5)), p99Ms: round(quantile(lateJoinMs, 0.99)), maxMs: round(lateJoinMs.at(-1)!) } : null,
    audienceInitialJs: { gzipBytes: bundle.gzipBytes, bytes: bundle.bytes, files: bundle.files },
  };
  console.log('\n=== all steps');
  printTable(steps);
  if (result.lateJoin) console.log(`late join with ${lateAt} connected: p50 ${result.lateJoin.p50Ms} ms, p99 ${result.lateJoin.p99Ms} ms (${LATE_JOINS} joins)`);
  console.log(`audience page initial JS: ${(bundle.gzipBytes / 1024).toFixed(1)} KB gzipped (${bundle.files.length} files, ${(bundle.bytes / 1024).toFixed(1)} KB raw)`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`raw figures: ${path.relative(ROOT, out)}`);
}

await main();
