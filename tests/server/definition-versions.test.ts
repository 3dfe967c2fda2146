import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Ceremonies } from '../../server/live/ceremonies';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { foldEvents, initialState, nextCue } from '../../shared/state';
import { getState, login, startTestServer, TestOperator, TestScreen, type TestServer } from '../helpers/server-harness';
import { sampleCeremony } from '../helpers/ceremony-harness';

// The fictional sample ceremony: its results may be changed at will (never the real seed's).
const SAMPLE = 'sample-awards';

const open: { stop(): Promise<void> }[] = [];
const sockets: { close(): void }[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const s of open.splice(0)) await s.stop();
});

async function server(): Promise<TestServer> {
  const t = await startTestServer();
  open.push(t);
  return t;
}

/** The sample with the young designer's winner changed: a results correction. */
function withYoungDesignerWinner(winner: string, base: CeremonyDefinition = sampleCeremony()): CeremonyDefinition {
  const definition = structuredClone(base);
  const category = definition.categories.find((c) => c.id === 'young-designer')!;
  if (category.kind !== 'nominees') throw new Error('young-designer is a nominees category');
  category.winners = [winner];
  return definition;
}

async function put(t: TestServer, token: string, definition: CeremonyDefinition, query = '') {
  const res = await fetch(`${t.url}/api/ceremonies/${SAMPLE}${query}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(definition),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** GO until the next cue is `cueId` (each GO aimed at the console's version). */
async function goUntil(op: TestOperator, cueId: string) {
  for (;;) {
    const state = op.view!.state;
    const next = nextCue(state)!;
    if (next.id === cueId) return;
    const result = await op.command({ type: 'go', expectedCue: next.id, version: state.version });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    await vi.waitFor(() => expect(op.view!.state.seq).toBeGreaterThanOrEqual(result.ok ? result.seq : 0));
  }
}

const previewNames = (op: TestOperator, cueId: string) => (op.view!.previews[cueId] ?? []).map((e) => e.recipient.name.en);

describe('definition versions', () => {
  it('[S17] an import before the show moves the open console, its preview and every screen to the new version at once; a GO aimed at the old one is refused', async () => {
    const t = await server();
    const token = await login(t.url);
    const op = new TestOperator(t.url, SAMPLE, token);
    const audience = new TestScreen(t.url, SAMPLE);
    sockets.push(op, audience);
    await vi.waitFor(() => expect(op.view && audience.state).toBeTruthy());
    expect(op.view!.state.version).toBe(1);
    expect(previewNames(op, 'young-designer/winner')).toEqual(['Sara Sample', 'Kian Sample']);

    const imported = await put(t, token, withYoungDesignerWinner('lena'));
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ outcome: 'replaced', version: 2 });
    expect(imported.body.hash).toMatch(/^sha256:[0-9a-f]{64}$/);

    // The console that was open across the import gets the new previews without a reload.
    await vi.waitFor(() => expect(previewNames(op, 'young-designer/winner')).toEqual(['Lena Sample']));
    expect(op.view!.state.version).toBe(2);
    expect(op.view!.definitionHash).toBe(imported.body.hash);
    await vi.waitFor(() => expect(audience.state!.version).toBe(2));
    expect(await getState(t.url, SAMPLE)).toMatchObject({ seq: 1, version: 2 });
    expect(await getState(t.url, SAMPLE, token)).toMatchObject({ version: 2, definitionHash: imported.body.hash });

    // A GO aimed at the replaced version (a console that had not seen the import) does nothing.
    const first = nextCue(op.view!.state)!;
    const stale = await op.command({ type: 'go', expectedCue: first.id, version: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'definition_changed' } });
    expect(op.view!.state.seq).toBe(1);

    await goUntil(op, 'young-designer/winner');
    const reveal = await op.command({ type: 'go', expectedCue: 'young-designer/winner', version: 2 });
    expect(reveal.ok).toBe(true);
    if (reveal.ok) expect(reveal.events[0]).toMatchObject({ type: 'result_revealed', entries: [{ recipient: { name: { en: 'Lena Sample' } } }] });
    await vi.waitFor(() => expect(audience.state!.results['young-designer']?.[0]?.entries.map((e) => e.recipient.name.en)).toEqual(['Lena Sample']));

    // A late joiner gets the new version too.
    const late = new TestScreen(t.url, SAMPLE);
    sockets.push(late);
    await vi.waitFor(() => expect(late.state?.version).toBe(2));

    // [S15] A replay starts where the run started (version 1) and reaches the same state.
    const recorded = (await (await fetch(`${t.url}/api/ceremonies/${SAMPLE}/runs/live/events`, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
    expect(recorded.version).toBe(1);
    const replayed = foldEvents(initialState(recorded.ceremony, recorded.cues, recorded.version), recorded.events);
    expect(replayed).toEqual(late.state);
  });

  it('[S17] once the run has begun, only a confirmed correction of unrevealed categories is taken, and the console is told', async () => {
    const t = await server();
    const token = await login(t.url);
    const op = new TestOperator(t.url, SAMPLE, token);
    sockets.push(op);
    await vi.waitFor(() => expect(op.view).toBeTruthy());
    await goUntil(op, 'host-speech'); // the opening has started: the run has begun
    expect(op.view!.state.startedAt).not.toBeNull();

    const plain = await put(t, token, withYoungDesignerWinner('omid'));
    expect(plain).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    const unconfirmed = await put(t, token, withYoungDesignerWinner('omid'), '?correction=true');
    expect(unconfirmed).toMatchObject({ status: 400, body: { error: { code: 'confirmation_required' } } });
    const retitled = withYoungDesignerWinner('omid');
    retitled.title = { fa: 'عنوان دیگر', en: 'Another title' };
    expect(await put(t, token, retitled, '?correction=true&confirm=true')).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(op.view!.state.version).toBe(1);

    const corrected = await put(t, token, withYoungDesignerWinner('omid'), '?correction=true&confirm=true');
    expect(corrected).toMatchObject({ status: 200, body: { outcome: 'corrected', version: 2, corrected: ['young-designer'] } });
    await vi.waitFor(() => expect(previewNames(op, 'young-designer/winner')).toEqual(['Omid Sample']));
    const announced = op.events.find((e) => e.type === 'definition_published');
    expect(announced).toMatchObject({ type: 'definition_published', version: 2, actor: 'producer', correction: { categoryIds: ['young-designer'] } });
    const asRun = await (await fetch(`${t.url}/api/ceremonies/${SAMPLE}/as-run.csv`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(asRun.split('\r\n').find((line) => line.includes('definition_published'))).toMatch(/young-designer.*definition version 2 \(results correction\).*producer/);

    // A revealed category is not corrected: that is what retract is for.
    await goUntil(op, 'young-designer/winner');
    const reveal = await op.command({ type: 'go', expectedCue: 'young-designer/winner', version: 2 });
    expect(reveal.ok).toBe(true);
    const again = await put(t, token, withYoungDesignerWinner('lena'), '?correction=true&confirm=true');
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'already_revealed' } } });
    await vi.waitFor(() => expect(op.view!.state.seq).toBe(reveal.ok ? reveal.seq : -1));
    expect(op.view!.state.version).toBe(2);
  });

  it('[S3][S17] a screen never sees a correction\'s detail: the public event holds the public part only', async () => {
    const t = await server();
    const token = await login(t.url);
    const audience = new TestScreen(t.url, SAMPLE);
    sockets.push(audience);
    await vi.waitFor(() => expect(audience.state).toBeTruthy());
    expect((await put(t, token, withYoungDesignerWinner('kian'))).status).toBe(200);
    await vi.waitFor(() => expect(audience.state!.version).toBe(2));
    const frames = audience.frames.join('\n');
    expect(frames).toContain('definition_published');
    expect(frames).not.toContain('sha256:');
    expect(frames).not.toContain('winners');
  });
});

describe('two processes on one log', () => {
  const dirs: string[] = [];
  const storages: SqliteStorage[] = [];
  afterEach(() => {
    for (const s of storages.splice(0)) s.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  /** Two "processes": each its own SQLite connection to one file, its own Ceremonies and runs. */
  async function twoProcesses() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-versions-'));
    dirs.push(dir);
    const open = async () => {
      const storage = new SqliteStorage(path.join(dir, 'podium.db'));
      storages.push(storage);
      const ceremonies = new Ceremonies(storage.ceremonies, storage.events, { revealLeadMs: 0 });
      await ceremonies.seed([sampleCeremony()]);
      return ceremonies;
    };
    return [await open(), await open()] as const;
  }
  const context = (id: string) => ({ actor: 'operator', now: 1_000, fallbackCommandId: id });

  it('[S17] a version published by one process is what the other decides on: its GO aimed at the old one is refused, then it reveals the new result', async () => {
    const [a, b] = await twoProcesses();
    const runB = (await b.live(SAMPLE))!;
    expect(runB.current.version).toBe(1);
    const published = await a.replace(withYoungDesignerWinner('omid'), { correction: false, confirm: false }, context('import-1'));
    expect(published).toMatchObject({ ok: true, version: 2 });

    // B has not read the log since: its GO on version 1 meets the new event in the log.
    const first = nextCue(runB.current)!;
    const refused = await runB.handle({ type: 'go', expectedCue: first.id, version: 1 }, context('go-1'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'definition_changed' } });
    expect(runB.current.version).toBe(2);
    expect(runB.definition.categories.find((c) => c.id === 'young-designer')).toMatchObject({ winners: ['omid'] });
  });

  it('[S2] the same command id sent to two processes is applied once, and the repeat gets the first result', async () => {
    const [a, b] = await twoProcesses();
    const runA = (await a.live(SAMPLE))!;
    const runB = (await b.live(SAMPLE))!;
    const first = nextCue(runA.current)!;
    const go = { type: 'go', expectedCue: first.id, commandId: 'same-press' };
    const onA = await runA.handle(go, context('x'));
    // B is behind (seq 0): the repeat must not be decided again on B's state.
    const onB = await runB.handle(go, context('y'));
    expect(onA.ok && onB.ok).toBe(true);
    expect(onB).toEqual(onA);
    expect(runB.current.seq).toBe(1);

    // After a restart too: a third "process" opened on the same file.
    const storage = new SqliteStorage(path.join(dirs[0]!, 'podium.db'));
    storages.push(storage);
    const reopened = new Ceremonies(storage.ceremonies, storage.events, { revealLeadMs: 0 });
    const runC = (await reopened.live(SAMPLE))!;
    expect(await runC.handle(go, context('z'))).toEqual(onA);
    expect(runC.current.seq).toBe(1);
  });
});
