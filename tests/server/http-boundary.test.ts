import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer, type TestServer } from '../helpers/server-harness';

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
