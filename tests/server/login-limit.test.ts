import { randomInt } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../../server/http/client-address';
import { LOGIN_ATTEMPTS, LOGIN_WINDOW_S } from '../../server/access/login-limit';
import { requireRedis } from '../helpers/scale-out-harness';
import { PASSCODE, startTestServer, type TestServer } from '../helpers/server-harness';

/** A Redis database of its own: other test files use the default one. */
const REDIS_URL = 'redis://127.0.0.1:6379/13';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const t = await startTestServer({ env });
  servers.push(t);
  return t;
}

/** A login attempt, as a client at `forwardedFor` behind the proxy would make it. */
async function attempt(url: string, passcode: string, forwardedFor?: string) {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ passcode }),
  });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: body.error?.code ?? null, retryAfter: res.headers.get('retry-after') };
}

async function wrongTimes(url: string, n: number, forwardedFor?: string) {
  const answers = [];
  for (let i = 0; i < n; i++) answers.push(await attempt(url, 'not-the-passcode', forwardedFor));
  return answers;
}

/** A client address no earlier run of this file used (Redis keeps counts for LOGIN_WINDOW_S). */
const someAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

describe('[S20] login limits per client address', () => {
  it('[S20] wrong passcodes from one address lock out that address only, with Retry-After; the operator elsewhere logs in', async () => {
    const t = await server({ TRUST_PROXY: 'loopback' });
    const [stranger, operator] = [someAddress(), someAddress()];
    expect((await wrongTimes(t.url, LOGIN_ATTEMPTS, stranger)).map((a) => a.status)).toEqual(Array(LOGIN_ATTEMPTS).fill(401));
    const locked = await attempt(t.url, 'not-the-passcode', stranger);
    expect(locked).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(LOGIN_WINDOW_S);
    // Even the right passcode waits at the locked address…
    expect((await attempt(t.url, PASSCODE, stranger)).status).toBe(429);
    // …while the operator at another address is not locked out.
    expect((await attempt(t.url, PASSCODE, operator)).status).toBe(200);
  });

  it('[S20] a success starts the address over: the operator’s own typos do not add up', async () => {
    const t = await server({ TRUST_PROXY: 'loopback' });
    const address = someAddress();
    await wrongTimes(t.url, LOGIN_ATTEMPTS - 1, address);
    expect((await attempt(t.url, PASSCODE, address)).status).toBe(200);
    expect((await wrongTimes(t.url, LOGIN_ATTEMPTS - 1, address)).map((a) => a.status)).toEqual(Array(LOGIN_ATTEMPTS - 1).fill(401));
  });

  it('[S20] without TRUST_PROXY, X-Forwarded-For is ignored: a client cannot pick a fresh address per guess', async () => {
    const t = await server();
    for (let i = 0; i < LOGIN_ATTEMPTS; i++) expect((await attempt(t.url, 'not-the-passcode', someAddress())).status).toBe(401);
    expect((await attempt(t.url, 'not-the-passcode', someAddress())).status).toBe(429);
  });

  it('[S20] with REDIS_URL the count is shared by every process', async () => {
    await requireRedis(REDIS_URL);
    const a = await server({ TRUST_PROXY: 'loopback', REDIS_URL });
    const b = await server({ TRUST_PROXY: 'loopback', REDIS_URL });
    const address = someAddress();
    await wrongTimes(a.url, LOGIN_ATTEMPTS / 2, address);
    await wrongTimes(b.url, LOGIN_ATTEMPTS / 2, address);
    expect(await attempt(a.url, PASSCODE, address)).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(await attempt(b.url, PASSCODE, address)).toMatchObject({ status: 429, code: 'rate_limited' });
    expect((await attempt(b.url, PASSCODE, someAddress())).status).toBe(200);
  });
});

describe('[S20] TRUST_PROXY is parsed strictly', () => {
  it('[S20] accepts a hop count, addresses, CIDR ranges and the named ranges', () => {
    expect(parseTrustProxy(undefined)('127.0.0.1', 0)).toBe(false);
    expect(parseTrustProxy('1')('203.0.113.9', 0)).toBe(true);
    expect(parseTrustProxy('1')('203.0.113.9', 1)).toBe(false);
    expect(parseTrustProxy('loopback')('127.0.0.1', 0)).toBe(true);
    expect(parseTrustProxy('loopback')('10.0.0.1', 0)).toBe(false);
    expect(parseTrustProxy('10.0.0.0/8, ::1')('10.2.3.4', 0)).toBe(true);
  });

  it('[S20] refuses anything else with a message that says what it takes', () => {
    for (const bad of ['true', 'yes', '10.0.0.300', 'loopback,', '11', '10.0.0.0/99']) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY must be a hop count/);
    }
  });
});
