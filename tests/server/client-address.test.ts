import { afterEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { ReactionCounts } from '../../shared/reactions';
import { connected, login, TestOperator, startTestServer, type TestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';

let t: TestServer | null = null;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await t?.stop();
  t = null;
});

/** An audience phone behind the proxy, which says it is at `forwardedFor`. */
async function phone(url: string, forwardedFor: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, extraHeaders: { 'x-forwarded-for': forwardedFor }, auth: { ceremonyId: SEED } });
  sockets.push(socket);
  await connected(socket);
  return socket;
}

/** Sends reactions, then a round trip: once it is back, the server has counted (or dropped) them all. */
async function react(socket: Socket, kind: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) socket.emit('react', kind);
  await socket.timeout(10_000).emitWithAck('clock', Date.now());
}

/**
 * Seven phones at one address and one at another each tap 10 times, on a frozen clock (no
 * bucket refills): an address takes 60 at once. Then, one second later, a last phone taps a heart
 * that every case counts: its flush carries the final applause count.
 */
async function applauseCounted(env: Record<string, string>): Promise<number> {
  let clock = Date.now();
  t = await startTestServer({ env, now: () => clock });
  const op = new TestOperator(t.url, SEED, await login(t.url));
  sockets.push(op.socket as unknown as Socket);
  await connected(op.socket);
  const hall = await Promise.all(Array.from({ length: 7 }, () => phone(t!.url, '10.0.0.1')));
  const home = await phone(t.url, '10.0.0.2');
  for (const socket of hall) await react(socket, 'applause', 10);
  await react(home, 'applause', 10);
  clock += 1000;
  const totals = new Promise<ReactionCounts>((resolve) => op.socket.on('reactions', (flush) => flush.totals.heart > 0 && resolve(flush.totals)));
  await react(await phone(t.url, '10.0.0.3'), 'heart', 1);
  return (await totals).applause;
}

describe('[S20] the client address behind a proxy', () => {
  it('[S20] with TRUST_PROXY, two clients behind the proxy get distinct reaction limits', async () => {
    expect(await applauseCounted({ TRUST_PROXY: 'loopback' })).toBe(70);
  });

  it('[S20] without TRUST_PROXY, X-Forwarded-For is ignored: every socket of one real address shares its limit', async () => {
    expect(await applauseCounted({})).toBe(60);
  });
});
