import { io } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { login, startTestServer, TestOperator, TestScreen, type TestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
const open: { stop(): Promise<void> }[] = [];
const closing: { close(): void }[] = [];
afterEach(async () => {
  for (const s of closing.splice(0)) s.close();
  for (const s of open.splice(0)) await s.stop();
});

async function server(): Promise<TestServer> {
  const t = await startTestServer();
  open.push(t);
  return t;
}

/** The handshake's answer: admitted, or the refusal's `{code, message}`. */
function handshake(url: string, auth: object): Promise<'admitted' | { code: string; message: string }> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth });
  return new Promise((resolve) => {
    socket.on('connect', () => {
      socket.disconnect();
      resolve('admitted');
    });
    socket.on('connect_error', (error: Error & { data?: { code: string; message: string } }) => {
      socket.disconnect();
      resolve(error.data ?? { code: error.message, message: error.message });
    });
  });
}

const get = async (t: TestServer, path: string, token?: string) => (await (await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).json()) as any;

describe('stage and overlay links carry a key', () => {
  it('[S21] anyone gets the audience link; only an operator gets the stage and overlay links, with their keys', async () => {
    const t = await server();
    const token = await login(t.url);
    const anonymous = await get(t, `/api/ceremonies/${SEED}/links`);
    expect(anonymous).toEqual({ audience: `${t.url}/c/${SEED}`, operator: `${t.url}/operator?ceremony=${SEED}` });
    const links = await get(t, `/api/ceremonies/${SEED}/links`, token);
    const stage = new URL(links.stage);
    const overlay = new URL(links.overlay);
    expect(stage.pathname).toBe(`/stage/${SEED}`);
    expect(stage.searchParams.get('k')).toMatch(/^[\w-]{22}$/);
    expect(overlay.searchParams.get('k')).toMatch(/^[\w-]{22}$/);
    expect(overlay.searchParams.get('k')).not.toBe(stage.searchParams.get('k'));
    expect(links.audience).toBe(`${t.url}/c/${SEED}`);
  });

  it('[S21] a stage or overlay without its key is refused with unauthorized and a clear message; with it, admitted', async () => {
    const t = await server();
    const token = await login(t.url);
    const links = await get(t, `/api/ceremonies/${SEED}/links`, token);
    const stageKey = new URL(links.stage).searchParams.get('k')!;
    const overlayKey = new URL(links.overlay).searchParams.get('k')!;
    for (const auth of [{ role: 'stage' }, { role: 'stage', screenKey: 'guessed' }, { role: 'stage', screenKey: overlayKey }, { role: 'overlay', screenKey: stageKey }]) {
      const answer = await handshake(t.url, { ceremonyId: SEED, ...auth });
      expect(answer).toEqual({ code: 'unauthorized', message: expect.stringMatching(/needs the key of its link \(k=\)/) });
    }
    expect(await handshake(t.url, { ceremonyId: SEED, role: 'stage', screenKey: stageKey })).toBe('admitted');
    expect(await handshake(t.url, { ceremonyId: SEED, role: 'overlay', screenKey: overlayKey })).toBe('admitted');
    // The audience needs no key.
    expect(await handshake(t.url, { ceremonyId: SEED })).toBe('admitted');
  });

  it('[S21] a rehearsal stage needs the run key and the stage key: its links carry both', async () => {
    const t = await server();
    const token = await login(t.url);
    const started = await (await fetch(`${t.url}/api/ceremonies/${SEED}/rehearsals`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' })).json() as any;
    const stage = new URL(started.links.stage);
    expect(stage.searchParams.get('run')).toBe(started.runId);
    const runKey = stage.searchParams.get('key')!;
    const screenKey = stage.searchParams.get('k')!;
    expect(await handshake(t.url, { ceremonyId: SEED, runId: started.runId, runKey, role: 'stage' })).toMatchObject({ code: 'unauthorized' });
    expect(await handshake(t.url, { ceremonyId: SEED, runId: started.runId, runKey, role: 'stage', screenKey })).toBe('admitted');
    // Its audience link opens no stage: it has no k=.
    expect(new URL(started.links.audience).searchParams.has('k')).toBe(false);
  });

  it('[S21] the operator sending a screen to the stage view gives it the stage key to reconnect with', async () => {
    const t = await server();
    const token = await login(t.url);
    const phone = new TestScreen(t.url, SEED);
    const op = new TestOperator(t.url, SEED, token);
    closing.push(phone, op);
    const navigated = new Promise<{ view: string; screenKey?: string }>((resolve) => phone.socket.on('navigate', resolve));
    await vi.waitFor(() => expect(op.registry?.audience.total).toBe(1));
    const screenId = phone.socket.id!;
    expect(await op.socket.timeout(5000).emitWithAck('screen', { screenId, view: 'stage' })).toEqual({ ok: true });
    const request = await navigated;
    expect(request.view).toBe('stage');
    expect(await handshake(t.url, { ceremonyId: SEED, role: 'stage', screenKey: request.screenKey })).toBe('admitted');
  });
});
