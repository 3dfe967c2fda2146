import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CrewRole } from '../../shared/crew';
import { nextCue } from '../../shared/state';
import { getState, login, startTestServer, TestOperator, TestScreen, type TestServer } from '../helpers/server-harness';

/**
 * S34: a recipient who is not there, set live from the console before the reveal, on a real server
 * with real sockets: the console's preview has it at once, no public frame has it before the reveal.
 */

// The fictional sample ceremony: its results may be changed at will (never the real seed's).
const SAMPLE = 'sample-awards';
const WINNER_CUE = 'young-designer/winner';
/** Who accepts: a name found nowhere else, so a frame that holds it holds the attendance. */
const ACCEPTED_BY = { fa: 'نمایندهٔ خیالی زتا', en: 'Zeta Proxy Person' };
const ON_BEHALF = { status: 'on_behalf', acceptedBy: ACCEPTED_BY } as const;

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

const tokenFor = (t: TestServer, role: CrewRole) => t.server.auth.issueToken(Date.now(), { personId: `person-${role}`, name: `Person ${role}`, role }).token;

async function setAttendance(t: TestServer, token: string, body: unknown) {
  const res = await fetch(`${t.url}/api/ceremonies/${SAMPLE}/attendance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
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

/** GO once: the next cue. */
async function go(op: TestOperator) {
  const state = op.view!.state;
  const result = await op.command({ type: 'go', expectedCue: nextCue(state)!.id, version: state.version });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  await vi.waitFor(() => expect(op.view!.state.seq).toBeGreaterThanOrEqual(result.ok ? result.seq : 0));
}

describe('[S34] winners who are not there, set live', () => {
  it('[S34] accepted on behalf, once the run has begun: the console has it at once, no public frame before the reveal, every screen with the reveal', async () => {
    const t = await server();
    const token = await login(t.url);
    const op = new TestOperator(t.url, SAMPLE, token);
    const audience = new TestScreen(t.url, SAMPLE);
    const stage = new TestScreen(t.url, SAMPLE, 'stage', { screenKey: t.server.auth.screenKey(SAMPLE, 'stage') });
    sockets.push(op, audience, stage);
    await vi.waitFor(() => expect(op.view && audience.state && stage.state).toBeTruthy());
    await goUntil(op, 'open-data/intro');
    expect(op.view!.state.startedAt).not.toBeNull();
    const version = op.view!.state.version;
    expect(op.view!.previews[WINNER_CUE]!.map((e) => e.recipient.name.en)).toEqual(['Sara Sample', 'Kian Sample']);

    const set = await setAttendance(t, token, { cueId: WINNER_CUE, recipientIndex: 1, attendance: ON_BEHALF, version });
    expect(set).toEqual({ status: 200, body: { ok: true, outcome: 'attendance', version: version + 1, cueId: WINNER_CUE } });

    // The console's preview has it, without a reload; only that entry changed.
    await vi.waitFor(() => expect(op.view!.previews[WINNER_CUE]![1]!.attendance).toEqual(ON_BEHALF));
    expect(op.view!.previews[WINNER_CUE]![0]!.attendance).toBeUndefined();
    expect(op.view!.state.version).toBe(version + 1);
    // In the audit log: its own kind of version, no correction (S17's correction is another thing).
    const published = op.events.findLast((e) => e.type === 'definition_published')!;
    expect(published).toMatchObject({ type: 'definition_published', version: version + 1, attendance: { cueId: WINNER_CUE }, actor: expect.any(String) });
    expect(published).not.toHaveProperty('correction');
    expect(published).not.toHaveProperty('ceremony');
    expect(published).not.toHaveProperty('cues');

    // Every public screen moved to the new version, and no frame of theirs holds the attendance.
    await vi.waitFor(() => expect([audience.state!.version, stage.state!.version]).toEqual([version + 1, version + 1]));
    const publicBefore = [...audience.frames, ...stage.frames, JSON.stringify(await getState(t.url, SAMPLE))].join('\n');
    expect(publicBefore).not.toContain(ACCEPTED_BY.en);
    expect(publicBefore).not.toContain(ACCEPTED_BY.fa);
    expect(publicBefore).not.toContain('on_behalf');
    expect(publicBefore).not.toMatch(/"attendance"/);

    // With the reveal, every screen has it.
    await goUntil(op, WINNER_CUE);
    await go(op);
    await vi.waitFor(() => expect(audience.state!.results['young-designer']?.[0]?.entries[1]?.attendance).toEqual(ON_BEHALF));
    await vi.waitFor(() => expect(stage.state!.results['young-designer']?.[0]?.entries[1]?.attendance).toEqual(ON_BEHALF));
    expect(audience.state!.results['young-designer']![0]!.entries[0]!.attendance).toBeUndefined();

    // Once revealed, it can no longer change: refused, nothing changed.
    const seq = op.view!.state.seq;
    const late = await setAttendance(t, token, { cueId: WINNER_CUE, recipientIndex: 1, attendance: { status: 'absent' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('already_revealed');
    expect((await getState(t.url, SAMPLE, token)).seq).toBe(seq);
  });

  it('[S34] a bad request is refused with a stable code and changes nothing', async () => {
    const t = await server();
    const token = await login(t.url);
    const before = (await getState(t.url, SAMPLE, token)).seq;
    const cases: [unknown, number, string][] = [
      [{ cueId: WINNER_CUE, recipientIndex: 0 }, 400, 'invalid_message'],
      [{ cueId: WINNER_CUE, recipientIndex: 0, attendance: { status: 'on_behalf' } }, 400, 'invalid_message'],
      [{ cueId: WINNER_CUE, recipientIndex: -1, attendance: { status: 'absent' } }, 400, 'invalid_message'],
      [{ cueId: WINNER_CUE, recipientIndex: 0, attendance: { status: 'absent' }, extra: 1 }, 400, 'invalid_message'],
      [{ cueId: WINNER_CUE, recipientIndex: 2, attendance: { status: 'absent' } }, 400, 'invalid_message'],
      [{ cueId: 'no-such-cue', recipientIndex: 0, attendance: { status: 'absent' } }, 404, 'unknown_cue'],
      [{ cueId: 'young-designer/intro', recipientIndex: 0, attendance: { status: 'absent' } }, 409, 'not_a_reveal_cue'],
      [{ cueId: WINNER_CUE, recipientIndex: 0, attendance: { status: 'absent' }, version: 7 }, 409, 'definition_changed'],
      // Present is what an entry without attendance already is.
      [{ cueId: WINNER_CUE, recipientIndex: 0, attendance: { status: 'present' } }, 409, 'already_done'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await setAttendance(t, token, body);
      expect({ body, status: answer.status, code: answer.body.error?.code }).toEqual({ body, status, code });
    }
    const state = await getState(t.url, SAMPLE, token);
    expect([state.seq, state.version]).toEqual([before, 1]);
    // A ceremony that does not exist.
    const res = await fetch(`${t.url}/api/ceremonies/no-such-ceremony/attendance`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ cueId: WINNER_CUE, recipientIndex: 0, attendance: { status: 'absent' } }) });
    expect(res.status).toBe(404);
  });

  it('[S34] needs no second key even when corrections do (S30), never reads as a correction, and a console without results is not told which reveal', async () => {
    const t = await server();
    const token = await login(t.url);
    const policy = await fetch(`${t.url}/api/ceremonies/${SAMPLE}/two-keys`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ correction: true, retract: true, jump: true, realRehearsal: true }) });
    expect(policy.status).toBe(200);
    const sealed = new TestOperator(t.url, SAMPLE, tokenFor(t, 'stage_manager'));
    const op = new TestOperator(t.url, SAMPLE, tokenFor(t, 'operator'));
    sockets.push(sealed, op);
    await vi.waitFor(() => expect(sealed.view && op.view).toBeTruthy());
    await goUntil(op, 'best-app/mentions');

    // Each kind of place entry: a mention, one of a tie (place 3 has two), a place.
    for (const [cueId, recipientIndex, attendance] of [
      ['best-app/mentions', 0, { status: 'remote' }],
      ['best-app/place-3', 1, { status: 'absent' }],
      ['best-app/place-1', 0, ON_BEHALF],
    ] as const) {
      const set = await setAttendance(t, tokenFor(t, 'operator'), { cueId, recipientIndex, attendance });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      await vi.waitFor(() => expect(op.view!.previews[cueId]![recipientIndex]!.attendance).toEqual(attendance));
    }
    expect(op.view!.previews['best-app/place-3']![0]!.attendance).toBeUndefined();

    await vi.waitFor(() => expect(sealed.view!.state.version).toBe(4));
    const toSealed = sealed.events.filter((e) => e.type === 'definition_published');
    expect(toSealed).toHaveLength(3);
    for (const event of toSealed) {
      expect(event).not.toHaveProperty('attendance');
      expect(event).not.toHaveProperty('hash');
      expect(event).not.toHaveProperty('correction');
    }
    expect(JSON.stringify(sealed.view)).not.toContain(ACCEPTED_BY.en);
    // As-run log: a definition version, not a results correction.
    const csv = await (await fetch(`${t.url}/api/ceremonies/${SAMPLE}/as-run.csv`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(csv).not.toMatch(/correction/i);
    expect(csv).toMatch(/attendance/);
  });

  it('[S34] a results officer (no run.drive) and a stage manager (no results.see) may not; the seal still holds after it (S31)', async () => {
    const t = await server();
    const token = await login(t.url);
    const sealRes = await fetch(`${t.url}/api/ceremonies/${SAMPLE}/seal`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
    expect(sealRes.status).toBe(201);
    for (const role of ['results_officer', 'stage_manager', 'presenter'] as const) {
      const answer = await setAttendance(t, tokenFor(t, role), { cueId: WINNER_CUE, recipientIndex: 0, attendance: { status: 'absent' } });
      expect([role, answer.status, answer.body.error.code]).toEqual([role, 403, 'forbidden']);
    }
    expect((await setAttendance(t, token, { cueId: WINNER_CUE, recipientIndex: 0, attendance: { status: 'absent' } })).status).toBe(200);
    const proof = (await (await fetch(`${t.url}/api/ceremonies/${SAMPLE}/seal`)).json()) as { changedSinceSeal: boolean; corrections: unknown[] };
    expect(proof.changedSinceSeal).toBe(false);
    expect(proof.corrections).toEqual([]);
  });
});
