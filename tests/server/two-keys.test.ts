import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CrewRole } from '../../shared/crew';
import { buildCues } from '../../shared/cues';
import type { CeremonyEvent } from '../../shared/events';
import { APPROVAL_TTL_MS, SEALED_CORRECTION_SUMMARY, type ApprovalBoard } from '../../shared/two-keys';
import { sampleCeremony, seedCeremony } from '../helpers/ceremony-harness';
import { freshSchema, sharedDataDir } from '../helpers/scale-out-harness';
import { connected, getState, login, postCommand, startTestServer, TestOperator, type TestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
const SAMPLE = 'sample-awards';
const ALL_ON = { correction: true, realRehearsal: true, retract: true, jump: true };

const servers: TestServer[] = [];
const consoles: TestOperator[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.stop();
});

async function server(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const t = await startTestServer(options);
  servers.push(t);
  return t;
}

/** A token of a person (each call: a new session). */
function person(t: TestServer, personId: string, name: string, role: CrewRole): string {
  return t.server.auth.issueToken(Date.now(), { personId, name, role }).token;
}

async function api(t: TestServer, token: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** GO until the first reveal is on (the seed's first cues are not reveals). */
async function goToFirstReveal(t: TestServer, token: string): Promise<void> {
  for (const cue of buildCues(seedCeremony())) {
    expect((await postCommand(t.url, token, SEED, { type: 'go', expectedCue: cue.id })).status).toBe(200);
    if (cue.kind === 'reveal') return;
  }
}

async function liveEvents(t: TestServer, token: string, ceremonyId = SEED): Promise<CeremonyEvent[]> {
  // The audit log of a console: events with their actors.
  const op = new TestOperator(t.url, ceremonyId, token);
  consoles.push(op);
  await vi.waitFor(() => expect(op.view).not.toBeNull());
  const view = op.view!;
  op.close();
  return view.recent;
}

/** A console that records every `approvals` board and every raw frame. */
async function openConsole(t: TestServer, token: string, ceremonyId = SEED) {
  const op = new TestOperator(t.url, ceremonyId, token);
  consoles.push(op);
  const boards: ApprovalBoard[] = [];
  const frames: string[] = [];
  op.socket.on('approvals', (board) => boards.push(board));
  op.socket.io.on('open', () => op.socket.io.engine.on('message', (data) => frames.push(String(data))));
  await connected(op.socket);
  await vi.waitFor(() => expect(op.view && boards.length > 0).toBeTruthy());
  return { op, boards, frames };
}

describe('[S30] two keys for what cannot be undone', () => {
  it('[S30] the policy is off by default, is read by the crew, and set by a producer only (recorded with who and when)', async () => {
    const t = await server();
    const producer = await login(t.url);
    const operator = person(t, 'p2', 'Bita', 'operator');
    const stage = person(t, 'p5', 'Sara', 'stage_manager');
    expect(await api(t, stage, 'GET', `/api/ceremonies/${SEED}/two-keys`)).toMatchObject({ status: 200, body: { correction: false, realRehearsal: false, retract: false, jump: false } });
    expect(await api(t, operator, 'PUT', `/api/ceremonies/${SEED}/two-keys`, ALL_ON)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await api(t, producer, 'PUT', `/api/ceremonies/${SEED}/two-keys`, { retract: 'yes' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_message' } } });
    const set = await api(t, producer, 'PUT', `/api/ceremonies/${SEED}/two-keys`, { retract: true });
    expect(set).toMatchObject({ status: 200, body: { retract: true, jump: false, updatedBy: 'producer' } });
    expect(typeof set.body.updatedAt).toBe('number');
    expect((await api(t, operator, 'GET', `/api/ceremonies/${SEED}/two-keys`)).body).toMatchObject({ retract: true, jump: false });
    expect((await api(t, producer, 'PUT', `/api/ceremonies/nope/two-keys`, ALL_ON)).status).toBe(404);
  });

  it('[S30] with the policy on, a direct retract (HTTP and socket) and a direct jump are refused second_key_required, changing nothing; GO works as before', async () => {
    const t = await server();
    const producer = await login(t.url);
    await api(t, producer, 'PUT', `/api/ceremonies/${SEED}/two-keys`, ALL_ON);
    const ali = person(t, 'p1', 'Ali', 'operator');
    // GO, hold, resume, announce: as without the policy.
    await goToFirstReveal(t, ali);
    expect((await postCommand(t.url, ali, SEED, { type: 'hold' })).status).toBe(200);
    expect((await postCommand(t.url, ali, SEED, { type: 'resume' })).status).toBe(200);
    expect((await postCommand(t.url, ali, SEED, { type: 'announce', text: { en: 'Hello' } })).status).toBe(200);
    const before = await getState(t.url, SEED, ali);

    const http = await postCommand(t.url, ali, SEED, { type: 'retract', confirm: true });
    expect(http).toMatchObject({ status: 403, body: { error: { code: 'second_key_required' } } });
    expect(http.body.error.message).toMatch(/second person/);
    expect((await postCommand(t.url, ali, SEED, { type: 'jump', cueId: 'closing', confirm: true })).body.error.code).toBe('second_key_required');
    const { op } = await openConsole(t, ali);
    expect(await op.command({ type: 'retract', confirm: true })).toMatchObject({ ok: false, error: { code: 'second_key_required' } });
    expect(await op.command({ type: 'jump', cueId: 'closing', confirm: true })).toMatchObject({ ok: false, error: { code: 'second_key_required' } });
    // Socket GO with the policy on.
    const next = (await getState(t.url, SEED, ali)).nextCue.id;
    expect(await op.command({ type: 'go', expectedCue: next })).toMatchObject({ ok: true });
    const after = await getState(t.url, SEED, ali);
    expect(after.seq).toBe(before.seq + 1);
    expect(after.corrections).toEqual(before.corrections);
  });

  it('[S30] GO, hold, resume and announce never read the policy: with its table gone, they work; a retract is refused, changing nothing', async () => {
    const t = await server();
    const ali = person(t, 'p1', 'Ali', 'operator');
    await goToFirstReveal(t, ali);
    // Another connection to the same file removes the policies: any read of them now fails.
    const db = new Database(path.join(t.dataDir, 'podium.db'));
    db.exec('DROP TABLE two_key_policies');
    db.close();
    const op = new TestOperator(t.url, SEED, ali);
    consoles.push(op);
    await vi.waitFor(() => expect(op.view).not.toBeNull());
    const next = (await getState(t.url, SEED, ali)).nextCue.id;
    expect(await op.command({ type: 'go', expectedCue: next })).toMatchObject({ ok: true });
    expect(await op.command({ type: 'hold' })).toMatchObject({ ok: true });
    expect(await op.command({ type: 'resume' })).toMatchObject({ ok: true });
    expect(await op.command({ type: 'announce', text: { en: 'Still here' } })).toMatchObject({ ok: true });
    expect((await postCommand(t.url, ali, SEED, { type: 'go', expectedCue: (await getState(t.url, SEED, ali)).nextCue.id })).status).toBe(200);
    const before = (await getState(t.url, SEED, ali)).seq;
    expect(await op.command({ type: 'retract', confirm: true })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect((await getState(t.url, SEED, ali)).seq).toBe(before);
  });

  it('[S30] asked by A, confirmed by B on another session: the retract happens once, with actor A and confirmedBy B; A (on any session), a stage manager and a presenter cannot confirm', async () => {
    const t = await server();
    const producer = await login(t.url);
    await api(t, producer, 'PUT', `/api/ceremonies/${SEED}/two-keys`, { retract: true });
    const ali = person(t, 'p1', 'Ali', 'operator');
    const aliAgain = person(t, 'p1', 'Ali', 'operator');
    const bita = person(t, 'p2', 'Bita', 'operator');
    await goToFirstReveal(t, ali);
    const revealed = (await getState(t.url, SEED, ali)).categories;
    const stage = person(t, 'p5', 'Sara', 'stage_manager');
    const presenter = person(t, 'p6', 'Reza', 'presenter');
    const officer = person(t, 'p3', 'Dara', 'results_officer');

    expect((await api(t, stage, 'POST', `/api/ceremonies/${SEED}/approvals`, { action: 'retract', command: { type: 'retract' } })).body.error.code).toBe('forbidden');
    const asked = await api(t, ali, 'POST', `/api/ceremonies/${SEED}/approvals`, { action: 'retract', command: { type: 'retract', reason: { en: 'Wrong envelope', fa: 'پاکت اشتباه' } } });
    expect(asked).toMatchObject({ status: 201, body: { action: 'retract', status: 'pending', runId: 'live', requestedBy: { personId: 'p1', name: 'Ali', role: 'operator' } } });
    expect(asked.body.requestedBy.sessionId).toBeUndefined();
    expect(asked.body.expiresAt - asked.body.requestedAt).toBe(APPROVAL_TTL_MS);
    expect(asked.body.summary.en).toMatch(/will be withdrawn from every screen\. Reason: Wrong envelope/);
    expect(asked.body.summary.fa).toMatch(/دلیل: پاکت اشتباه/);
    const id = asked.body.id as string;

    for (const [token, code] of [
      [ali, 'second_person_required'],
      [aliAgain, 'second_person_required'],
      [stage, 'forbidden'],
      [presenter, 'forbidden'],
      [officer, 'forbidden'],
    ] as const) {
      const refused = await api(t, token, 'POST', `/api/approvals/${id}/confirm`);
      expect(refused.body.error.code).toBe(code);
    }
    expect((await getState(t.url, SEED, ali)).categories).toEqual(revealed);

    const confirmed = await api(t, bita, 'POST', `/api/approvals/${id}/confirm`);
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'confirmed', decidedBy: { name: 'Bita' }, outcome: { ok: true } } });
    expect(await api(t, bita, 'POST', `/api/approvals/${id}/confirm`)).toMatchObject({ status: 409, body: { error: { code: 'approval_decided' }, approval: { status: 'confirmed' } } });
    expect((await api(t, ali, 'GET', `/api/approvals/${id}`)).body).toMatchObject({ status: 'confirmed', outcome: { ok: true } });

    const retractions = (await liveEvents(t, producer)).filter((e) => e.type === 'reveal_retracted');
    expect(retractions).toHaveLength(1);
    expect(retractions[0]).toMatchObject({ actor: 'Ali', actorRole: 'operator', confirmedBy: 'Bita', commandId: id });
    // The as-run log names both.
    const csv = await (await fetch(`${t.url}/api/ceremonies/${SEED}/as-run.csv`, { headers: { authorization: `Bearer ${producer}` } })).text();
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(header!.split(',').slice(-4)).toEqual(['actor', 'confirmed_by', 'actor_role', 'token']);
    expect(lines.find((l) => l.includes('reveal_retracted'))!.endsWith(',Ali,Bita,operator,')).toBe(true);
    // Screens never see who acted.
    const publicRetraction = (await api(t, null, 'GET', `/api/ceremonies/${SEED}/state`)).body.corrections;
    expect(publicRetraction).toHaveLength(1);
  });

  it('[S30] a request expires after its time: approval_expired, nothing changes', async () => {
    let clock = Date.now();
    const t = await server({ now: () => clock });
    const producer = await login(t.url);
    await api(t, producer, 'PUT', `/api/ceremonies/${SEED}/two-keys`, { jump: true });
    const ali = person(t, 'p1', 'Ali', 'operator');
    const bita = person(t, 'p2', 'Bita', 'operator');
    const asked = await api(t, ali, 'POST', `/api/ceremonies/${SEED}/approvals`, { action: 'jump', command: { type: 'jump', cueId: 'closing' } });
    expect(asked.status).toBe(201);
    expect(asked.body.summary.en).toMatch(/^The next cue changes from “.+” to “.+”/);
    clock += APPROVAL_TTL_MS + 1;
    expect(await api(t, bita, 'POST', `/api/approvals/${asked.body.id}/confirm`)).toMatchObject({ status: 410, body: { error: { code: 'approval_expired' }, approval: { status: 'expired' } } });
    expect((await getState(t.url, SEED, ali)).seq).toBe(0);
    // A refusal of an expired one is refused the same way.
    expect((await api(t, bita, 'POST', `/api/approvals/${asked.body.id}/refuse`)).body.error.code).toBe('approval_expired');
  });

  it('[S30] a confirmation executes only what the summary said: a jump whose next cue has changed meanwhile does nothing, and says so', async () => {
    const t = await server();
    const producer = await login(t.url);
    await api(t, producer, 'PUT', `/api/ceremonies/${SEED}/two-keys`, { jump: true });
    const [ali, bita] = [person(t, 'p1', 'Ali', 'operator'), person(t, 'p2', 'Bita', 'operator')];
    const asked = await api(t, ali, 'POST', `/api/ceremonies/${SEED}/approvals`, { action: 'jump', command: { type: 'jump', cueId: 'closing' } });
    expect((await postCommand(t.url, ali, SEED, { type: 'go', expectedCue: (await getState(t.url, SEED, ali)).nextCue.id })).status).toBe(200);
    const seq = (await getState(t.url, SEED, ali)).seq;
    const confirmed = await api(t, bita, 'POST', `/api/approvals/${asked.body.id}/confirm`);
    expect(confirmed).toMatchObject({ status: 409, body: { error: { code: 'cue_mismatch' }, approval: { status: 'confirmed', outcome: { ok: false, error: { code: 'cue_mismatch' } } } } });
    expect((await getState(t.url, SEED, ali)).seq).toBe(seq);
  });

  it('[S30] two confirmations at once execute once; a refused request executes nothing', async () => {
    const t = await server();
    const producer = await login(t.url);
    await api(t, producer, 'PUT', `/api/ceremonies/${SEED}/two-keys`, { jump: true });
    const ali = person(t, 'p1', 'Ali', 'operator');
    const [bita, cyrus] = [person(t, 'p2', 'Bita', 'operator'), person(t, 'p3', 'Cyrus', 'operator')];
    const refusedOne = await api(t, ali, 'POST', `/api/ceremonies/${SEED}/approvals`, { action: 'jump', command: { type: 'jump', cueId: 'closing' } });
    expect(await api(t, bita, 'POST', `/api/approvals/${refusedOne.body.id}/refuse`)).toMatchObject({ status: 200, body: { status: 'refused', decidedBy: { name: 'Bita' } } });
    expect((await api(t, cyrus, 'POST', `/api/approvals/${refusedOne.body.id}/confirm`)).body.error.code).toBe('approval_decided');
    expect((await getState(t.url, SEED, ali)).seq).toBe(0);

    const asked = await api(t, ali, 'POST', `/api/ceremonies/${SEED}/approvals`, { action: 'jump', command: { type: 'jump', cueId: 'closing' } });
    const answers = await Promise.all([bita, cyrus, bita, cyrus].map((token) => api(t, token, 'POST', `/api/approvals/${asked.body.id}/confirm`)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(['approval_decided', 'approval_decided', 'approval_decided']);
    const jumps = (await liveEvents(t, producer)).filter((e) => e.type === 'cue_jumped');
    expect(jumps).toHaveLength(1);
    expect(jumps[0]).toMatchObject({ actor: 'Ali', toCueId: 'closing' });
    expect(['Bita', 'Cyrus']).toContain(jumps[0]!.confirmedBy);
  });

  it('[S30] a correction request: its summary (before and after) reaches consoles that may see results, never a stage manager’s; confirmed, it corrects', async () => {
    const t = await server();
    const producer = await login(t.url);
    await api(t, producer, 'PUT', `/api/ceremonies/${SAMPLE}/two-keys`, { correction: true });
    const ali = person(t, 'p1', 'Ali', 'operator');
    // The run begins (its opening), no result revealed yet.
    expect((await postCommand(t.url, ali, SAMPLE, { type: 'go', expectedCue: (await getState(t.url, SAMPLE, ali)).nextCue.id })).status).toBe(200);
    const officer = person(t, 'p3', 'Dara', 'results_officer');
    const officer2 = person(t, 'p4', 'Elham', 'results_officer');
    const stageManager = person(t, 'p5', 'Sara', 'stage_manager');
    const operatorConsole = await openConsole(t, ali, SAMPLE);
    const stageConsole = await openConsole(t, stageManager, SAMPLE);

    // Swap 1st and 2nd place of the last category.
    const definition = sampleCeremony();
    const category = definition.categories.at(-1)!;
    if (category.kind !== 'ranked') throw new Error('expected a ranked category');
    const [first, second] = [category.results.find((r) => r.place === 1)!, category.results.find((r) => r.place === 2)!];
    category.results = category.results.map((r) => (r === first ? { ...r, place: 2 } : r === second ? { ...r, place: 1 } : r));
    const firstName = first.recipient.name.en!;

    const direct = await fetch(`${t.url}/api/ceremonies/${SAMPLE}?correction=true&confirm=true`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` }, body: JSON.stringify(definition) });
    expect(direct.status).toBe(403);
    expect(((await direct.json()) as any).error.code).toBe('second_key_required');
    expect((await api(t, ali, 'POST', `/api/ceremonies/${SAMPLE}/approvals`, { action: 'correction', definition })).body.error.code).toBe('forbidden');

    const asked = await api(t, officer, 'POST', `/api/ceremonies/${SAMPLE}/approvals`, { action: 'correction', definition });
    expect(asked.body).toMatchObject({ action: 'correction' });
    expect(asked.body.summary.en).toContain(firstName);
    expect(asked.body.summary.en).toMatch(/before → after/);

    await vi.waitFor(() => expect(operatorConsole.boards.at(-1)!.requests.map((r) => r.id)).toContain(asked.body.id));
    expect(operatorConsole.boards.at(-1)!.requests.find((r) => r.id === asked.body.id)!.summary.en).toContain(firstName);
    await vi.waitFor(() => expect(stageConsole.boards.at(-1)!.requests.map((r) => r.id)).toContain(asked.body.id));
    expect(stageConsole.boards.at(-1)!.requests.find((r) => r.id === asked.body.id)).toMatchObject({ sealed: true, summary: SEALED_CORRECTION_SUMMARY });
    expect(stageConsole.frames.join('\n')).not.toContain(JSON.stringify(firstName).slice(1, -1));
    // Nor by HTTP.
    expect(JSON.stringify((await api(t, stageManager, 'GET', `/api/ceremonies/${SAMPLE}/approvals`)).body)).not.toContain(firstName);
    expect(JSON.stringify((await api(t, stageManager, 'GET', `/api/approvals/${asked.body.id}`)).body)).not.toContain(firstName);

    const confirmed = await api(t, officer2, 'POST', `/api/approvals/${asked.body.id}/confirm`);
    expect(confirmed).toMatchObject({ status: 200, body: { outcome: { ok: true, version: 2 } } });
    const published = (await liveEvents(t, producer, SAMPLE)).find((e) => e.type === 'definition_published')!;
    expect(published).toMatchObject({ actor: 'Dara', confirmedBy: 'Elham', correction: { categoryIds: [category.id] } });
    expect(stageConsole.frames.join('\n')).not.toContain(JSON.stringify(firstName).slice(1, -1));
  });

  it('[S30] a real-results rehearsal needs a second person too: asked, confirmed, it starts with both names', async () => {
    const t = await server();
    const producer = await login(t.url);
    await api(t, producer, 'PUT', `/api/ceremonies/${SEED}/two-keys`, { realRehearsal: true });
    const [dara, elham] = [person(t, 'p3', 'Dara', 'results_officer'), person(t, 'p4', 'Elham', 'results_officer')];
    expect((await api(t, dara, 'POST', `/api/ceremonies/${SEED}/rehearsals`, { realResults: true, confirm: true })).body.error.code).toBe('second_key_required');
    // Stand-ins need nobody else.
    expect((await api(t, dara, 'POST', `/api/ceremonies/${SEED}/rehearsals`, {})).status).toBe(201);
    const asked = await api(t, dara, 'POST', `/api/ceremonies/${SEED}/approvals`, { action: 'real_rehearsal' });
    expect(asked.body.summary.en).toMatch(/every rehearsal screen will show the real winners/);
    const confirmed = await api(t, elham, 'POST', `/api/approvals/${asked.body.id}/confirm`);
    expect(confirmed).toMatchObject({ status: 200, body: { outcome: { ok: true, runId: 'rehearsal-2' } } });
    const runs = (await api(t, dara, 'GET', `/api/ceremonies/${SEED}/runs`)).body;
    expect(runs.find((r: any) => r.runId === 'rehearsal-2')).toMatchObject({ realResults: true });
  });

  it('[S30] two processes on one PostgreSQL: a request made on one shows on the other’s consoles and is confirmed there, once', async () => {
    const schema = await freshSchema();
    try {
      const dataDir = sharedDataDir();
      const a = await server({ dataDir, env: { DATABASE_URL: schema.url } });
      const b = await server({ dataDir, env: { DATABASE_URL: schema.url } });
      const producer = await login(a.url);
      await api(a, producer, 'PUT', `/api/ceremonies/${SEED}/two-keys`, { retract: true });
      const ali = person(a, 'p1', 'Ali', 'operator');
      const bita = person(a, 'p2', 'Bita', 'operator');
      await goToFirstReveal(a, ali);
      // The policy set on A holds on B.
      expect((await postCommand(b.url, bita, SEED, { type: 'retract', confirm: true })).body.error.code).toBe('second_key_required');
      const onB = await openConsole(b, bita);

      const asked = await api(a, ali, 'POST', `/api/ceremonies/${SEED}/approvals`, { action: 'retract', command: { type: 'retract' } });
      expect(asked.status).toBe(201);
      await vi.waitFor(() => expect(onB.boards.at(-1)!.requests.find((r) => r.id === asked.body.id)?.status).toBe('pending'), { timeout: 5000 });
      expect(onB.boards.at(-1)!.policy.retract).toBe(true);

      const confirmed = await api(b, bita, 'POST', `/api/approvals/${asked.body.id}/confirm`);
      expect(confirmed).toMatchObject({ status: 200, body: { outcome: { ok: true } } });
      expect((await api(a, bita, 'POST', `/api/approvals/${asked.body.id}/confirm`)).body.error.code).toBe('approval_decided');
      await vi.waitFor(async () => expect((await getState(a.url, SEED, ali)).corrections).toHaveLength(1), { timeout: 5000 });
      const retractions = (await liveEvents(a, producer)).filter((e) => e.type === 'reveal_retracted');
      expect(retractions).toHaveLength(1);
      expect(retractions[0]).toMatchObject({ actor: 'Ali', confirmedBy: 'Bita' });
      await vi.waitFor(() => expect(onB.boards.at(-1)!.requests.find((r) => r.id === asked.body.id)?.status).toBe('confirmed'));
    } finally {
      for (const s of servers.splice(0)) await s.stop();
      await schema.drop();
    }
  }, 30_000);
});
