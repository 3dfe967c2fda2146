import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PublicEvent } from '../../shared/events';
import { nextCue } from '../../shared/state';
import { freePort, freshSchema, requireRedis, sharedDataDir, startServerProcess, TEST_REDIS_URL, type ServerProcess } from '../helpers/scale-out-harness';
import { login, ROOT, TestOperator } from '../helpers/server-harness';

const SEED = 'egov-award-1399';

/** docs/deploy/nginx.conf as documented, with this test's ports. */
function startNginx(upstreams: number[], port: number): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-nginx-'));
  fs.mkdirSync(path.join(dir, 'logs'));
  const example = fs.readFileSync(path.join(ROOT, 'docs/deploy/nginx.conf'), 'utf8');
  let i = 0;
  const conf = example.replace(/server 127\.0\.0\.1:\d+/g, () => `server 127.0.0.1:${upstreams[i++]}`).replace(/listen \d+;/, `listen 127.0.0.1:${port};`);
  expect(i, 'the example lists two upstream servers').toBe(2);
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const child = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', `daemon off; pid ${dir}/nginx.pid; error_log stderr;`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (chunk) => (err += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`This test needs nginx on the PATH (.ci/run installs it): ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`nginx exited with ${code}: ${err}`)));
    child.once('spawn', () =>
      resolve({
        child,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      }),
    );
  });
}

/** An audience screen that counts the events it receives, on the given transports. */
function audience(url: string, transports: ('polling' | 'websocket')[]) {
  const seqs: number[] = [];
  const socket: Socket = io(url, { transports, forceNew: true, auth: { ceremonyId: SEED, role: 'audience' } });
  let snapshotSeq: number | null = null;
  socket.on('snapshot', (state: { seq: number }) => (snapshotSeq ??= state.seq));
  socket.on('event', (event: PublicEvent) => seqs.push(event.seq));
  return { socket, seqs, ready: () => snapshotSeq !== null };
}

describe('scale-out behind nginx (docs/deploy/nginx.conf)', () => {
  const stops: (() => Promise<void> | void)[] = [];
  let proxyUrl = '';
  let processes: ServerProcess[] = [];

  beforeAll(async () => {
    await requireRedis();
    const schema = await freshSchema();
    stops.push(() => schema.drop());
    const ports = [await freePort(), await freePort()];
    const dataDir = sharedDataDir();
    processes = await Promise.all(ports.map((port) => startServerProcess({ PORT: String(port), DATABASE_URL: schema.url, REDIS_URL: `${TEST_REDIS_URL}/9` }, dataDir)));
    for (const p of processes) stops.push(() => p.kill());
    const proxyPort = await freePort();
    const nginx = await startNginx(ports, proxyPort);
    stops.push(() => nginx.stop());
    proxyUrl = `http://127.0.0.1:${proxyPort}`;
    await vi.waitFor(async () => expect((await fetch(`${proxyUrl}/healthz`)).status).toBe(200), { timeout: 10_000 });
  });
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  it('[S7] screens on WebSocket and on long-polling (sticky) through the proxy get every event of a GO sent to either process', async () => {
    const screens = [audience(proxyUrl, ['websocket']), audience(proxyUrl, ['polling'])];
    const token = await login(proxyUrl);
    // The console on each process in turn, directly: the proxy sends the screens to one of them.
    const operators = processes.map((p) => new TestOperator(p.url, SEED, token));
    try {
      await vi.waitFor(() => expect(screens.every((s) => s.ready()) && operators.every((o) => o.view)).toBe(true), { timeout: 10_000 });
      for (let i = 0; i < 4; i++) {
        const op = operators[i % 2]!;
        await vi.waitFor(() => expect(op.view!.state.seq).toBe(i));
        const cue = nextCue(op.view!.state)!;
        const result = await op.command({ type: 'go', commandId: `proxy-${i}`, expectedCue: cue.id });
        expect(result.ok).toBe(true);
        await vi.waitFor(() => screens.forEach((s) => expect(s.seqs.at(-1)).toBe(i + 1)), { timeout: 10_000 });
      }
      // Applied once each, in order ([S7]: a client ignores a seq it already has).
      for (const s of screens) expect([...new Set(s.seqs)]).toEqual([1, 2, 3, 4]);
      for (const s of screens) expect(s.seqs).toEqual([...s.seqs].sort((a, b) => a - b));
    } finally {
      for (const s of screens) s.socket.disconnect();
      for (const o of operators) o.close();
    }
  });
});
