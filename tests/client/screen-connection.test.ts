import { describe, expect, it } from 'vitest';
import { CeremonyFeed } from '../../client/lib/ceremony-feed.svelte';
import { ScreenConnection, type ScreenSocket } from '../../client/lib/screen-connection';
import { toPublicEvent } from '../../shared/events';
import { FakeScreenSocket } from './fake-screen-socket';
import { TestRun } from './fixtures';


function setup() {
  const feed = new CeremonyFeed();
  let socket!: FakeScreenSocket;
  const connection = new ScreenConnection(feed, {
    ceremonyId: 'egov-award-1399',
    role: 'audience',
    createSocket: (options) => (socket = new FakeScreenSocket(options as never)) as unknown as ScreenSocket,
  });
  connection.connect();
  return { feed, socket };
}

describe('ScreenConnection', () => {
  it('asks for a snapshot first, then resumes from the last applied seq on reconnect', () => {
    const run = new TestRun();
    const { feed, socket } = setup();
    expect(socket.auth()).toEqual({ ceremonyId: 'egov-award-1399', role: 'audience' });

    socket.fire('snapshot', run.state);
    const [event] = run.go();
    socket.fire('event', toPublicEvent(event!));
    expect(feed.state!.seq).toBe(1);
    expect(socket.auth()).toEqual({ ceremonyId: 'egov-award-1399', role: 'audience', lastSeq: 1 });
  });

  it('applies the next event, ignores one already applied, and asks once for the events of a gap', () => {
    const run = new TestRun();
    const { feed, socket } = setup();
    socket.fire('snapshot', run.state);
    const events = [...run.go(), ...run.go(), ...run.go(), ...run.go()].map(toPublicEvent);

    socket.fire('event', events[0]);
    socket.fire('event', events[0]);
    expect(feed.state!.seq).toBe(1);
    expect(socket.emitted).toEqual([]);

    socket.fire('event', events[2]);
    socket.fire('event', events[3]);
    expect(feed.state!.seq).toBe(1);
    expect(socket.emitted).toEqual([['sync', { lastSeq: 1 }]]);

    for (const event of events.slice(1)) socket.fire('event', event);
    expect(feed.state).toEqual(run.state);
  });

  it('shows reconnecting while the link is down and live once it is back', () => {
    const { feed, socket } = setup();
    socket.fire('connect');
    expect(feed.connection).toBe('live');
    socket.fire('disconnect', 'transport close');
    expect(feed.connection).toBe('reconnecting');
    socket.fire('connect');
    expect(feed.connection).toBe('live');
  });

  it('[S28] says the link is lost once the server\'s heartbeat is late (interval + 1.5 s), before Socket.IO gives up, and live when it comes back', () => {
    let now = 0;
    let handles = 0;
    const timers: { at: number; fn: () => void; handle: number }[] = [];
    const advance = (ms: number) => {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.fn();
      }
    };
    const feed = new CeremonyFeed();
    let socket!: FakeScreenSocket;
    new ScreenConnection(feed, {
      ceremonyId: 'egov-award-1399',
      role: 'audience',
      createSocket: (options) => (socket = new FakeScreenSocket(options as never)) as unknown as ScreenSocket,
      now: () => now,
      setTimer: (fn, ms) => {
        timers.push({ at: now + ms, fn, handle: ++handles });
        return handles;
      },
      clearTimer: (handle) => {
        const i = timers.findIndex((t) => t.handle === handle);
        if (i >= 0) timers.splice(i, 1);
      },
    }).connect();
    socket.fire('connect');
    advance(5_000);
    socket.beat();
    advance(5_000);
    socket.beat();
    expect(feed.connection).toBe('live');
    advance(6_400);
    expect(feed.connection).toBe('live');
    advance(200);
    expect(feed.connection).toBe('reconnecting');
    socket.beat();
    expect(feed.connection).toBe('live');
  });

  it('reports a refusal it will not retry, such as an unknown ceremony', () => {
    const { feed, socket } = setup();
    socket.active = false;
    socket.fire('connect_error', Object.assign(new Error('unknown_ceremony'), { data: { code: 'unknown_ceremony', message: 'No ceremony "x".' } }));
    expect(feed.connection).toBe('refused');
    expect(feed.failure).toEqual({ code: 'unknown_ceremony', message: 'No ceremony "x".' });
  });
});
