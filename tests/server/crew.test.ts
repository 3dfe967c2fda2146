import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshSchema, sharedDataDir } from '../helpers/scale-out-harness';
import { connected, login, PASSCODE, postCommand, startTestServer, TestOperator, type TestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
const OTHER = 'sample-awards';
const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

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

async function call(url: string, method: string, route: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

const signIn = (url: string, body: unknown, headers?: Record<string, string>) => call(url, 'POST', '/api/session', undefined, body, headers);

/** A producer invites; the invited person joins with a name and a secret; their token. */
async function invite(url: string, producer: string, role: string, name: string, secret = 'a-long-secret-1') {
  const made = await call(url, 'POST', '/api/crew/invitations', producer, { role });
  expect(made.status).toBe(201);
  const token = String(made.body.link).split('/join/')[1]!;
  const joined = await call(url, 'POST', `/api/invitations/${token}`, undefined, { name, secret }, { 'user-agent': ANDROID_CHROME });
  expect(joined.status).toBe(200);
  return { token: joined.body.token as string, person: joined.body.person as { personId: string; name: string; role: string } };
}

/** A console that has its first snapshot, and a promise of its disconnect. */
async function openConsole(url: string, token: string) {
  const op = new TestOperator(url, SEED, token);
  consoles.push(op);
  const disconnected = new Promise<string>((resolve) => op.socket.once('disconnect', (reason) => resolve(reason)));
  const first = new Promise<void>((resolve) => op.socket.once('snapshot', () => resolve()));
  await connected(op.socket);
  await first;
  return { op, disconnected };
}

/** Every file under `dir`, read whole. */
function everyFile(dir: string): { file: string; bytes: Buffer }[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => ({ file: path.join(e.parentPath, e.name), bytes: fs.readFileSync(path.join(e.parentPath, e.name)) }));
}

describe('[S29] people and sign-in', () => {
  it('[S29] the first producer signs in by the passcode or by name; a wrong name and a wrong secret get the same answer', async () => {
    const t = await server();
    const byPasscode = await signIn(t.url, { passcode: PASSCODE });
    expect(byPasscode.status).toBe(200);
    expect(byPasscode.body.person).toEqual({ personId: 'producer-1', name: 'producer', role: 'producer' });
    expect(byPasscode.headers.get('set-cookie')).toMatch(/podium_session=.*HttpOnly; SameSite=Strict/);
    const byName = await signIn(t.url, { name: 'Producer', secret: PASSCODE });
    expect(byName.status).toBe(200);

    const wrongSecret = await signIn(t.url, { name: 'producer', secret: 'not-it-at-all' });
    const wrongName = await signIn(t.url, { name: 'nobody', secret: PASSCODE });
    expect(wrongSecret.status).toBe(401);
    expect(wrongName).toEqual({ ...wrongSecret, headers: wrongName.headers });

    const session = await call(t.url, 'GET', '/api/session', byName.body.token);
    expect(session.body).toMatchObject({ authenticated: true, person: { personId: 'producer-1', name: 'producer', role: 'producer' }, sessionId: expect.any(String) });
    expect(session.body.capabilities).toContain('crew.manage');
    expect((await call(t.url, 'GET', '/api/session')).body).toEqual({ authenticated: false });
  });

  it('[S29] PRODUCER_NAME names the first producer', async () => {
    const t = await server({ env: { PRODUCER_NAME: 'مریم' } });
    expect((await signIn(t.url, { name: 'مریم', secret: PASSCODE })).body.person).toEqual({ personId: 'producer-1', name: 'مریم', role: 'producer' });
  });

  it('[S29] an invitation: shown once, joined once (of two parallel accepts one wins), a clear code for a short secret, a taken name, a used link', async () => {
    const t = await server();
    const producer = await login(t.url);
    const made = await call(t.url, 'POST', '/api/crew/invitations', producer, { role: 'operator', name: 'Reza' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ role: 'operator', name: 'Reza', link: expect.stringMatching(/\/join\/[A-Za-z0-9_-]{43}$/), qr: expect.stringMatching(/^data:image\/svg\+xml;base64,/) });
    expect(Buffer.from(made.body.qr.split(',')[1], 'base64').toString()).toContain('<svg');
    const token = made.body.link.split('/join/')[1];
    const listed = await call(t.url, 'GET', '/api/crew/invitations', producer);
    expect(listed.body).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    expect((await call(t.url, 'GET', `/api/invitations/${token}`)).body).toEqual({ role: 'operator', name: 'Reza', expiresAt: made.body.expiresAt });
    expect((await call(t.url, 'POST', `/api/invitations/${token}`, undefined, { name: 'Reza', secret: 'short' })).body.error.code).toBe('weak_secret');
    expect((await call(t.url, 'POST', `/api/invitations/${token}`, undefined, { name: 'PRODUCER', secret: 'a-long-secret-1' })).body.error.code).toBe('name_taken');
    expect((await call(t.url, 'POST', `/api/invitations/${token}`, undefined, { name: '', secret: 'a-long-secret-1' })).body.error.code).toBe('invalid_name');

    const [a, b] = await Promise.all([
      call(t.url, 'POST', `/api/invitations/${token}`, undefined, { name: 'Reza', secret: 'a-long-secret-1' }),
      call(t.url, 'POST', `/api/invitations/${token}`, undefined, { name: 'Someone else', secret: 'a-long-secret-2' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 410]);
    const won = a.status === 200 ? a : b;
    expect(won.body.person).toMatchObject({ role: 'operator' });
    expect([a, b].find((x) => x.status === 410)!.body.error.code).toBe('invitation_invalid');
    expect((await call(t.url, 'GET', `/api/invitations/${token}`)).body.error.code).toBe('invitation_invalid');
    expect((await call(t.url, 'GET', `/api/invitations/${'x'.repeat(43)}`)).body.error.code).toBe('invitation_invalid');
    expect((await call(t.url, 'GET', '/api/crew/invitations', producer)).body).toEqual([]);

    // The new person signs in by name; an operator may not invite.
    const again = await signIn(t.url, { name: won.body.person.name, secret: a.status === 200 ? 'a-long-secret-1' : 'a-long-secret-2' });
    expect(again.body.person.role).toBe('operator');
    expect((await call(t.url, 'POST', '/api/crew/invitations', again.body.token, { role: 'producer' })).status).toBe(403);
    expect((await call(t.url, 'GET', '/api/crew/people', again.body.token)).body.error.code).toBe('forbidden');
  });

  it('[S29] an invitation expires after 24 hours', async () => {
    let clock = Date.now();
    const t = await server({ now: () => clock });
    const producer = await login(t.url);
    const made = await call(t.url, 'POST', '/api/crew/invitations', producer, { role: 'presenter' });
    const token = made.body.link.split('/join/')[1];
    clock += 24 * 3600_000 + 1;
    expect((await call(t.url, 'GET', `/api/invitations/${token}`)).status).toBe(410);
    expect((await call(t.url, 'POST', `/api/invitations/${token}`, undefined, { name: 'Late', secret: 'a-long-secret-1' })).body.error.code).toBe('invitation_invalid');
  });

  it('[S29] a change of role ends that person’s sessions at once (console cut off); a disabled person cannot sign in; the last producer stays', async () => {
    const t = await server();
    const producer = await login(t.url);
    const reza = await invite(t.url, producer, 'operator', 'Reza');
    const { disconnected } = await openConsole(t.url, reza.token);

    const demoted = await call(t.url, 'PATCH', `/api/crew/people/${reza.person.personId}`, producer, { role: 'stage_manager' });
    expect(demoted.status).toBe(200);
    expect(demoted.body).toMatchObject({ person: { role: 'stage_manager' }, endedSessions: 1 });
    expect(await disconnected).toBe('io server disconnect');
    expect((await call(t.url, 'GET', '/api/crew/sessions', reza.token)).status).toBe(401);
    const back = await signIn(t.url, { name: 'reza', secret: 'a-long-secret-1' });
    expect(back.body.person.role).toBe('stage_manager');

    expect((await call(t.url, 'PATCH', `/api/crew/people/${reza.person.personId}`, producer, { disabled: true })).body.endedSessions).toBe(1);
    expect((await call(t.url, 'GET', '/api/session', back.body.token)).body.authenticated).toBe(false);
    const refused = await signIn(t.url, { name: 'reza', secret: 'a-long-secret-1' });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthorized');

    const last = await call(t.url, 'PATCH', '/api/crew/people/producer-1', producer, { role: 'operator' });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('last_producer');
    expect((await call(t.url, 'PATCH', '/api/crew/people/producer-1', producer, { disabled: true })).body.error.code).toBe('last_producer');
    const people = await call(t.url, 'GET', '/api/crew/people', producer);
    expect(people.body.map((p: any) => [p.name, p.role, p.disabledAt !== null])).toEqual([
      ['producer', 'producer', false],
      ['Reza', 'stage_manager', true],
    ]);
    expect(JSON.stringify(people.body)).not.toContain('argon2');
  });

  it('[S29] who is signed in: name, role, device and since for every console; the session ids only to producers; ending one cuts its console off', async () => {
    const t = await server();
    const producer = (await signIn(t.url, { passcode: PASSCODE }, { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' })).body.token;
    const before = Date.now();
    const sara = await invite(t.url, producer, 'results_officer', 'Sara');
    const asSara = await call(t.url, 'GET', '/api/crew/sessions', sara.token);
    expect(asSara.body).toEqual([
      { personId: 'producer-1', name: 'producer', role: 'producer', device: 'Safari on macOS', since: expect.any(Number), yours: false },
      { personId: sara.person.personId, name: 'Sara', role: 'results_officer', device: 'Chrome on Android', since: expect.any(Number), yours: true },
    ]);
    expect(asSara.body[1].since).toBeGreaterThanOrEqual(before);
    const asProducer = await call(t.url, 'GET', '/api/crew/sessions', producer);
    expect(asProducer.body.every((s: any) => typeof s.sessionId === 'string')).toBe(true);
    expect((await call(t.url, 'DELETE', `/api/crew/sessions/${asProducer.body[0].sessionId}`, sara.token)).status).toBe(403);

    const { disconnected } = await openConsole(t.url, sara.token);
    const saraSession = asProducer.body.find((s: any) => s.name === 'Sara').sessionId;
    expect((await call(t.url, 'DELETE', `/api/crew/sessions/${saraSession}`, producer)).status).toBe(200);
    expect(await disconnected).toBe('io server disconnect');
    expect((await call(t.url, 'GET', '/api/crew/sessions', producer)).body.map((s: any) => s.name)).toEqual(['producer']);
    expect((await call(t.url, 'DELETE', `/api/crew/sessions/${saraSession}`, producer)).status).toBe(404);
    // A logout leaves the list too.
    await call(t.url, 'DELETE', '/api/session', producer);
    const other = await login(t.url);
    expect((await call(t.url, 'GET', '/api/crew/sessions', other)).body).toHaveLength(1);
  });

  it('[S29] an API token: shown once, works for its ceremony and role only (403 on another), may not manage the crew, and revoked is 401 and cuts its console off', async () => {
    const t = await server();
    const producer = await login(t.url);
    const made = await call(t.url, 'POST', '/api/crew/tokens', producer, { name: 'Stream Deck', role: 'operator', ceremonyId: SEED });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ id: expect.stringMatching(/^tok-/), name: 'Stream Deck', role: 'operator', ceremonyId: SEED, token: expect.any(String) });
    expect(made.body.expiresAt - Date.now()).toBeGreaterThan(364 * 24 * 3600_000);
    const token = made.body.token as string;
    const listed = await call(t.url, 'GET', '/api/crew/tokens', producer);
    expect(listed.body).toMatchObject([{ id: made.body.id, name: 'Stream Deck', role: 'operator', ceremonyId: SEED, createdBy: { personId: 'producer-1', name: 'producer' } }]);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect((await call(t.url, 'POST', '/api/crew/tokens', producer, { name: 'x', role: 'operator', ceremonyId: 'no-such' })).body.error.code).toBe('unknown_ceremony');

    expect((await postCommand(t.url, token, SEED, { type: 'hold', commandId: 'deck-hold' })).status).toBe(200);
    const elsewhere = await postCommand(t.url, token, OTHER, { type: 'hold', commandId: 'deck-hold-2' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('forbidden');
    expect((await call(t.url, 'PUT', `/api/ceremonies/${SEED}`, token, {})).status).toBe(403);
    expect((await call(t.url, 'GET', '/api/crew/tokens', token)).status).toBe(403);
    const me = await call(t.url, 'GET', '/api/session', token);
    expect(me.body).toMatchObject({ authenticated: true, person: { personId: 'producer-1', role: 'operator' }, token: 'Stream Deck', ceremonyId: SEED });

    const { disconnected } = await openConsole(t.url, token);
    expect((await call(t.url, 'DELETE', `/api/crew/tokens/${made.body.id}`, producer)).status).toBe(200);
    expect(await disconnected).toBe('io server disconnect');
    expect((await postCommand(t.url, token, SEED, { type: 'resume', commandId: 'deck-resume' })).status).toBe(401);
    expect((await call(t.url, 'GET', '/api/crew/tokens', producer)).body).toEqual([]);
  });

  it('[S29] the generated passcode is printed once and kept nowhere in DATA_DIR in plaintext; it signs in, also after a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-passcode-'));
    const first = await server({ dataDir, env: { OPERATOR_PASSCODE: '' } });
    const passcode = first.server.firstProducer.generatedPasscode!;
    expect(passcode).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect((await signIn(first.url, { passcode })).status).toBe(200);
    expect(fs.existsSync(path.join(dataDir, 'operator-passcode'))).toBe(false);
    for (const { file, bytes } of everyFile(dataDir)) expect([file, bytes.includes(passcode)]).toEqual([file, false]);
    expect(first.logs.join('')).not.toContain(passcode);
    await first.stop();
    servers.splice(servers.indexOf(first), 1);
    for (const { file, bytes } of everyFile(dataDir)) expect([file, bytes.includes(passcode)]).toEqual([file, false]);

    const again = await server({ dataDir, env: { OPERATOR_PASSCODE: '' } });
    expect(again.server.firstProducer).toEqual({});
    expect((await signIn(again.url, { passcode })).status).toBe(200);
  });

  it('[S29] an older version’s operator-passcode file is hashed into the store and deleted; that passcode goes on working', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-passcode-'));
    fs.writeFileSync(path.join(dataDir, 'operator-passcode'), 'old-passcode-42\n', { mode: 0o600 });
    const t = await server({ dataDir, env: { OPERATOR_PASSCODE: '' } });
    expect(t.server.firstProducer).toEqual({ movedPasscode: 'old-passcode-42' });
    expect(fs.existsSync(path.join(dataDir, 'operator-passcode'))).toBe(false);
    expect((await signIn(t.url, { passcode: 'old-passcode-42' })).status).toBe(200);
    expect((await signIn(t.url, { name: 'producer', secret: 'old-passcode-42' })).status).toBe(200);
    for (const { file, bytes } of everyFile(dataDir)) expect([file, bytes.includes('old-passcode-42')]).toEqual([file, false]);
  });

  it('[S29] ending a session on one server cuts its console off on another server of the same PostgreSQL', async () => {
    const { url, drop } = await freshSchema();
    try {
      const dataDir = sharedDataDir();
      const a = await server({ dataDir, env: { DATABASE_URL: url } });
      const b = await server({ dataDir, env: { DATABASE_URL: url } });
      const producer = await login(a.url);
      const reza = await invite(b.url, producer, 'operator', 'Reza');
      const onB = await openConsole(b.url, reza.token);
      const sessions = await call(a.url, 'GET', '/api/crew/sessions', producer);
      const rezaSession = sessions.body.find((s: any) => s.name === 'Reza').sessionId;

      const endedAt = Date.now();
      expect((await call(a.url, 'DELETE', `/api/crew/sessions/${rezaSession}`, producer)).status).toBe(200);
      expect(await onB.disconnected).toBe('io server disconnect');
      const tookMs = Date.now() - endedAt;
      expect((await call(b.url, 'GET', '/api/crew/sessions', reza.token)).status).toBe(401);
      expect(tookMs).toBeLessThan(5000);
      console.info(`[S29] ending a session on A cut its console off on B after ${tookMs} ms`);
    } finally {
      for (const c of consoles.splice(0)) c.close();
      for (const s of servers.splice(0)) await s.stop();
      await drop();
    }
  });
});
