import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { connected, login, startTestServer, type TestServer } from '../helpers/server-harness';

/** The HTTP boundary (S23): who may write with the cookie, what bodies are taken, and 4xx for a client's mistakes. */
const PUBLIC_URL = 'https://podium.example';
const ALLOWED = 'https://console.example';
let t: TestServer;
let token: string;
let cookie: string;

beforeAll(async () => {
  t = await startTestServer({ env: { PUBLIC_URL, ALLOWED_ORIGINS: ALLOWED } });
  token = await login(t.url);
  cookie = `podium_session=${encodeURIComponent(token)}`;
});
afterAll(() => t.stop());

/** An announcement through the commands endpoint: a harmless write, answered 200 when let through. */
function announce(headers: Record<string, string>) {
  return fetch(`${t.url}/api/ceremonies/sample-awards/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ type: 'announce', text: { en: 'Hello' } }),
  });
}

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe('[S23] writes with the session cookie come from the server own origin', () => {
  it('[S23] a foreign Origin, a foreign Referer, or neither is refused with 403 forbidden_origin', async () => {
    for (const headers of <Record<string, string>[]>[{ origin: 'http://127.0.0.1:1' }, { origin: 'null' }, { referer: 'http://evil.example/page' }, {}]) {
      const res = await announce({ cookie, ...headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await codeOf(res)).toBe('forbidden_origin');
    }
  });

  it('[S23] the server own origin (Host, X-Forwarded-Host of a proxy, PUBLIC_URL) and ALLOWED_ORIGINS are let through', async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: t.url },
      { referer: `${t.url}/operator?ceremony=sample-awards` },
      { origin: 'https://proxy.example', 'x-forwarded-host': 'proxy.example' },
      { origin: PUBLIC_URL },
      { origin: ALLOWED },
    ]) {
      expect((await announce({ cookie, ...headers })).status, JSON.stringify(headers)).toBe(200);
    }
  });

  it('[S23] a bearer token needs no Origin (automation), and reads with the cookie need none either', async () => {
    expect((await announce({ authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await fetch(`${t.url}/api/ceremonies/sample-awards/state`, { headers: { cookie, origin: 'http://evil.example' } })).status).toBe(200);
  });
});

describe('[S11] the WebSocket handshake uses the same origin rule', () => {
  it('[S11] PUBLIC_URL and ALLOWED_ORIGINS are the server own origins; another is refused', async () => {
    const socketFrom = (origin: string) => io(t.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { origin }, auth: { ceremonyId: 'sample-awards' } });
    for (const origin of [PUBLIC_URL, ALLOWED, t.url]) {
      const socket = socketFrom(origin);
      await connected(socket);
      socket.disconnect();
    }
    const foreign = socketFrom('http://evil.example');
    await expect(connected(foreign)).rejects.toThrow();
    foreign.disconnect();
  });
});

describe('[S23] bodies of the right type only', () => {
  it('[S23] the results import takes text/csv only: text/plain, a form or JSON is 415 unsupported_media_type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json']) {
      const res = await fetch(`${t.url}/api/ceremonies/sample-awards/results`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body: 'category,place,name_en\nbest-app,1,X\n' });
      expect(res.status, type).toBe(415);
      expect(await codeOf(res)).toBe('unsupported_media_type');
    }
  });

  it('[S23] a JSON endpoint refuses a body that is not application/json with 415', async () => {
    const res = await fetch(`${t.url}/api/ceremonies/sample-awards/commands`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` }, body: '{"type":"announce","text":{"en":"x"}}' });
    expect(res.status).toBe(415);
    expect(await codeOf(res)).toBe('unsupported_media_type');
  });
});

describe('[S23] a client mistake is a 4xx with a stable code, never a 500', () => {
  const expectCode = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(await codeOf(res)).toBe(code);
  };
  const put = (body: string) => fetch(`${t.url}/api/ceremonies/sample-awards`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });

  it('[S23] a malformed session cookie is no session: the anonymous state is answered', async () => {
    const res = await fetch(`${t.url}/api/ceremonies/sample-awards/state`, { headers: { cookie: 'podium_session=%E0%A4%A' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { nextCue?: unknown }).nextCue).toBeUndefined();
  });

  it('[S23] bad percent-encoding in a path is 400 invalid_message (API and app routes)', async () => {
    await expectCode(await fetch(`${t.url}/api/ceremonies/%E0%A4%A/state`), 400, 'invalid_message');
    await expectCode(await fetch(`${t.url}/c/%E0%A4%A`), 400, 'invalid_message');
  });

  it('[S23] an unsupported Content-Encoding or charset is 415 unsupported_media_type', async () => {
    const send = (headers: Record<string, string>) => fetch(`${t.url}/api/ceremonies/sample-awards/commands`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body: '{}' });
    await expectCode(await send({ 'content-type': 'application/json', 'content-encoding': 'x-unknown' }), 415, 'unsupported_media_type');
    await expectCode(await send({ 'content-type': 'application/json; charset=koi8-r' }), 415, 'unsupported_media_type');
    const csv = await fetch(`${t.url}/api/ceremonies/egov-award-1399/results`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv; charset=x-unknown' }, body: 'category\n' });
    await expectCode(csv, 415, 'unsupported_media_type');
  });

  it('[S23] a QR code of a URL too long for one is 400 invalid_message', async () => {
    // PUBLIC_URL is the base of this server's links here.
    const long = await fetch(`${t.url}/api/ceremonies/sample-awards/qr.svg?url=${encodeURIComponent(`${PUBLIC_URL}/${'a'.repeat(5000)}`)}`);
    await expectCode(long, 400, 'invalid_message');
    expect((await fetch(`${t.url}/api/ceremonies/sample-awards/qr.svg?url=${encodeURIComponent(`${PUBLIC_URL}/c/sample-awards`)}`)).status).toBe(200);
  });

  it('[S23] a deeply nested definition is 400 invalid_message; one nested less than the limit is an ordinary invalid_ceremony', async () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    await expectCode(await put(`{"schemaVersion":1,"id":"sample-awards","title":${nested(100_000)}}`), 400, 'invalid_message');
    await expectCode(await put(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`), 400, 'invalid_message');
    await expectCode(await put(`{"schemaVersion":1,"id":"sample-awards","title":${nested(60)}}`), 400, 'invalid_ceremony');
    // Brackets inside strings are text, not nesting.
    await expectCode(await put(`{"schemaVersion":1,"id":"sample-awards","title":{"en":"${'['.repeat(1000)}"}}`), 400, 'invalid_ceremony');
  });
});
