import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { buildCues } from '../../shared/cues';
import { sealRoot, verifyAll, verifyReveal, type PublicSeal } from '../../shared/seal';
import { sampleCeremony } from '../helpers/ceremony-harness';
import { freshSchema } from '../helpers/scale-out-harness';
import { getState, login, startTestServer, TestScreen, type TestServer } from '../helpers/server-harness';

const SAMPLE = 'sample-awards';
const open: { stop(): Promise<void> }[] = [];
const sockets: { close(): void }[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const s of open.splice(0)) await s.stop();
});

async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const t = await startTestServer({ env });
  open.push(t);
  return t;
}

async function api(t: TestServer, token: string | null, method: string, route: string, body?: unknown) {
  const res = await fetch(`${t.url}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

const seal = (t: TestServer, token: string | null) => api(t, token, 'POST', `/api/ceremonies/${SAMPLE}/seal`);
const published = async (t: TestServer) => (await api(t, null, 'GET', `/api/ceremonies/${SAMPLE}/seal`)).body;
const go = (t: TestServer, token: string, cueId: string, run = '') => api(t, token, 'POST', `/api/ceremonies/${SAMPLE}/commands${run}`, { type: 'go', expectedCue: cueId });

/** The salts the server keeps (read from its SQLite file: they are in no public answer). */
function storedSalts(t: TestServer, sealNo = 1): Record<string, string> {
  const db = new Database(path.join(t.dataDir, 'podium.db'), { readonly: true });
  try {
    const row = db.prepare<[string, number], { body: string }>('SELECT body FROM seals WHERE ceremony_id = ? AND seal_no = ?').get(SAMPLE, sealNo)!;
    return (JSON.parse(row.body) as { salts: Record<string, string> }).salts;
  } finally {
    db.close();
  }
}

function personToken(t: TestServer, role: 'operator' | 'stage_manager' | 'results_officer' | 'presenter'): string {
  return t.server.auth.issueToken(Date.now(), { personId: `p-${role}`, name: `Person ${role}`, role }).token;
}

function withYoungDesignerWinner(winner: string): CeremonyDefinition {
  const definition = sampleCeremony();
  const category = definition.categories.find((c) => c.id === 'young-designer')!;
  if (category.kind !== 'nominees') throw new Error('young-designer is a nominees category');
  category.winners = [winner];
  return definition;
}

const cueIds = buildCues(sampleCeremony()).map((c) => c.id);
const revealCueIds = buildCues(sampleCeremony())
  .filter((c) => c.kind === 'reveal')
  .map((c) => c.id);

describe('the seal anyone can check', () => {
  it('[S31] a results officer seals before the show; every reveal of the live run carries its salt and matches; no salt is public before its reveal', async () => {
    const t = await server();
    const officer = personToken(t, 'results_officer');
    expect(await published(t)).toEqual({ ceremonyId: SAMPLE, sealed: false });
    const screen = new TestScreen(t.url, SAMPLE);
    sockets.push(screen);
    await vi.waitFor(() => expect(screen.state).not.toBeNull());

    const made = await seal(t, officer);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ ok: true, sealNo: 1, version: 1, sealedBy: 'Person results_officer' });
    const salts = storedSalts(t);
    expect(Object.keys(salts).sort()).toEqual([...revealCueIds].sort());
    await vi.waitFor(() => expect(screen.state!.seal?.root).toBe(made.body.root));

    const before = await api(t, null, 'GET', `/api/ceremonies/${SAMPLE}/seal`);
    expect(before.headers.get('cache-control')).toBe('no-store');
    expect(before.body).toMatchObject({ sealed: true, sealNo: 1, version: 1, root: made.body.root, sealedBy: 'Person results_officer', revealed: [], corrections: [], changedSinceSeal: false });
    expect(before.body.commitments.map((c: { cueId: string }) => c.cueId)).toEqual(revealCueIds);
    expect(before.body.commitments[0]).toMatchObject({ categoryId: 'best-app', label: expect.any(Object), commitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(sealRoot(SAMPLE, 1, before.body.commitments)).toBe(made.body.root);

    const token = await login(t.url);
    const revealed = new Set<string>();
    const checkSecrecy = async () => {
      const unrevealed = Object.entries(salts).filter(([cueId]) => !revealed.has(cueId)).map(([, salt]) => salt);
      const publicText = [
        ...screen.frames,
        JSON.stringify(await getState(t.url, SAMPLE)),
        JSON.stringify(await getState(t.url, SAMPLE, token)),
        JSON.stringify(await published(t)),
        ...t.logs,
      ].join('\n');
      for (const salt of unrevealed) expect(publicText).not.toContain(salt);
      return publicText;
    };
    await checkSecrecy();

    for (const cueId of cueIds) {
      const res = await go(t, token, cueId);
      expect(res.status).toBe(200);
      const event = res.body.events[0];
      if (event.type === 'result_revealed') {
        expect(event.salt).toBe(salts[cueId]);
        const commitment = before.body.commitments.find((c: { cueId: string }) => c.cueId === cueId).commitment;
        expect(verifyReveal(SAMPLE, event, commitment)).toBe(true);
        revealed.add(cueId);
      }
      await vi.waitFor(() => expect(screen.state!.seq).toBe(res.body.seq));
      const text = await checkSecrecy();
      // The same search finds a salt once it is revealed: the check can fail.
      for (const id of revealed) expect(text).toContain(salts[id]);
    }

    const after = await published(t);
    const verdict = verifyAll(after as PublicSeal, after.revealed, []);
    expect(verdict.rootMatches).toBe(true);
    expect(verdict.cues.map((c) => c.verdict)).toEqual(revealCueIds.map(() => 'match'));
    // Too late to seal again once the run has begun.
    const late = await seal(t, officer);
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(late.body.error.message).toContain('has begun');
  });

  it('[S31] only results.seal may seal: an operator, a stage manager and a presenter get 403, no session 401', async () => {
    const t = await server();
    expect((await seal(t, null)).status).toBe(401);
    for (const role of ['operator', 'stage_manager', 'presenter'] as const) {
      expect(await seal(t, personToken(t, role))).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    }
    expect((await published(t)).sealed).toBe(false);
    expect((await seal(t, await login(t.url))).status).toBe(201); // the producer may
  });

  it('[S31] a retract shows as retracted; the re-reveal carries the salt again and matches', async () => {
    const t = await server();
    const token = await login(t.url);
    expect((await seal(t, token)).status).toBe(201);
    const salts = storedSalts(t);
    for (const cueId of cueIds.slice(0, cueIds.indexOf('best-app/place-1') + 1)) expect((await go(t, token, cueId)).status).toBe(200);
    const retract = await api(t, token, 'POST', `/api/ceremonies/${SAMPLE}/commands`, { type: 'retract', cueId: 'best-app/place-1', confirm: true });
    expect(retract.status).toBe(200);
    expect(retract.body.events[0]).not.toHaveProperty('salt');
    let now = await published(t);
    expect(verifyAll(now, now.revealed).cues.find((c) => c.cueId === 'best-app/place-1')!.verdict).toBe('retracted');
    const again = await go(t, token, 'best-app/place-1');
    expect(again.body.events[0]).toMatchObject({ type: 'result_revealed', salt: salts['best-app/place-1'] });
    now = await published(t);
    expect(now.revealed.filter((r: { cueId: string }) => r.cueId === 'best-app/place-1').map((r: { retracted: boolean }) => r.retracted)).toEqual([true, false]);
    const verdicts = verifyAll(now, now.revealed).cues;
    expect(verdicts.filter((c) => c.verdict === 'match').map((c) => c.cueId)).toEqual(revealCueIds.filter((id) => id.startsWith('best-app/')));
    expect(verdicts.find((c) => c.cueId === 'open-data/winner')!.verdict).toBe('not_revealed');
  });

  it('[S31] results changed after the seal: "seal again" before the show; a correction after the start is corrected_after_seal, never re-sealed', async () => {
    const t = await server();
    const token = await login(t.url);
    const put = (definition: CeremonyDefinition, query = '') => api(t, token, 'PUT', `/api/ceremonies/${SAMPLE}${query}`, definition);
    expect((await seal(t, token)).status).toBe(201);
    expect((await put(withYoungDesignerWinner('lena'))).status).toBe(200);
    expect(await published(t)).toMatchObject({ sealNo: 1, version: 1, changedSinceSeal: true, corrections: [{ categoryId: 'young-designer', cueIds: ['young-designer/winner'] }] });
    const second = await seal(t, token);
    expect(second.body).toMatchObject({ sealNo: 2, version: 2 });
    expect(await published(t)).toMatchObject({ sealNo: 2, version: 2, changedSinceSeal: false, corrections: [] });

    for (const cueId of cueIds.slice(0, cueIds.indexOf('young-designer/winner') + 1)) expect((await go(t, token, cueId)).status).toBe(200);
    expect((await api(t, token, 'POST', `/api/ceremonies/${SAMPLE}/commands`, { type: 'retract', cueId: 'young-designer/winner', confirm: true })).status).toBe(200);
    expect((await put(withYoungDesignerWinner('omid'), '?correction=true&confirm=true')).status).toBe(200);
    const reRevealed = await go(t, token, 'young-designer/winner');
    expect(reRevealed.body.events[0].salt).toBe(storedSalts(t, 2)['young-designer/winner']);
    const now = await published(t);
    expect(now).toMatchObject({ sealNo: 2, changedSinceSeal: true, corrections: [{ categoryId: 'young-designer' }] });
    const verdicts = verifyAll(now, now.revealed, now.corrections.map((c: { categoryId: string }) => c.categoryId));
    expect(verdicts.rootMatches).toBe(true);
    expect(verdicts.cues.find((c) => c.cueId === 'young-designer/winner')!.verdict).toBe('corrected_after_seal');
    expect(verdicts.cues.find((c) => c.cueId === 'open-data/winner')!.verdict).toBe('match');
    // Without the corrections list the same reveal is a plain mismatch: the check can fail.
    expect(verifyAll(now, now.revealed).cues.find((c) => c.cueId === 'young-designer/winner')!.verdict).toBe('mismatch');
  });

  it('[S31] a rehearsal, even on the real results, never carries a salt', async () => {
    const t = await server();
    const token = await login(t.url);
    expect((await seal(t, token)).status).toBe(201);
    const salts = Object.values(storedSalts(t));
    const started = await api(t, token, 'POST', `/api/ceremonies/${SAMPLE}/rehearsals`, { realResults: true, confirm: true });
    expect(started.status).toBe(201);
    const runId = started.body.runId as string;
    const events: unknown[] = [];
    for (const cueId of cueIds) {
      const res = await go(t, token, cueId, `?run=${runId}`);
      expect(res.status).toBe(200);
      events.push(...res.body.events);
    }
    expect(events.some((e) => (e as { type: string }).type === 'result_revealed')).toBe(true);
    for (const e of events) expect(e).not.toHaveProperty('salt');
    const all = JSON.stringify((await api(t, token, 'GET', `/api/ceremonies/${SAMPLE}/runs/${runId}/events`)).body);
    for (const salt of salts) expect(all).not.toContain(salt);
  });

  it('[S31] two processes on one PostgreSQL: a seal made on one, a GO on the other carries its salt', async () => {
    const schema = await freshSchema();
    try {
      const a = await server({ DATABASE_URL: schema.url });
      const b = await server({ DATABASE_URL: schema.url });
      const tokenA = await login(a.url);
      const tokenB = await login(b.url);
      const made = await seal(a, tokenA);
      expect(made.status).toBe(201);
      await vi.waitFor(async () => expect((await published(b)).root).toBe(made.body.root), { timeout: 10_000 });
      let reveal: any = null;
      for (const cueId of cueIds) {
        const res = await go(b, tokenB, cueId);
        expect(res.status).toBe(200);
        if (res.body.events[0].type === 'result_revealed') {
          reveal = res.body.events[0];
          break;
        }
      }
      const seen = await published(b);
      const commitment = seen.commitments.find((c: { cueId: string }) => c.cueId === reveal.cueId).commitment;
      expect(reveal.salt).toMatch(/^[\w-]{43}$/);
      expect(verifyReveal(SAMPLE, reveal, commitment)).toBe(true);
      // A second seal on A once B has started the run is refused.
      await vi.waitFor(async () => expect((await getState(a.url, SAMPLE)).startedAt).not.toBeNull(), { timeout: 10_000 });
      expect((await seal(a, tokenA)).status).toBe(409);
    } finally {
      for (const s of open.splice(0)) await s.stop();
      await schema.drop();
    }
  });
});
