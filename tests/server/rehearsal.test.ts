import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCues } from '../../shared/cues';
import { realRecipientTexts } from '../../shared/stand-ins';
import { seedCeremony } from '../helpers/ceremony-harness';
import { connected, getState, login, startTestServer, TestScreen, type TestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
const realTexts = realRecipientTexts(seedCeremony()).map((t) => JSON.stringify(t));

const open: { stop(): Promise<void> }[] = [];
const sockets: { close(): void }[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const s of open.splice(0)) await s.stop();
});
async function server(dataDir?: string): Promise<TestServer> {
  const t = await startTestServer(dataDir ? { dataDir } : {});
  open.push(t);
  return t;
}
function screen(t: TestServer, run?: { runId: string; runKey: string }) {
  const s = new TestScreen(t.url, SEED, 'audience', run ?? {});
  sockets.push(s);
  return s;
}
async function api(t: TestServer, token: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
}
async function runThrough(t: TestServer, token: string, runId: string) {
  for (const cue of buildCues(seedCeremony())) {
    const res = await api(t, token, 'POST', `/api/ceremonies/${SEED}/commands?run=${runId}`, { type: 'go', expectedCue: cue.id });
    expect(res.status).toBe(200);
  }
}

describe('rehearsal runs', () => {
  it('[S13] a rehearsal on stand-ins reaches only its own screens, never names a real recipient, and changes nothing live', async () => {
    const t = await server();
    const token = await login(t.url);
    const started = await api(t, token, 'POST', `/api/ceremonies/${SEED}/rehearsals`, {});
    expect(started).toMatchObject({ status: 201, body: { runId: 'rehearsal-1', realResults: false } });
    const stageLink = new URL(started.body.links.stage);
    expect(stageLink.pathname).toBe(`/stage/${SEED}`);
    expect(stageLink.searchParams.get('run')).toBe('rehearsal-1');
    const runKey = stageLink.searchParams.get('key')!;
    expect(runKey).toMatch(/^[\w-]{22}$/);

    const live = screen(t);
    const rehearsal = screen(t, { runId: 'rehearsal-1', runKey });
    await vi.waitFor(() => expect(live.state && rehearsal.state).toBeTruthy());
    expect(rehearsal.state!.run).toEqual({ kind: 'rehearsal', realResults: false });
    expect(live.state!.run.kind).toBe('live');
    const liveFramesBefore = live.frames.length;

    await runThrough(t, token, 'rehearsal-1');
    await vi.waitFor(() => expect(rehearsal.state!.endedAt).not.toBeNull());
    const shown = rehearsal.state!.results.g2g!.flatMap((r) => r.entries.map((e) => e.recipient.name.fa));
    expect(shown).toHaveLength(4);
    for (const frame of rehearsal.frames) for (const text of realTexts) expect(frame).not.toContain(text);

    expect(live.frames.length).toBe(liveFramesBefore);
    expect((await getState(t.url, SEED)).seq).toBe(0);
    const operatorView = await api(t, token, 'GET', `/api/ceremonies/${SEED}/state?run=rehearsal-1`);
    for (const text of realTexts) expect(JSON.stringify(operatorView.body)).not.toContain(text);
  });

  it('[S13] a rehearsal is reached only with its key: a guessed run id is refused on every path', async () => {
    const t = await server();
    const token = await login(t.url);
    const started = await api(t, token, 'POST', `/api/ceremonies/${SEED}/rehearsals`, { realResults: true, confirm: true });
    const key = new URL(started.body.links.audience).searchParams.get('key')!;
    expect((await api(t, null, 'GET', `/api/ceremonies/${SEED}/state?run=rehearsal-1`)).status).toBe(401);
    expect((await api(t, null, 'GET', `/api/ceremonies/${SEED}/state?run=rehearsal-1&key=wrong`)).status).toBe(401);
    expect((await api(t, null, 'GET', `/api/ceremonies/${SEED}/state?run=rehearsal-1&key=${key}`)).status).toBe(200);
    expect((await api(t, null, 'GET', `/api/ceremonies/${SEED}/runs/rehearsal-1/events`)).status).toBe(401);
    expect((await api(t, null, 'GET', `/api/ceremonies/${SEED}/runs/rehearsal-1/events?key=${key}`)).status).toBe(200);
    const guessed = new TestScreen(t.url, SEED, 'audience', { runId: 'rehearsal-1' });
    sockets.push(guessed);
    await expect(connected(guessed.socket)).rejects.toThrow('unauthorized');
    expect(guessed.frames.join('')).not.toContain('سازمان اداری و استخدامی کشور');
  });

  it('[S13] the real results load into a rehearsal only when chosen and confirmed', async () => {
    const t = await server();
    const token = await login(t.url);
    expect((await api(t, token, 'POST', `/api/ceremonies/${SEED}/rehearsals`, { realResults: true })).body.error.code).toBe('confirmation_required');
    const started = await api(t, token, 'POST', `/api/ceremonies/${SEED}/rehearsals`, { realResults: true, confirm: true });
    expect(started.body).toMatchObject({ runId: 'rehearsal-1', realResults: true });
    const preview = await api(t, token, 'GET', `/api/ceremonies/${SEED}/state?run=rehearsal-1`);
    expect(preview.body.cues.find((c: { id: string }) => c.id === 'g2g/place-4').preview[0].recipient.name.fa).toBe('سازمان اداری و استخدامی کشور');
    expect((await api(t, null, 'POST', `/api/ceremonies/${SEED}/rehearsals`, {})).status).toBe(401);
  });

  it('keeps old rehearsals and lists them; a rehearsal survives a restart with the same stand-ins', async () => {
    const first = await server();
    const token = await login(first.url);
    await api(first, token, 'POST', `/api/ceremonies/${SEED}/rehearsals`, {});
    await runThrough(first, token, 'rehearsal-1');
    const again = await api(first, token, 'POST', `/api/ceremonies/${SEED}/rehearsals`, {});
    expect(again.body.runId).toBe('rehearsal-2');
    const before = await api(first, token, 'GET', `/api/ceremonies/${SEED}/state?run=rehearsal-1`);
    await first.stop();
    open.splice(open.indexOf(first), 1);

    const second = await server(first.dataDir);
    const runs = await api(second, token, 'GET', `/api/ceremonies/${SEED}/runs`);
    expect(runs.body.map((r: any) => [r.runId, r.kind, r.seq])).toEqual([
      ['live', 'live', 0],
      ['rehearsal-1', 'rehearsal', 11],
      ['rehearsal-2', 'rehearsal', 1],
    ]);
    const after = await api(second, token, 'GET', `/api/ceremonies/${SEED}/state?run=rehearsal-1`);
    expect(after.body.categories).toEqual(before.body.categories);
    expect((await api(second, token, 'GET', `/api/ceremonies/${SEED}/state?run=rehearsal-9`)).body.error.code).toBe('unknown_run');
  });

  it('replays: anyone may have the events of a finished live run; an unfinished one only an operator', async () => {
    const t = await server();
    const token = await login(t.url);
    expect((await api(t, null, 'GET', `/api/ceremonies/${SEED}/runs/live/events`)).status).toBe(401);
    await runThrough(t, token, 'live');
    const events = await api(t, null, 'GET', `/api/ceremonies/${SEED}/runs/live/events`);
    expect(events.status).toBe(200);
    expect(events.body.events).toHaveLength(10);
    expect(events.body.events[0]).not.toHaveProperty('actor');
  });
});
