import { io } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateClock, type ClockSample } from '../../shared/clock-sync';
import type { ReactionUpdate } from '../../shared/protocol';
import { connected, getState, login, postCommand, startTestServer, TestOperator, TestScreen, type TestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
const FOURTH = 'سازمان اداری و استخدامی کشور';
/** As a JSON string value: the guest of honour's role names the same organization inside a longer text. */
const FOURTH_VALUE = JSON.stringify(FOURTH);
const TO_FIRST_REVEAL = ['opening', 'guest-of-honour', 'about-the-award', 'g2g/intro'];

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
function screen(t: TestServer, opts: ConstructorParameters<typeof TestScreen>[3] = {}, role: ConstructorParameters<typeof TestScreen>[2] = 'audience') {
  const screenKey = role === 'stage' || role === 'overlay' ? t.server.auth.screenKey(SEED, role) : undefined;
  const s = new TestScreen(t.url, SEED, role, { ...(screenKey ? { screenKey } : {}), ...opts });
  sockets.push(s);
  return s;
}
function operator(t: TestServer, token: string) {
  const o = new TestOperator(t.url, SEED, token);
  sockets.push(o);
  return o;
}
async function goTo(t: TestServer, token: string, cues: string[]) {
  for (const cue of cues) expect((await postCommand(t.url, token, SEED, { type: 'go', expectedCue: cue })).status).toBe(200);
}

describe('one moment of reveal', () => {
  it('clock sync recovers a screen clock offset within 15 ms under injected network delay with jitter', async () => {
    const t = await server();
    const s = screen(t);
    await connected(s.socket);
    const screenOffset = -7_250; // the screen's clock is 7.25 s behind
    const localNow = () => Date.now() + screenOffset;
    const samples: ClockSample[] = [];
    let slowestRealRtt = 0;
    for (let i = 0; i < 8; i++) {
      // Injected network delay, without waiting: the request "left" `up` ms before it really did,
      // and the answer "arrives" `down` ms after it really did (40–90 ms each way, asymmetric).
      const up = 40 + (i % 3) * 25;
      const down = 40 + ((i + 1) % 3) * 25;
      const sentAt = localNow() - up;
      const serverTime = await s.socket.timeout(10_000).emitWithAck('clock', sentAt + up);
      const receivedAt = localNow();
      slowestRealRtt = Math.max(slowestRealRtt, receivedAt - (sentAt + up));
      samples.push({ sentAt, serverTime, receivedAt: receivedAt + down });
    }
    const estimate = estimateClock(samples)!;
    // Within 15 ms, plus what the real round trip adds (half of it at most: a loaded machine may
    // answer slowly, and no estimate can tell which way the time went).
    expect(Math.abs(estimate.offsetMs - -screenOffset)).toBeLessThanOrEqual(15 + slowestRealRtt / 2);
    expect(estimate.rttMs).toBeGreaterThanOrEqual(80);
  });

  it('stamps every event with showAt = at + REVEAL_LEAD_MS', async () => {
    const t = await server({ REVEAL_LEAD_MS: '300' });
    const token = await login(t.url);
    const go = await postCommand(t.url, token, SEED, { type: 'go', expectedCue: 'opening' });
    expect(go.body.events[0].showAt - go.body.events[0].at).toBe(300);
  });

  it('a delayed channel receives no frame with a result before its time (at + delay); the hall gets it at once', async () => {
    const t = await server();
    const token = await login(t.url);
    expect((await postCommand(t.url, token, SEED, { type: 'set_channel', channelId: 'stream', delayMs: 1_200 })).status).toBe(200);
    await goTo(t, token, TO_FIRST_REVEAL);
    const hall = screen(t, { channel: 'hall' });
    const stream = screen(t, { channel: 'stream' });
    await vi.waitFor(() => expect(hall.state && stream.state).toBeTruthy());
    const reveal = await postCommand(t.url, token, SEED, { type: 'go', expectedCue: 'g2g/place-4' });
    const at: number = reveal.body.events[0].at;
    await vi.waitFor(() => expect(hall.state!.lastRevealCueId).toBe('g2g/place-4'));
    expect(stream.frames.some((f) => f.includes(FOURTH_VALUE))).toBe(false);
    await vi.waitFor(() => expect(stream.state!.lastRevealCueId).toBe('g2g/place-4'), { timeout: 5_000 });
    const firstWithName = (s: TestScreen) => s.arrivals.find((a) => a.data.includes(FOURTH_VALUE))!.at;
    // The hall was not held for the stream's delay (how fast it is, is for bench:sync to measure).
    expect(firstWithName(hall) - at).toBeLessThan(1_200);
    expect(firstWithName(stream)).toBeGreaterThanOrEqual(at + 1_200);
    // A late joiner on the delayed channel sees what that channel has seen, not more.
    expect(stream.state!.seq).toBe(hall.state!.seq);
  });

  it('a screen joining a delayed channel mid-delay gets the channel state, without the held reveal', async () => {
    const t = await server();
    const token = await login(t.url);
    await postCommand(t.url, token, SEED, { type: 'set_channel', channelId: 'stream', delayMs: 1_500 });
    await goTo(t, token, [...TO_FIRST_REVEAL, 'g2g/place-4']);
    const late = screen(t, { channel: 'stream' });
    await vi.waitFor(() => expect(late.state).not.toBeNull());
    expect(JSON.stringify(late.state)).not.toContain(FOURTH_VALUE);
    await vi.waitFor(() => expect(late.state!.lastRevealCueId).toBe('g2g/place-4'), { timeout: 5_000 });
  });
});

describe('registry, delegates and remote control', () => {
  it('shows each screen with its name, channel, clock report and the last reveal it rendered', async () => {
    const t = await server();
    const token = await login(t.url);
    const op = operator(t, token);
    const hallScreen = screen(t, { name: 'Hall left', channel: 'hall' }, 'stage');
    const phone = screen(t, { channel: 'video' });
    await vi.waitFor(() => expect(hallScreen.state && phone.state).toBeTruthy());
    hallScreen.socket.emit('hello', { offsetMs: 12.4, rttMs: 33, nudgeMs: 2_000 });
    await goTo(t, token, [...TO_FIRST_REVEAL, 'g2g/place-4']);
    await vi.waitFor(() => expect(hallScreen.state!.lastRevealCueId).toBe('g2g/place-4'));
    hallScreen.socket.emit('rendered', { seq: hallScreen.state!.seq, cueId: 'g2g/place-4' });
    await vi.waitFor(() => {
      const entry = op.registry!.screens.find((s) => s.name === 'Hall left')!;
      expect(entry).toMatchObject({ role: 'stage', channel: 'hall', offsetMs: 12, rttMs: 33, nudgeMs: 2_000, renderedCueId: 'g2g/place-4' });
      expect(op.registry!.audience).toEqual({ total: 1, renderedLastReveal: 0, listed: 1, byChannel: { video: 1 } });
      expect(op.registry!.screens.find((s) => s.id === phone.socket.id)).toMatchObject({ channel: 'video', renderedCueId: null });
    });
  });

  it('counts a delegate present for its organization, in the hall or remote; a forged link is refused', async () => {
    const t = await server();
    const token = await login(t.url);
    const links = (await (await fetch(`${t.url}/api/ceremonies/${SEED}/delegates`, { headers: { authorization: `Bearer ${token}` } })).json()) as { organizationId: string; link: string }[];
    expect(links.map((l) => l.organizationId)).toContain('ecommerce-development-center');
    expect((await fetch(`${t.url}/api/ceremonies/${SEED}/delegates`)).status).toBe(401);
    const link = new URL(links.find((l) => l.organizationId === 'ecommerce-development-center')!.link);
    const key = link.searchParams.get('k')!;
    expect(link.pathname).toBe(`/d/${SEED}/ecommerce-development-center`);

    const op = operator(t, token);
    const inHall = screen(t, { delegate: { organizationId: 'ecommerce-development-center', key, location: 'hall' } }, 'delegate');
    const delegation = new Promise((resolve) => inHall.socket.once('delegation', resolve));
    const remote = screen(t, { delegate: { organizationId: 'ecommerce-development-center', key, location: 'remote' } }, 'delegate');
    await vi.waitFor(() => expect(inHall.state && remote.state).toBeTruthy());
    await vi.waitFor(() => expect(op.registry?.presence['ecommerce-development-center']).toEqual({ hall: 1, remote: 1 }));
    // The delegate learns its own organization's name; no other screen does.
    expect(await delegation).toEqual({ id: 'ecommerce-development-center', name: { fa: 'مرکز توسعه تجارت الکترونیکی', en: 'E-Commerce Development Center' } });
    remote.socket.emit('hello', { location: 'hall' });
    await vi.waitFor(() => expect(op.registry?.presence['ecommerce-development-center']).toEqual({ hall: 2, remote: 0 }));

    const forged = io(t.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { ceremonyId: SEED, role: 'delegate', delegate: { organizationId: 'ministry-of-health', key, location: 'hall' } } });
    sockets.push({ close: () => forged.disconnect() });
    await expect(connected(forged)).rejects.toThrow('unauthorized');
  });

  it('the operator renames a screen, moves it to another channel and reloads it', async () => {
    const t = await server();
    const token = await login(t.url);
    const op = operator(t, token);
    const s = screen(t);
    await vi.waitFor(() => expect(s.state && op.registry?.screens.length).toBeTruthy());
    const channels: string[] = [];
    s.socket.on('channel', (c) => channels.push(c.id));
    const reloaded = new Promise<void>((resolve) => s.socket.once('reload', () => resolve()));
    const renamed = new Promise<string>((resolve) => s.socket.once('renamed', resolve));
    const result = await op.socket.timeout(10_000).emitWithAck('screen', { screenId: s.socket.id!, name: 'Stream PC', channel: 'stream', reload: true });
    expect(result).toEqual({ ok: true });
    await reloaded;
    expect(await renamed).toBe('Stream PC');
    await vi.waitFor(() => expect(op.registry!.screens[0]).toMatchObject({ name: 'Stream PC', channel: 'stream' }));
    expect(channels).toEqual(['stream']);
    expect(await op.socket.timeout(10_000).emitWithAck('screen', { screenId: 'gone', reload: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('a registry of thousands of phones', () => {
  it('lists every stage screen, and the audience as counts plus at most 100 phones, those behind first', async () => {
    const t = await server();
    const token = await login(t.url);
    const op = operator(t, token);
    const stage = screen(t, { name: 'Big screen' }, 'stage');
    const phones = Array.from({ length: 130 }, () => screen(t));
    await vi.waitFor(() => expect(stage.state && phones.every((p) => p.state)).toBeTruthy(), { timeout: 20_000 });
    await goTo(t, token, [...TO_FIRST_REVEAL, 'g2g/place-4']);
    await vi.waitFor(() => expect(phones.every((p) => p.state!.lastRevealCueId === 'g2g/place-4')).toBe(true), { timeout: 20_000 });
    for (const p of phones.slice(0, 125)) p.socket.emit('rendered', { seq: p.state!.seq, cueId: 'g2g/place-4' });
    await vi.waitFor(() => {
      expect(op.registry!.audience).toEqual({ total: 130, renderedLastReveal: 125, listed: 100, byChannel: { hall: 130 } });
      expect(op.registry!.screens.filter((s) => s.role === 'audience')).toHaveLength(100);
      expect(op.registry!.screens.some((s) => s.name === 'Big screen')).toBe(true);
      // The five phones that have not shown the reveal are among those listed (the console sorts them first).
      const listed = new Set(op.registry!.screens.map((s) => s.id));
      expect(phones.slice(125).every((p) => listed.has(p.socket.id!))).toBe(true);
    }, { timeout: 10_000 });
  });
});

describe('reactions and weak networks', () => {
  it('rate-limits a flood from one socket without touching another, and sends aggregates', async () => {
    const t = await server();
    const flooder = screen(t);
    const polite = screen(t);
    await vi.waitFor(() => expect(flooder.state && polite.state).toBeTruthy());
    const updates: ReactionUpdate[] = [];
    polite.socket.on('reactions', (u) => updates.push(u));
    for (let i = 0; i < 200; i++) flooder.socket.emit('react', 'applause');
    for (let i = 0; i < 3; i++) polite.socket.emit('react', 'heart');
    polite.socket.emit('react', 'nonsense' as never);
    await vi.waitFor(() => expect(updates.at(-1)?.totals.heart).toBe(3));
    const applause = updates.at(-1)!.totals.applause;
    expect(applause).toBeGreaterThanOrEqual(10);
    expect(applause).toBeLessThan(20); // a burst of 10, then 4 a second
    expect(updates.length).toBeLessThan(10); // aggregated, not one message per tap
  });

  it('works over HTTP long-polling when WebSockets are blocked', async () => {
    const t = await server();
    const token = await login(t.url);
    const s = screen(t, { transports: ['polling'] });
    await vi.waitFor(() => expect(s.state).not.toBeNull());
    expect(s.socket.io.engine.transport.name).toBe('polling');
    await goTo(t, token, [...TO_FIRST_REVEAL, 'g2g/place-4']);
    await vi.waitFor(() => expect(s.state!.results.g2g?.[0]?.entries[0]?.recipient.name.fa).toBe(FOURTH));
    expect((await getState(t.url, SEED)).seq).toBe(5);
  });
});
