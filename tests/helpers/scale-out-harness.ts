import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_TEST_DATABASE_URL, DEFAULT_TEST_REDIS_URL } from '../../scripts/prerequisites';
import { PASSCODE, ROOT } from './server-harness';

/** The PostgreSQL and Redis the scale-out tests use (see .ci/run); override with env. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? DEFAULT_TEST_REDIS_URL;

/** A connection string whose search_path is the given schema. */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/**
 * A fresh, empty schema for one test (tests of several files share the database and run in
 * parallel). Fails with a clear message when PostgreSQL is not reachable: never skipped.
 */
export async function freshSchema(): Promise<{ schema: string; url: string; drop: () => Promise<void> }> {
  const schema = `podium_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(
      `These tests need PostgreSQL at ${TEST_DATABASE_URL} (trust auth; .ci/run starts it, or set TEST_DATABASE_URL): ${(error as Error).message}`,
    );
  }
  await client.end();
  return {
    schema,
    url: urlWithSchema(TEST_DATABASE_URL, schema),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** A free TCP port on loopback (for servers that cannot listen on port 0, like redis-server). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A DATA_DIR for processes of one deployment: they must share the operator session key (a token
 * issued by one process is checked by another), so it is made before any of them starts.
 */
export function sharedDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-proc-'));
  fs.writeFileSync(path.join(dataDir, 'session-key'), `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  return dataDir;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it wrote to stdout and stderr. */
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `npm start`'s server process (without the build) on a free port, with extra env; resolves once it prints its URL. */
export function startServerProcess(env: Record<string, string>, dataDir = sharedDataDir()): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, OPERATOR_PASSCODE: PASSCODE, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = /Podium is running at (http:\/\/\S+)/.exec(out);
      if (match)
        resolve({
          child,
          url: match[1]!,
          output: () => out,
          kill: async (signal = 'SIGKILL') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
    });
    child.stderr!.on('data', (chunk) => (out += String(chunk)));
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before it started:\n${out}`)));
  });
}

/**
 * A reverse proxy as deployments put in front of several processes, at its simplest: each new
 * connection goes to the first upstream that accepts it. Kill the first, and new connections
 * (a screen's reconnection) go to the next.
 */
export async function startFailoverProxy(upstreams: readonly string[]): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.pause();
    const tryUpstream = (i: number) => {
      if (i >= upstreams.length) return client.destroy();
      const { hostname, port } = new URL(upstreams[i]!);
      const upstream = net.connect(Number(port), hostname);
      upstream.once('error', () => tryUpstream(i + 1));
      upstream.once('connect', () => {
        sockets.add(upstream);
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        upstream.on('close', () => {
          sockets.delete(upstream);
          client.destroy();
        });
        client.on('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    tryUpstream(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A private redis-server on a free port, for a test that stops and restarts Redis. */
export async function startPrivateRedis(port?: number): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const chosen = port ?? (await freePort());
  const child = spawn('redis-server', ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.once('error', (error) => reject(new Error(`This test needs redis-server on the PATH (.ci/run installs it): ${error.message}`)));
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Fails with a clear message when the shared Redis is not reachable: never skipped. */
export async function requireRedis(url = TEST_REDIS_URL): Promise<void> {
  const { hostname, port } = new URL(url);
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect(Number(port || 6379), hostname);
    socket.setTimeout(3000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      if (String(data).startsWith('+PONG')) resolve();
      else reject(new Error(`Redis at ${url} answered ${String(data).trim()}`));
    });
    const fail = (why: string) => {
      socket.destroy();
      reject(new Error(`These tests need Redis at ${url} (.ci/run starts it, or set TEST_REDIS_URL): ${why}`));
    };
    socket.once('error', (error) => fail(error.message));
    socket.once('timeout', () => fail('no answer in 3 s'));
  });
}
