import { io } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextCue } from '../../shared/state';
import { connected, getState, login, postCommand, startTestServer, TestOperator, TestScreen, type TestServer } from '../helpers/server-harness';
import { seedCeremony } from '../helpers/ceremony-harness';

const SEED = 'egov-award-1399';
const AGENCIES = seedCeremony().categories[0]!;
const names = AGENCIES.kind === 'ranked' ? AGENCIES.results.map((r) => ({ place: r.place, fa: r.recipient.name.fa!, en: r.recipient.name.en! })) : [];

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
function screen(t: TestServer, role: 'audience' | 'stage' | 'overlay' = 'audience') {
  const s = new TestScreen(t.url, SEED, role, role === 'audience' ? {} : { screenKey: t.server.auth.screenKey(SEED, role) });
  sockets.push(s);
  return s;
}
function operator(t: TestServer, token: string) {
  const o = new TestOperator(t.url, SEED, token);
  sockets.push(o);
  return o;
}

describe('a whole seed ceremony over real sockets', () => {
  it('[S3][S10] reveals G2G 4th → 1st; no audience frame ever carried a name before its reveal', async () => {
    const t = await server();
    const token = await login(t.url);
    const op = operator(t, token);
    const screens = [screen(t), screen(t, 'stage'), screen(t, 'overlay')];
    await vi.waitFor(() => expect(op.view && screens.every((s) => s.state)).toBeTruthy());

    const revealedOrder: number[] = [];
    while (op.view && nextCue(op.view.state)) {
      const cue = nextCue(op.view.state)!;
      const before = screens[0]!.frames.length;
      // Before this reveal: no frame so far may hold a name still unrevealed, as a JSON string
      // value (the guest of honour's role names the 4th-placed organization inside a longer text).
      const unrevealed = names.filter((n) => !revealedOrder.includes(n.place));
      for (const s of screens) {
        for (const frame of s.frames) for (const n of unrevealed) for (const name of [n.fa, n.en]) expect(frame).not.toContain(JSON.stringify(name));
      }
      const result = await op.command({ type: 'go', commandId: `go-${cue.id}`, expectedCue: cue.id });
      expect(result.ok).toBe(true);
      if (cue.slot?.kind === 'place') revealedOrder.push(cue.slot.place);
      await vi.waitFor(() => {
        expect(op.view!.state.seq).toBe(result.ok && result.seq);
        for (const s of screens) expect(s.state!.seq).toBe(op.view!.state.seq);
      });
      expect(screens[0]!.frames.length).toBeGreaterThan(before);
    }
    expect(revealedOrder).toEqual([4, 3, 2, 1]);
    // The same check does see a name once it is revealed.
    expect(screens[0]!.frames.join('\n')).toContain(JSON.stringify(names[0]!.fa));

    const final = await getState(t.url, SEED);
    expect(final.categories[0].results.map((r: any) => [r.place, r.recipient.name.fa, r.recipient.name.en])).toEqual(
      [...names].sort((a, b) => a.place - b.place).map((n) => [n.place, n.fa, n.en]),
    );
    for (const s of screens) {
      expect(s.duplicates).toBe(0);
      expect(s.applied).toEqual(s.applied.map((_, i) => i + 1));
    }
  });

  it('[S1] two operators racing the same GO: exactly one applies, the other gets cue_mismatch', async () => {
    const t = await server();
    const token = await login(t.url);
    const a = operator(t, token);
    const b = operator(t, token);
    await Promise.all([connected(a.socket), connected(b.socket)]);
    const [ra, rb] = await Promise.all([
      a.command({ type: 'go', commandId: 'a-1', expectedCue: 'opening' }),
      b.command({ type: 'go', commandId: 'b-1', expectedCue: 'opening' }),
    ]);
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1);
    const loser = ra.ok ? rb : ra;
    expect(!loser.ok && loser.error).toMatchObject({ code: 'cue_mismatch', nextCueId: 'guest-of-honour' });
    expect((await getState(t.url, SEED)).seq).toBe(1);
  });

  it('[S2] a duplicated commandId over the socket is applied once and answered with the first result', async () => {
    const t = await server();
    const op = operator(t, await login(t.url));
    await connected(op.socket);
    const first = await op.command({ type: 'go', commandId: 'same', expectedCue: 'opening' });
    const second = await op.command({ type: 'go', commandId: 'same', expectedCue: 'opening' });
    expect(second).toEqual(first);
    expect((await getState(t.url, SEED)).seq).toBe(1);
  });

  it('[S7] a screen that reconnects with lastSeq receives exactly the events it missed, in order', async () => {
    const t = await server();
    const token = await login(t.url);
    const s = screen(t);
    await vi.waitFor(() => expect(s.state).not.toBeNull());
    await postCommand(t.url, token, SEED, { type: 'go', expectedCue: 'opening' });
    await vi.waitFor(() => expect(s.state!.seq).toBe(1));
    s.socket.disconnect();
    await postCommand(t.url, token, SEED, { type: 'go', expectedCue: 'guest-of-honour' });
    await postCommand(t.url, token, SEED, { type: 'announce', text: { en: 'missed' } });
    s.socket.connect();
    await vi.waitFor(() => expect(s.state!.seq).toBe(3));
    expect(s.applied).toEqual([1, 2, 3]);
    expect(s.snapshots).toBe(1);
    expect(s.duplicates).toBe(0);
    expect(s.state!.announcements.map((a) => a.text.en)).toEqual(['missed']);
  });

  it('a late joiner sees everything revealed so far at once', async () => {
    const t = await server();
    const token = await login(t.url);
    for (const cue of ['opening', 'guest-of-honour', 'about-the-award', 'g2g/intro', 'g2g/place-4', 'g2g/place-3']) {
      expect((await postCommand(t.url, token, SEED, { type: 'go', expectedCue: cue })).status).toBe(200);
    }
    const late = screen(t);
    await vi.waitFor(() => expect(late.state?.seq).toBe(6));
    expect(late.state!.results.g2g!.map((r) => r.entries[0]!.recipient.name.fa)).toEqual(['سازمان اداری و استخدامی کشور', 'مرکز توسعه تجارت الکترونیکی']);
    expect(late.state!.currentCueId).toBe('g2g/place-3');
    expect(JSON.stringify(late.frames)).not.toContain('دفتر هیئت دولت جمهوری اسلامی');
  });

  it('[S6] restart mid-ceremony: the run resumes where it was and screens catch up without a reload', async () => {
    const first = await server();
    const token = await login(first.url);
    for (const cue of ['opening', 'guest-of-honour', 'about-the-award', 'g2g/intro', 'g2g/place-4']) await postCommand(first.url, token, SEED, { type: 'go', expectedCue: cue });
    const port = first.server.port;
    const s = new TestScreen(first.url, SEED);
    sockets.push(s);
    await vi.waitFor(() => expect(s.state?.seq).toBe(5));
    await first.stop();
    open.splice(open.indexOf(first), 1);

    const second = await startTestServer({ dataDir: first.dataDir, env: { PORT: String(port) } });
    open.push(second);
    expect((await getState(second.url, SEED)).seq).toBe(5);
    // The token survives the restart: sessions are signed with a key kept in DATA_DIR.
    const go = await postCommand(second.url, token, SEED, { type: 'go', expectedCue: 'g2g/place-3' });
    expect(go.body.seq).toBe(6);
    await vi.waitFor(() => expect(s.state?.seq).toBe(6));
    expect(s.applied).toEqual([6]);
    expect(s.duplicates).toBe(0);
    expect(s.state!.results.g2g!.map((r) => r.slot)).toEqual([
      { kind: 'place', place: 4 },
      { kind: 'place', place: 3 },
    ]);
  });
});

describe('socket safety', () => {
  it('[S11] an operator socket without a valid token is refused; so is a browser from a foreign origin', async () => {
    const t = await server();
    const bad = io(`${t.url}/operator`, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { ceremonyId: SEED, token: 'forged.sig' } });
    sockets.push({ close: () => bad.disconnect() });
    await expect(connected(bad)).rejects.toThrow('unauthorized');
    const foreign = io(t.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { origin: 'https://evil.example' }, auth: { ceremonyId: SEED } });
    sockets.push({ close: () => foreign.disconnect() });
    await expect(connected(foreign)).rejects.toThrow();
    const unknown = io(t.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { ceremonyId: 'nope' } });
    sockets.push({ close: () => unknown.disconnect() });
    await expect(connected(unknown)).rejects.toThrow('unknown_ceremony');
  });

  it('a malformed packet closes only that socket; the server and other screens go on', async () => {
    const t = await server();
    const good = screen(t);
    const rogue = screen(t);
    await vi.waitFor(() => expect(good.state && rogue.state).toBeTruthy());
    const closed = new Promise((resolve) => rogue.socket.io.engine.once('close', resolve));
    rogue.socket.io.engine.write('2{"not": valid json');
    await closed;
    const token = await login(t.url);
    await postCommand(t.url, token, SEED, { type: 'go', expectedCue: 'opening' });
    await vi.waitFor(() => expect(good.state!.seq).toBe(1));
  });

  it('a message larger than maxHttpBufferSize closes only that socket', async () => {
    const t = await server();
    const good = screen(t);
    const big = screen(t);
    await vi.waitFor(() => expect(good.state && big.state).toBeTruthy());
    const closed = new Promise((resolve) => big.socket.io.engine.once('close', resolve));
    big.socket.emit('sync', { lastSeq: 0, pad: 'x'.repeat(100_000) } as never);
    await closed;
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect(good.socket.connected).toBe(true);
  });
});
