import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CeremonyFeed } from '../../client/lib/ceremony-feed.svelte';
import { ScreenConnection, type ScreenConnectionOptions, type ScreenSocket } from '../../client/lib/screen-connection';
import { CLOCK_SAMPLES_PER_SYNC } from '../../shared/clock-sync';
import { toPublicEvent, type CeremonyEvent, type PublicEvent } from '../../shared/events';
import { FakeScreenSocket } from './fake-screen-socket';
import { TestRun } from './fixtures';

/** A screen's socket whose server clock runs `serverAhead` ms ahead of the screen's. */
class ClockedSocket extends FakeScreenSocket {
  constructor(
    options: { auth: (cb: (data: object) => void) => void },
    readonly serverAhead: number,
  ) {
    super(options);
  }
  override timeout() {
    return { emitWithAck: async (_event: 'clock', sentAt: number) => sentAt + this.serverAhead };
  }
}

const NOW = Date.UTC(2021, 1, 23, 6, 30);

function setup(extra: Partial<ScreenConnectionOptions> = {}, serverAhead = 0) {
  const feed = new CeremonyFeed();
  let socket!: ClockedSocket;
  const connection = new ScreenConnection(feed, {
    ceremonyId: 'egov-award-1399',
    role: 'audience',
    now: () => Date.now(),
    afterRender: () => Promise.resolve(),
    createSocket: (options) => (socket = new ClockedSocket(options as never, serverAhead)) as unknown as ScreenSocket,
    ...extra,
  });
  connection.connect();
  return { feed, socket, connection };
}

/** The run's events as the server sends them: shown `lead` ms after now. */
function scheduled(events: CeremonyEvent[], showAt: number): PublicEvent[] {
  return events.map((e) => ({ ...toPublicEvent(e), showAt }));
}

describe('ScreenConnection: scheduled display', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('syncs its clock on connect and reports the estimate with hello', async () => {
    const { socket, feed } = setup({ name: 'Hall left' }, 4_000);
    socket.fire('connect');
    await vi.advanceTimersByTimeAsync(0);
    expect(feed.clock).toEqual({ offsetMs: 4_000, rttMs: 0, samples: CLOCK_SAMPLES_PER_SYNC });
    expect(socket.sent('hello')).toEqual([{ name: 'Hall left', offsetMs: 4_000, rttMs: 0, nudgeMs: 0 }]);
    expect(socket.auth()).toEqual({ ceremonyId: 'egov-award-1399', role: 'audience', name: 'Hall left' });
  });

  it('re-syncs every minute and after a reconnect, saying its name once per connection (an operator may rename it)', async () => {
    const { socket } = setup({ name: 'Hall left' }, 10);
    socket.fire('connect');
    await vi.advanceTimersByTimeAsync(60_000);
    socket.fire('disconnect');
    socket.fire('connect');
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sent('hello').map((h) => (h as { name?: string }).name)).toEqual(['Hall left', undefined, 'Hall left']);
  });

  it('holds a reveal until its moment by the server clock, then acknowledges it once rendered', async () => {
    const run = new TestRun();
    const { socket, feed } = setup({}, 2_000);
    socket.fire('connect');
    await vi.advanceTimersByTimeAsync(0);
    const start = run.goUntilNext('g2g/place-4');
    socket.fire('snapshot', start);
    const [reveal] = scheduled(run.go(), NOW + 2_000 + 500);
    socket.fire('event', reveal);
    expect(feed.state!.seq).toBe(start.seq);
    await vi.advanceTimersByTimeAsync(499);
    expect(feed.state!.seq).toBe(start.seq);
    await vi.advanceTimersByTimeAsync(1);
    expect(feed.state!.lastRevealCueId).toBe('g2g/place-4');
    expect(socket.sent('rendered')).toEqual([{ seq: reveal!.seq, cueId: 'g2g/place-4' }]);
  });

  it('adds its channel delay and the viewer nudge, and reconnects on the channel the server gave', async () => {
    const run = new TestRun();
    const remembered: unknown[] = [];
    const { socket, feed, connection } = setup({ channel: 'hall', onPreferences: (p) => remembered.push(p) });
    socket.fire('snapshot', run.goUntilNext('g2g/place-4'));
    socket.fire('channel', { id: 'stream', name: { en: 'Live stream' }, delayMs: 20_000 });
    connection.setNudge(5_000);
    expect(remembered).toEqual([{ nudgeMs: 5_000 }]);
    const [reveal] = scheduled(run.go(), NOW + 300);
    socket.fire('event', reveal);
    await vi.advanceTimersByTimeAsync(25_299);
    expect(feed.state!.lastRevealCueId).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(feed.state!.lastRevealCueId).toBe('g2g/place-4');
    expect(socket.auth()).toMatchObject({ channel: 'stream', lastSeq: reveal!.seq });
  });

  it('resumes from the last seq received, even one still waiting for its moment', () => {
    const run = new TestRun();
    const { socket, feed } = setup();
    socket.fire('snapshot', run.state);
    const events = scheduled([...run.go(), ...run.go()], NOW + 1_000);
    for (const e of events) socket.fire('event', e);
    expect(feed.state!.seq).toBe(0);
    expect(socket.auth()).toMatchObject({ lastSeq: 2 });
    // The server replays after a reconnect: nothing is shown twice, nothing is asked again.
    for (const e of events) socket.fire('event', e);
    expect(socket.sent('sync')).toEqual([]);
  });

  it('asks once for a gap, counting events that wait', () => {
    const run = new TestRun();
    const { socket } = setup();
    socket.fire('snapshot', run.state);
    const events = scheduled([...run.go(), ...run.go(), ...run.go()], NOW + 1_000);
    socket.fire('event', events[0]);
    socket.fire('event', events[2]);
    socket.fire('event', events[2]);
    expect(socket.sent('sync')).toEqual([{ lastSeq: 1 }]);
  });

  it('acknowledges the reveal a snapshot puts on screen', async () => {
    const run = new TestRun();
    run.goThrough('g2g/place-4');
    const { socket } = setup();
    socket.fire('snapshot', run.state);
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sent('rendered')).toEqual([{ seq: run.state.seq, cueId: 'g2g/place-4' }]);
  });

  it('a delegate sends its organization, key and location; a change of location is said at once', () => {
    const { socket, feed, connection } = setup({ role: 'delegate', delegate: { organizationId: 'org-7', key: 'k1' } });
    expect(socket.auth()).toMatchObject({ role: 'delegate', delegate: { organizationId: 'org-7', key: 'k1', location: 'remote' } });
    socket.fire('connect');
    connection.setLocation('hall');
    expect(feed.location).toBe('hall');
    expect(socket.sent('hello')).toEqual([{ location: 'hall', nudgeMs: 0 }]);
    expect(socket.auth()).toMatchObject({ delegate: { location: 'hall' } });
  });

  it('follows the operator: navigate and reload', () => {
    const views: string[] = [];
    let reloads = 0;
    const { socket } = setup({ onNavigate: (view) => views.push(view), onReload: () => reloads++ });
    socket.fire('navigate', { view: 'stage' });
    socket.fire('reload');
    expect(views).toEqual(['stage']);
    expect(reloads).toBe(1);
  });

  it('[S21] a stage sends its link’s key in the handshake, and a navigate passes the new view’s key on', () => {
    const keys: (string | undefined)[] = [];
    const { socket } = setup({ role: 'stage', screenKey: 'k-stage', onNavigate: (_view, key) => keys.push(key) });
    expect(socket.auth()).toMatchObject({ role: 'stage', screenKey: 'k-stage' });
    socket.fire('navigate', { view: 'overlay', screenKey: 'k-overlay' });
    expect(keys).toEqual(['k-overlay']);
    expect(setup({ screenKey: 'ignored' }).socket.auth()).not.toHaveProperty('screenKey');
  });

  it('sends reactions while connected, a few a second at most', () => {
    const { socket, connection } = setup();
    connection.react('applause');
    expect(socket.sent('react')).toEqual([]);
    socket.fire('connect');
    connection.react('applause');
    connection.react('applause');
    vi.advanceTimersByTime(200);
    connection.react('heart');
    expect(socket.sent('react')).toEqual(['applause', 'heart']);
  });
});
