import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCeremony } from '../helpers/ceremony-harness';
import { getState, login, PASSCODE, postCommand, startTestServer, type TestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
let t: TestServer;
let token: string;

/**
 * A ceremony of this test's own (the sample's programme under a new id): the tests of this file
 * share one server and may run in any order, so a test that changes a run changes its own.
 */
async function ownCeremony(id: string): Promise<string> {
  const res = await fetch(`${t.url}/api/ceremonies/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...sampleCeremony(), id }),
  });
  expect(res.status).toBe(201);
  return id;
}

beforeAll(async () => {
  t = await startTestServer();
  token = await login(t.url);
});
afterAll(() => t.stop());

describe('automation API (docs/api.md)', () => {
  it('GET /healthz', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('GET /api/ceremonies lists both shipped ceremonies, with no result in it', async () => {
    const res = await fetch(`${t.url}/api/ceremonies`);
    const list = (await res.json()) as { id: string; title: { fa: string; en: string } }[];
    // Other tests of this file may have imported more by now.
    expect(list.map((c) => c.id).slice(0, 2)).toEqual(['egov-award-1399', 'sample-awards']);
    expect(list.find((c) => c.id === SEED)!.title.fa).toBe('اختتامیه دومین دوره جایزه دولت الکترونیک');
    expect(JSON.stringify(list)).not.toContain('دفتر هیئت دولت');
  });

  it('[S3] GET state: the audience projection when anonymous, the operator projection with a token', async () => {
    const anonymous = await getState(t.url, SEED);
    expect(anonymous.categories[0]).toMatchObject({ id: 'g2g', results: [] });
    expect(anonymous.nextCue).toBeUndefined();
    expect(JSON.stringify(anonymous)).not.toContain('سازمان اداری و استخدامی کشور');
    const operator = await getState(t.url, SEED, token);
    expect(operator.nextCue.id).toBe('opening');
    expect(operator.cues.map((c: { id: string }) => c.id)).toContain('g2g/place-4');
    expect(operator.cues.find((c: { id: string }) => c.id === 'g2g/place-4').preview[0].recipient.name.fa).toBe('سازمان اداری و استخدامی کشور');
  });

  it('[S11] POST /api/session: a wrong passcode is 401, a right one gives a token and an httpOnly SameSite=Strict cookie', async () => {
    const wrong = await fetch(`${t.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passcode: 'nope' }) });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const right = await fetch(`${t.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passcode: PASSCODE }) });
    expect(right.status).toBe(200);
    expect(((await right.json()) as { token: string }).token).toMatch(/\./);
    expect(right.headers.get('set-cookie')).toMatch(/podium_session=.*HttpOnly; SameSite=Strict/);
  });

  it('[S11] logging out ends the session: the token is refused afterwards', async () => {
    const own = await login(t.url);
    expect((await getState(t.url, SEED, own)).nextCue).toBeDefined();
    const out = await fetch(`${t.url}/api/session`, { method: 'DELETE', headers: { authorization: `Bearer ${own}` } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/podium_session=;.*Max-Age=0/);
    expect((await postCommand(t.url, own, SEED, { type: 'hold' })).status).toBe(401);
    expect((await getState(t.url, SEED, own)).nextCue).toBeUndefined();
    // Another session goes on.
    expect((await getState(t.url, SEED, token)).nextCue).toBeDefined();
  });

  it('[S11] commands need a valid token', async () => {
    expect((await postCommand(t.url, 'forged.token', SEED, { type: 'hold' })).body).toMatchObject({ error: { code: 'unauthorized' } });
    const res = await fetch(`${t.url}/api/ceremonies/${SEED}/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"hold"}' });
    expect(res.status).toBe(401);
  });

  it('[S9] bad commands get a stable code and change nothing', async () => {
    const seqBefore = (await getState(t.url, SEED)).seq;
    const cases: [unknown, number, string][] = [
      [{ type: 'explode' }, 400, 'invalid_command'],
      [{ type: 'go' }, 400, 'invalid_command'],
      [{ type: 'go', expectedCue: 'g2g/place-1' }, 409, 'cue_mismatch'],
      [{ type: 'jump', cueId: 'g2g/intro' }, 400, 'confirmation_required'],
      [{ type: 'jump', cueId: 'nowhere', confirm: true }, 404, 'unknown_cue'],
      [{ type: 'retract', confirm: true }, 409, 'nothing_to_retract'],
      [{ type: 'resume' }, 409, 'not_on_hold'],
    ];
    for (const [command, status, code] of cases) {
      const res = await postCommand(t.url, token, SEED, command);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
      expect(typeof res.body.error.message).toBe('string');
    }
    expect((await postCommand(t.url, token, 'no-such', { type: 'hold' })).status).toBe(404);
    const badJson = await fetch(`${t.url}/api/ceremonies/${SEED}/commands`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{not json' });
    expect(badJson.status).toBe(400);
    expect((await getState(t.url, SEED)).seq).toBe(seqBefore);
  });

  it('a GO answers with the seq and the events; on hold it is refused until resume', async () => {
    const id = await ownCeremony('api-go');
    const go = await postCommand(t.url, token, id, { type: 'go', expectedCue: 'opening', commandId: 'api-1' });
    expect(go).toMatchObject({ status: 200, body: { seq: 1, events: [{ seq: 1, type: 'cue_started', cueId: 'opening' }] } });
    expect((await postCommand(t.url, token, id, { type: 'hold' })).status).toBe(200);
    expect((await postCommand(t.url, token, id, { type: 'go', expectedCue: 'host-speech' })).body.error.code).toBe('on_hold');
    expect((await postCommand(t.url, token, id, { type: 'resume' })).status).toBe(200);
    expect((await postCommand(t.url, token, id, { type: 'go', expectedCue: 'host-speech' })).body.seq).toBe(4);
  });

  it('[S2] the same commandId twice is applied once; the repeat gets the first result', async () => {
    const id = await ownCeremony('api-dedup');
    const first = await postCommand(t.url, token, id, { type: 'announce', commandId: 'dup-1', text: { en: 'Once' } });
    const again = await postCommand(t.url, token, id, { type: 'announce', commandId: 'dup-1', text: { en: 'Once' } });
    expect(again.body).toEqual(first.body);
    const state = await getState(t.url, id);
    expect(state.announcements.filter((a: { text: { en: string } }) => a.text.en === 'Once')).toHaveLength(1);
  });

  it('[S9] an invalid ceremony import is refused with every problem, and changes nothing', async () => {
    const res = await fetch(`${t.url}/api/ceremonies/egov-award-1399`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ schemaVersion: 1, id: 'egov-award-1399', title: {}, date: 'x', timeZone: 'UTC', runOfShow: [], categories: [] }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('invalid_ceremony');
    expect(body.error.problems.map((p: { path: string }) => p.path)).toEqual(['title', 'date', 'runOfShow']);
    expect((await getState(t.url, SEED)).ceremony.title.fa).toBe('اختتامیه دومین دوره جایزه دولت الکترونیک');
  });

  it('imports a new ceremony and its results from CSV; a started ceremony can no longer change', async () => {
    const def = { schemaVersion: 1, id: 'csv-demo', title: { en: 'CSV demo' }, date: '2026-01-01', timeZone: 'UTC', runOfShow: [{ kind: 'category', categoryId: 'c' }], categories: [{ id: 'c', kind: 'ranked', title: { en: 'C' }, results: [{ place: 1, recipient: { type: 'person', name: { en: 'Placeholder' } } }] }] };
    const put = await fetch(`${t.url}/api/ceremonies/csv-demo`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(def) });
    expect(put.status).toBe(201);
    const csv = 'category,place,name_en\nc,1,Imported Winner\nc,2,Imported Second\n';
    const imported = await fetch(`${t.url}/api/ceremonies/csv-demo/results`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: csv });
    expect(imported.status).toBe(200);
    const operator = await getState(t.url, 'csv-demo', token);
    expect(operator.cues.map((c: { id: string }) => c.id)).toEqual(['c/intro', 'c/place-2', 'c/place-1', 'c/summary']);
    expect(operator.nextCue.id).toBe('c/intro');
    await postCommand(t.url, token, 'csv-demo', { type: 'go', expectedCue: 'c/intro' });
    const late = await fetch(`${t.url}/api/ceremonies/csv-demo/results`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: csv });
    expect(late.status).toBe(409);
  });

  it('serves links and a QR code for the screens', async () => {
    const links = (await (await fetch(`${t.url}/api/ceremonies/${SEED}/links`)).json()) as Record<string, string>;
    expect(links.audience).toBe(`${t.url}/c/${SEED}`);
    const qr = await fetch(`${t.url}/api/ceremonies/${SEED}/qr.svg`);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    expect(await qr.text()).toContain('<svg');
  });

  it('[S12] the logs hold no passcode, token or result', async () => {
    // Its own session, commands and results import, so that there is something to log.
    const own = await login(t.url);
    const id = await ownCeremony('api-logs');
    const csv = 'category,place,name_en\nbest-app,1,Logged Nowhere Winner\nbest-app,2,Logged Nowhere Second\n';
    const imported = await fetch(`${t.url}/api/ceremonies/${id}/results`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${own}` }, body: csv });
    expect(imported.status).toBe(200);
    expect((await postCommand(t.url, own, id, { type: 'go', expectedCue: 'opening' })).status).toBe(200);
    await postCommand(t.url, own, id, { type: 'go', expectedCue: 'nowhere' });
    const all = t.logs.join('\n');
    expect(all).toContain('"msg":"command"');
    const results = sampleCeremony().categories.flatMap((c) => (c.kind === 'ranked' ? c.results.map((r) => r.recipient.name.en!) : []));
    expect(results.length).toBeGreaterThan(0);
    for (const secret of [PASSCODE, token, own, 'سازمان اداری و استخدامی کشور', 'Logged Nowhere Winner', 'Logged Nowhere Second', ...results]) expect(all).not.toContain(secret);
  });
});
