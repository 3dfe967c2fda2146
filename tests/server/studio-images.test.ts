import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE, type UploadedImage } from '../../shared/studio';
import { launchChromium } from '../helpers/browser';
import { pngBytes, SVG } from '../helpers/image-bytes';
import { freshSchema, sharedDataDir } from '../helpers/scale-out-harness';
import { login, startTestServer, type TestServer } from '../helpers/server-harness';

const CEREMONY = 'sample-awards';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let t: TestServer;
let producer: string;
/** A 40×30 drawing, encoded by Chromium's own PNG, JPEG and WebP encoders. */
const drawn = {} as Record<'image/png' | 'image/jpeg' | 'image/webp', Buffer>;

beforeAll(async () => {
  t = await startTestServer();
  producer = await login(t.url);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const type of ['image/png', 'image/jpeg', 'image/webp'] as const) {
      // A script as text: this file is compiled without the DOM's types.
      const url = String(
        await page.evaluate(`(() => {
          const canvas = document.createElement('canvas');
          canvas.width = 40;
          canvas.height = 30;
          const g = canvas.getContext('2d');
          g.fillStyle = '#8a6100';
          g.fillRect(0, 0, 40, 30);
          g.fillStyle = '#ffffff';
          g.fillRect(10, 5, 20, 20);
          return canvas.toDataURL('${type}', 0.9);
        })()`),
      );
      expect(url.startsWith(`data:${type};base64,`), `Chromium encodes ${type}`).toBe(true);
      drawn[type] = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
    }
  } finally {
    await browser.close();
  }
});
afterAll(() => t?.stop());

async function upload(url: string, body: Uint8Array | string, type: string, token: string | null = producer, ceremonyId = CEREMONY) {
  const res = await fetch(`${url}/api/studio/ceremonies/${ceremonyId}/images`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
  const answer = (await res.json()) as UploadedImage & { error?: { code: string; message: string } };
  return { status: res.status, answer, code: answer.error?.code, message: answer.error?.message };
}

describe('[S32] images: upload and serving', () => {
  it('a PNG, a JPEG and a WebP made by Chromium are taken, and served back byte for byte with immutable, non-sniffed headers', async () => {
    for (const [type, bytes] of Object.entries(drawn)) {
      const { status, answer } = await upload(t.url, bytes, type);
      expect(status, type).toBe(201);
      expect(answer).toEqual({ id: sha256(bytes), type, width: 40, height: 30, bytes: bytes.length });
      // The same bytes again: the same id, kept once.
      expect((await upload(t.url, bytes, type)).answer.id).toBe(answer.id);
      const res = await fetch(`${t.url}/api/images/${answer.id}`);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes), type).toBe(true);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    }
  });

  it('refuses SVG, a type that is not the bytes\' own, a truncated file, a side too large and a file too big, with stable codes; nothing is kept', async () => {
    const cases: { body: Uint8Array | string; type: string; status: number; code: string; message: RegExp }[] = [
      { body: SVG, type: 'image/svg+xml', status: 415, code: 'unsupported_media_type', message: /image\/png or image\/jpeg or image\/webp/ },
      { body: SVG, type: 'image/png', status: 415, code: 'unsupported_media_type', message: /SVG/ },
      { body: drawn['image/png'], type: 'image/jpeg', status: 415, code: 'unsupported_media_type', message: /is a PNG image, but it was sent as image\/jpeg/ },
      { body: drawn['image/jpeg'].subarray(0, drawn['image/jpeg'].length - 40), type: 'image/jpeg', status: 400, code: 'invalid_message', message: /broken or cut short/ },
      { body: drawn['image/png'].subarray(0, 60), type: 'image/png', status: 400, code: 'invalid_message', message: /broken or cut short/ },
      { body: pngBytes(MAX_IMAGE_SIDE + 1, 1), type: 'image/png', status: 400, code: 'invalid_message', message: new RegExp(`at most ${MAX_IMAGE_SIDE}`) },
      { body: Buffer.concat([drawn['image/png'], Buffer.alloc(MAX_IMAGE_BYTES)]), type: 'image/png', status: 400, code: 'invalid_message', message: new RegExp(`larger than ${MAX_IMAGE_BYTES} bytes`) },
      { body: '', type: 'image/png', status: 400, code: 'invalid_message', message: /empty/ },
    ];
    for (const c of cases) {
      const { status, code, message } = await upload(t.url, c.body, c.type);
      expect({ status, code }, `${c.type} ${message}`).toEqual({ status: c.status, code: c.code });
      expect(message).toMatch(c.message);
      const bytes = typeof c.body === 'string' ? new TextEncoder().encode(c.body) : c.body;
      // (The PNG sent as a JPEG was taken as a PNG by the test above.)
      if (c.body !== drawn['image/png']) expect((await fetch(`${t.url}/api/images/${sha256(bytes)}`)).status).toBe(404);
    }
  });

  it('needs results.edit to upload (401 without a session, 403 for a stage manager); anyone may fetch by id; an unknown id is 404', async () => {
    expect(await upload(t.url, drawn['image/png'], 'image/png', null)).toMatchObject({ status: 401, code: 'unauthorized' });
    const stageManager = t.server.auth.issueToken(Date.now(), { personId: 'p-sm', name: 'Sam', role: 'stage_manager' }).token;
    expect(await upload(t.url, drawn['image/png'], 'image/png', stageManager)).toMatchObject({ status: 403, code: 'forbidden' });
    for (const id of ['0'.repeat(64), 'not-an-id', 'A'.repeat(64)]) {
      const res = await fetch(`${t.url}/api/images/${id}`);
      expect([id, res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([id, 404, 'not_found']);
    }
    expect((await upload(t.url, drawn['image/png'], 'image/png', producer, 'Not_An_Id')).code).toBe('invalid_message');
  });

  it('two processes on one PostgreSQL: uploaded through one, served by the other', async () => {
    const schema = await freshSchema();
    const dataDir = sharedDataDir();
    const env = { DATABASE_URL: schema.url };
    const a = await startTestServer({ dataDir, env });
    const b = await startTestServer({ dataDir, env });
    try {
      const bytes = drawn['image/webp'];
      const { status, answer } = await upload(a.url, bytes, 'image/webp', await login(a.url));
      expect(status).toBe(201);
      const res = await fetch(`${b.url}/api/images/${answer.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      await a.stop();
      await b.stop();
      await schema.drop();
    }
  });
});
