import { afterEach, describe, expect, it, vi } from 'vitest';
import { toPublicEvent, type PublicEvent } from '../../shared/events';
import { Replay } from '../../shared/replay';
import type { CeremonyState } from '../../shared/state';
import { ReplayRoom } from '../../server/runs/replay-room';
import { newReplayId, ReplayRooms } from '../../server/runs/replay-rooms';
import { REPLAY_ID_PATTERN, SCREEN_RUN_ID_PATTERN } from '../../shared/runs';
import { buildCues } from '../../shared/cues';
import { freshState, Harness, seedCeremony } from '../helpers/ceremony-harness';
import { connected, login, postCommand, startTestServer, TestScreen, type TestServer } from '../helpers/server-harness';

afterEach(() => {
  vi.useRealTimers();
});

async function room() {
  const h = new Harness(seedCeremony()).goToEnd(); // 10 events, one second apart
  const replay = await Replay.build(freshState(seedCeremony()), h.log.map(toPublicEvent));
  const out = { events: [] as PublicEvent[], snapshots: [] as CeremonyState[] };
  const r = new ReplayRoom('replay-0123456789abcdef0123', 1, 'live', replay, { events: (e) => out.events.push(...e), snapshot: (s) => out.snapshots.push(s) }, () => Date.now());
  return { r, out };
}

describe('replay room timing (fake timers)', () => {
  it('plays with the original timing, at 2× twice as fast; pauses; steps cue by cue; scrubs back with a snapshot', async () => {
    const { r, out } = await room();
    vi.useFakeTimers({ now: 0 });
    r.apply({ action: 'play' });
    expect(out.events.map((e) => e.seq)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(out.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    r.apply({ action: 'speed', speed: 2 });
    await vi.advanceTimersByTimeAsync(1_000); // 2 s of the ceremony
    expect(out.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    r.apply({ action: 'pause' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.status()).toMatchObject({ index: 5, playing: false, speed: 2 });
    r.apply({ action: 'step', direction: 'next' });
    expect(r.status().index).toBe(6);
    expect(r.state.lastRevealCueId).toBe('g2g/place-3');
    r.apply({ action: 'seek', index: 2 });
    expect(out.snapshots.at(-1)!.seq).toBe(2);
    r.apply({ action: 'play' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r.status()).toMatchObject({ index: 10, playing: false });
    r.close();
  });
});

describe('replay rooms on real screens', () => {
  let t: TestServer | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('plays a recorded live run to a room of screens, which get ordinary snapshots and events', async () => {
    t = await startTestServer();
    const token = await login(t.url);
    for (const cue of buildCues(seedCeremony())) await postCommand(t.url, token, 'egov-award-1399', { type: 'go', expectedCue: cue.id });
    const opened = await fetch(`${t.url}/api/ceremonies/egov-award-1399/replays`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ runId: 'live' }) });
    expect(opened.status).toBe(201);
    const status = (await opened.json()) as { replayId: string; number: number; length: number; links: { stage: string } };
    expect(status).toMatchObject({ number: 1, length: 10 });
    expect(status.replayId).toMatch(REPLAY_ID_PATTERN);
    const link = new URL(status.links.stage);
    expect(link.searchParams.get('run')).toBe(status.replayId);
    const s = new TestScreen(t.url, 'egov-award-1399', 'stage', { runId: status.replayId, runKey: link.searchParams.get('key')!, screenKey: link.searchParams.get('k')! });
    try {
      await vi.waitFor(() => expect(s.state?.seq).toBe(0));
      const control = (body: object) => fetch(`${t!.url}/api/ceremonies/egov-award-1399/replays/${status.replayId}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      expect((await control({ action: 'seek', index: 6 })).status).toBe(200);
      await vi.waitFor(() => expect(s.state?.seq).toBe(6));
      expect(s.state!.results.g2g!.map((r) => r.slot)).toEqual([{ kind: 'place', place: 4 }, { kind: 'place', place: 3 }]);
      await control({ action: 'seek', index: 1 });
      await vi.waitFor(() => expect(s.state?.seq).toBe(1));
      expect(s.state!.results).toEqual({});
      expect((await control({ action: 'speed', speed: 3 })).status).toBe(400);
      expect((await fetch(`${t.url}/api/ceremonies/egov-award-1399/replays/${status.replayId}`)).status).toBe(401);
    } finally {
      s.close();
    }
  });
});

describe('[S26] replay room ids are unique for good', () => {
  let t: TestServer | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('[S26] two sets of rooms (two processes, or two starts) never hand out the same id, and every id fits the patterns', async () => {
    const h = new Harness(seedCeremony()).goToEnd();
    const source = { initial: freshState(seedCeremony()), eventsAfter: () => h.log } as unknown as Parameters<ReplayRooms['open']>[2];
    const silent = { snapshot: () => {}, events: () => {} };
    const a = new ReplayRooms(() => silent, Date.now);
    const b = new ReplayRooms(() => silent, Date.now);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await a.open('egov-award-1399', 'live', source)).replayId, (await b.open('egov-award-1399', 'live', source)).replayId);
    expect(new Set(ids).size).toBe(10);
    const many = Array.from({ length: 10_000 }, newReplayId);
    expect(new Set(many).size).toBe(many.length);
    for (const id of [...ids, ...many.slice(0, 100)]) {
      expect(id).toMatch(REPLAY_ID_PATTERN);
      expect(id).toMatch(SCREEN_RUN_ID_PATTERN);
    }
    expect(a.list('egov-award-1399').map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
    a.close();
    b.close();
  });

  it('[S26] after a restart, an old room link (with its key) is refused and opens nothing, even when a new room is open', async () => {
    t = await startTestServer();
    const dataDir = t.dataDir;
    let token = await login(t.url);
    for (const cue of buildCues(seedCeremony())) await postCommand(t.url, token, 'egov-award-1399', { type: 'go', expectedCue: cue.id });
    const open = async () => {
      const res = await fetch(`${t!.url}/api/ceremonies/egov-award-1399/replays`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ runId: 'live' }) });
      expect(res.status).toBe(201);
      return new URL(((await res.json()) as { links: { stage: string } }).links.stage);
    };
    const old = await open();
    await t.stop();
    t = await startTestServer({ dataDir });
    token = await login(t.url);
    const fresh = await open();
    expect(fresh.searchParams.get('run')).not.toBe(old.searchParams.get('run'));
    const s = new TestScreen(t.url, 'egov-award-1399', 'stage', { runId: old.searchParams.get('run')!, runKey: old.searchParams.get('key')!, screenKey: old.searchParams.get('k')! });
    try {
      await expect(connected(s.socket)).rejects.toThrow('unknown_run');
      expect(s.state).toBeNull();
    } finally {
      s.close();
    }
  });
});

describe('importing a recorded run', () => {
  let t: TestServer | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('keeps a run file as a read-only run to replay; a corrupt one is refused at its first problem and changes nothing', async () => {
    t = await startTestServer();
    const token = await login(t.url);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    for (const cue of buildCues(seedCeremony())) await postCommand(t.url, token, 'egov-award-1399', { type: 'go', expectedCue: cue.id });
    const file = (await (await fetch(`${t.url}/api/ceremonies/egov-award-1399/run.json`, { headers })).json()) as { events: { seq: number }[] };
    expect(file.events).toHaveLength(10);

    const gap = structuredClone(file);
    gap.events.splice(4, 1);
    const refused = await fetch(`${t.url}/api/ceremonies/egov-award-1399/runs`, { method: 'POST', headers, body: JSON.stringify(gap) });
    expect(refused.status).toBe(400);
    const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('invalid_run_file');
    expect(error.message).toContain('events[4].seq: expected seq 5, got 6: event 5 is missing');
    const runs = async () => ((await (await fetch(`${t!.url}/api/ceremonies/egov-award-1399/runs`, { headers })).json()) as { runId: string; imported: boolean }[]);
    expect((await runs()).map((r) => r.runId)).toEqual(['live']);

    const imported = await fetch(`${t.url}/api/ceremonies/egov-award-1399/runs`, { method: 'POST', headers, body: JSON.stringify(file) });
    expect(imported.status).toBe(201);
    expect(await imported.json()).toEqual({ runId: 'import-1', events: 10 });
    expect((await runs()).find((r) => r.runId === 'import-1')).toMatchObject({ imported: true, kind: 'live' });
    const change = await fetch(`${t.url}/api/ceremonies/egov-award-1399/commands?run=import-1`, { method: 'POST', headers, body: JSON.stringify({ type: 'announce', text: { en: 'no' } }) });
    expect(((await change.json()) as { error: { code: string } }).error.code).toBe('conflict');
    expect((await fetch(`${t.url}/api/ceremonies/egov-award-1399/runs/import-1/events`)).status).toBe(401);
    const room = await fetch(`${t.url}/api/ceremonies/egov-award-1399/replays`, { method: 'POST', headers, body: JSON.stringify({ runId: 'import-1' }) });
    expect(((await room.json()) as { length: number }).length).toBe(10);
  });
});
