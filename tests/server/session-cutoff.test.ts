import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { PodiumError } from '../../shared/errors';
import type { ScreenCounts } from '../../shared/protocol';
import { freshSchema, sharedDataDir } from '../helpers/scale-out-harness';
import { connected, getState, login, TestOperator, startTestServer, type TestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
const DAY_MS = 24 * 3600_000;

const servers: TestServer[] = [];
const consoles: TestOperator[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.stop();
});

async function server(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const t = await startTestServer(options);
  servers.push(t);
  return t;
}

/** A console that has its first snapshot, recording what reaches it from then on. */
async function openConsole(url: string, token: string) {
  const op = new TestOperator(url, SEED, token);
  consoles.push(op);
  const record = { snapshots: 0, failures: [] as PodiumError[], disconnected: null as Promise<string> | null };
  const first = new Promise<void>((resolve) => op.socket.once('snapshot', () => resolve()));
  op.socket.on('snapshot', () => (record.snapshots += 1));
  op.socket.on('failure', (error) => record.failures.push(error));
  record.disconnected = new Promise((resolve) => op.socket.once('disconnect', (reason) => resolve(reason)));
  await connected(op.socket);
  await first;
  return { op, record };
}

function logout(url: string, token: string) {
  return fetch(`${url}/api/session`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
}

/** Resolves with the first `screens` counts that satisfy `test`. */
function countsWhere(socket: Socket<any, any>, test: (counts: ScreenCounts) => boolean): Promise<ScreenCounts> {
  return new Promise((resolve) => {
    const listener = (counts: ScreenCounts) => {
      if (!test(counts)) return;
      socket.off('screens', listener);
      resolve(counts);
    };
    socket.on('screens', listener);
  });
}

describe('[S19] a session that ends is cut off', () => {
  it('[S19] logout (DELETE /api/session) disconnects its open console at once, with the reason, and nothing more reaches it', async () => {
    const t = await server();
    const [ended, other] = [await login(t.url), await login(t.url)];
    const a = await openConsole(t.url, ended);
    const b = await openConsole(t.url, other);
    await countsWhere(b.op.socket, (c) => c.operator === 2);
    const snapshotsBefore = a.record.snapshots;

    expect((await logout(t.url, ended)).status).toBe(200);
    expect(await a.record.disconnected).toBe('io server disconnect');
    expect(a.record.failures.map((f) => f.code)).toEqual(['unauthorized']);
    // It left the operators' room: the other console counts one operator.
    await countsWhere(b.op.socket, (c) => c.operator === 1);

    // The other session goes on; its event does not reach the cut-off console.
    const held = await b.op.command({ type: 'hold', commandId: 'hold-after-logout' });
    expect(held.ok).toBe(true);
    await new Promise<void>((resolve) => (b.op.events.length > 0 ? resolve() : b.op.socket.once('event', () => resolve())));
    expect(a.op.events).toEqual([]);
    expect(a.record.snapshots).toBe(snapshotsBefore);

    // Reconnecting with the same token is refused at the handshake.
    a.op.socket.connect();
    await expect(connected(a.op.socket)).rejects.toThrow('unauthorized');
  });

  it('[S19] an expired session: its next message (sync) is not answered, and a silent console is cut off by the sweep', async () => {
    let clock = Date.now();
    const t = await server({ now: () => clock });
    const token = await login(t.url);
    const talking = await openConsole(t.url, token);
    const silent = await openConsole(t.url, token);
    const snapshotsBefore = talking.record.snapshots;

    clock += DAY_MS + 1000;
    talking.op.socket.emit('sync', { lastSeq: 0 });
    expect(await talking.record.disconnected).toBe('io server disconnect');
    expect(talking.record.failures.map((f) => f.code)).toEqual(['unauthorized']);
    expect(talking.record.snapshots).toBe(snapshotsBefore);

    expect(await silent.record.disconnected).toBe('io server disconnect');
    expect(silent.record.failures.map((f) => f.code)).toEqual(['unauthorized']);
    expect((await getState(t.url, SEED, token)).nextCue).toBeUndefined();
  });

  it('[S19] a logout holds across a restart', async () => {
    const first = await server();
    const token = await login(first.url);
    await logout(first.url, token);
    await first.stop();
    servers.splice(servers.indexOf(first), 1);

    const again = await server({ dataDir: first.dataDir });
    expect((await getState(again.url, SEED, token)).nextCue).toBeUndefined();
    const op = new TestOperator(again.url, SEED, token);
    consoles.push(op);
    await expect(connected(op.socket)).rejects.toThrow('unauthorized');
  });

  it('[S19] a logout on one server cuts off a console on another server of the same PostgreSQL', async () => {
    const { url, drop } = await freshSchema();
    try {
      const dataDir = sharedDataDir();
      const a = await server({ dataDir, env: { DATABASE_URL: url } });
      const b = await server({ dataDir, env: { DATABASE_URL: url } });
      const token = await login(a.url);
      const onB = await openConsole(b.url, token);

      const loggedOutAt = Date.now();
      expect((await logout(a.url, token)).status).toBe(200);
      expect(await onB.record.disconnected).toBe('io server disconnect');
      const tookMs = Date.now() - loggedOutAt;
      expect(onB.record.failures.map((f) => f.code)).toEqual(['unauthorized']);
      expect((await getState(b.url, SEED, token)).nextCue).toBeUndefined();
      // Within the revocation poll (1 s) and a margin for a loaded machine.
      expect(tookMs).toBeLessThan(5000);
      console.info(`[S19] logout on A cut off the console on B after ${tookMs} ms`);
    } finally {
      for (const s of servers.splice(0)) await s.stop();
      await drop();
    }
  });
});
