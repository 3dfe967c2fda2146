import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { PodiumApi } from '../../client/lib/api';
import { Locale } from '../../client/lib/locale.svelte';
import { OperatorConnection, type OperatorSocket } from '../../client/lib/operator-connection';
import { OperatorConsole } from '../../client/lib/operator-console.svelte';
import OperatorPage from '../../client/pages/OperatorPage.svelte';
import type { CommandResult } from '../../shared/protocol';
import { TestRun } from './fixtures';

type Handler = (...args: unknown[]) => void;

interface Buffered {
  data: [string, unknown];
  deliver(): void;
  fail(error: Error): void;
}

/**
 * A socket.io socket stand-in: the test decides what each command's ack is (or that it is lost).
 * It buffers as Socket.IO does: an emit while disconnected (or while a heartbeat is overdue) waits
 * in `sendBuffer` and goes out on the next connect; on disconnect, the acks of packets already
 * sent fail at once, those still buffered wait.
 */
class FakeOperatorSocket {
  readonly handlers = new Map<string, Handler[]>();
  readonly commands: unknown[] = [];
  readonly emitted: [string, unknown][] = [];
  active = true;
  connected = false;
  /** The Manager: the console listens to its heartbeat (`ping`). */
  readonly io = {
    handlers: [] as (() => void)[],
    on(_event: 'ping', handler: () => void) {
      this.handlers.push(handler);
      return this;
    },
    off(_event: 'ping', handler: () => void) {
      this.handlers = this.handlers.filter((h) => h !== handler);
      return this;
    },
  };
  /** The heartbeat is overdue: `connected` is still true, but Socket.IO buffers emits. */
  pingExpired = false;
  sendBuffer: Buffered[] = [];
  /** Packets whose ack has not come: still buffered, or sent and lost. */
  readonly #awaiting = new Set<Buffered>();
  constructor(private readonly answer: (command: unknown, attempt: number) => CommandResult | 'lost') {}
  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  emit(event: string, payload: unknown) {
    this.emitted.push([event, payload]);
    return this;
  }
  timeout() {
    return {
      emitWithAck: (event: string, command: unknown) =>
        new Promise<CommandResult>((resolve, reject) => {
          const packet: Buffered = {
            data: [event, command],
            deliver: () => {
              this.commands.push(command);
              const result = this.answer(command, this.commands.length);
              if (result === 'lost') return;
              this.#awaiting.delete(packet);
              resolve(result);
            },
            fail: (error) => reject(error),
          };
          this.#awaiting.add(packet);
          if (this.connected && !this.pingExpired) packet.deliver();
          else this.sendBuffer.push(packet);
        }),
    };
  }
  disconnect() {
    return this;
  }
  connect() {
    return this;
  }
  removeAllListeners() {
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    if (event === 'connect') {
      this.connected = true;
      this.pingExpired = false;
    }
    if (event === 'disconnect') this.connected = false;
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
    if (event === 'connect') {
      const buffered = this.sendBuffer;
      this.sendBuffer = [];
      for (const packet of buffered) packet.deliver();
    }
    if (event === 'disconnect') {
      // As Socket.IO's _clearAcks: what is no longer buffered will never be answered.
      for (const packet of [...this.#awaiting]) {
        if (this.sendBuffer.includes(packet)) continue;
        this.#awaiting.delete(packet);
        packet.fail(new Error('socket has been disconnected'));
      }
    }
  }
}

const api = {
  session: async () => ({ authenticated: true }),
  listCeremonies: async () => [{ id: 'egov-award-1399', title: { fa: 'x' }, date: '2021-02-23', timeZone: 'Asia/Tehran' }],
} as unknown as PodiumApi;

/** Timers the test moves by hand. */
function manualTimers() {
  let now = 0;
  let handles = 0;
  const timers: { at: number; fn: () => void; handle: number }[] = [];
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      timers.push({ at: now + ms, fn, handle: ++handles });
      return handles;
    },
    clearTimer: (handle: unknown) => {
      const i = timers.findIndex((t) => t.handle === handle);
      if (i >= 0) timers.splice(i, 1);
    },
    advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.fn();
      }
    },
  };
}

async function setup(answer: (command: unknown, attempt: number) => CommandResult | 'lost', heartbeatTimers?: ReturnType<typeof manualTimers>) {
  const run = new TestRun();
  let socket!: FakeOperatorSocket;
  const operator = new OperatorConsole({
    api,
    ceremonyId: null,
    newCommandId: () => 'press-1',
    createConnection: (options) =>
      new OperatorConnection({
        ...options,
        createSocket: () => (socket = new FakeOperatorSocket(answer)) as unknown as OperatorSocket,
        ...(heartbeatTimers ? { heartbeatTimers } : {}),
      }),
  });
  await operator.start();
  socket.fire('connect');
  socket.fire('snapshot', { state: run.state, previews: run.previews, recent: [] });
  return { run, operator, socket: () => socket };
}

describe('OperatorConsole', () => {
  it('[S17] sends GO for the cue it shows as next, with the definition version of its preview, and applies the events of the ack', async () => {
    const run = new TestRun();
    const [event] = run.go();
    const { operator, socket } = await setup(() => ({ ok: true, seq: 1, events: [event!] }));

    await operator.go();
    expect(socket().commands).toEqual([{ type: 'go', commandId: 'press-1', expectedCue: 'opening', version: 1 }]);
    expect(operator.state!.currentCueId).toBe('opening');
    expect(operator.view!.recent).toHaveLength(1);
    expect(operator.next!.id).toBe('guest-of-honour');
  });

  it('[S27] a lost answer is not re-sent: the console says the outcome is unknown and re-syncs', async () => {
    const { operator, socket } = await setup(() => 'lost');

    const pressed = operator.go();
    socket().fire('disconnect');
    await pressed;
    socket().fire('connect');
    expect(socket().commands).toHaveLength(1);
    expect(operator.refusal).toMatchObject({ command: 'go', error: { code: 'no_ack' } });
    expect(operator.pending).toBeNull();
    expect(socket().emitted).toContainEqual(['sync', { lastSeq: 0 }]);
  });

  it('[S27] a GO pressed while disconnected is not sent and says so, and it is not sent after the reconnect either', async () => {
    const run = new TestRun();
    const [event] = run.go();
    const { operator, socket } = await setup(() => ({ ok: true, seq: 1, events: [event!] }));
    socket().fire('disconnect');

    const pressed = operator.go();
    socket().fire('connect');
    await pressed;
    expect(socket().commands).toEqual([]);
    expect(operator.refusal).toMatchObject({ command: 'go', error: { code: 'not_sent' } });
    expect(operator.state!.currentCueId).toBeNull();
  });

  it('[S27] a GO emitted as the link dies (heartbeat overdue) is dropped at the disconnect, never sent after the reconnect', async () => {
    const run = new TestRun();
    const [event] = run.go();
    const { operator, socket } = await setup(() => ({ ok: true, seq: 1, events: [event!] }));
    socket().pingExpired = true;

    const pressed = operator.go();
    socket().fire('disconnect');
    await pressed;
    socket().fire('connect');
    expect(socket().commands).toEqual([]);
    expect(operator.refusal).toMatchObject({ command: 'go', error: { code: 'no_ack' } });
  });

  it('[S27][S28] while the server\'s heartbeat is late the console says reconnecting and a GO is not sent; a ping brings it back', async () => {
    const run = new TestRun();
    const [event] = run.go();
    const timers = manualTimers();
    const { operator, socket } = await setup(() => ({ ok: true, seq: 1, events: [event!] }), timers);
    const ping = () => socket().io.handlers.forEach((handler) => handler());
    timers.advance(5_000);
    ping();
    expect(operator.connection).toBe('live');

    timers.advance(6_600);
    expect(operator.connection).toBe('reconnecting');
    await operator.go();
    expect(socket().commands).toEqual([]);
    expect(operator.refusal).toMatchObject({ command: 'go', error: { code: 'not_sent' } });

    ping();
    expect(operator.connection).toBe('live');
    await operator.go();
    expect(socket().commands).toHaveLength(1);
  });

  it('shows a refused GO with the cue that is next now, and catches up', async () => {
    const { operator, socket } = await setup(() => ({
      ok: false,
      error: { code: 'cue_mismatch', message: 'GO was for "opening", but the next cue is now "guest-of-honour".', nextCueId: 'guest-of-honour' },
    }));

    await operator.go();
    expect(operator.refusal).toMatchObject({ command: 'go', error: { code: 'cue_mismatch', nextCueId: 'guest-of-honour' } });
    expect(socket().emitted).toContainEqual(['sync', { lastSeq: 0 }]);
  });

  it('cannot GO while on hold', async () => {
    const run = new TestRun();
    const { operator, socket } = await setup(() => ({ ok: true, seq: 1, events: [] }));
    socket().fire('event', run.command({ type: 'hold' })[0]);

    expect(operator.state!.hold).not.toBeNull();
    expect(operator.canGo).toBe(false);
    await operator.go();
    expect(socket().commands).toEqual([]);
  });

  it('asks to sign in when the socket is refused as unauthorized', async () => {
    const { operator, socket } = await setup(() => ({ ok: true, seq: 1, events: [] }));
    socket().fire('connect_error', new Error('unauthorized'));
    expect(operator.phase).toBe('signed_out');
  });
});

describe('Operator page: retract', () => {
  it('is really disabled while nothing has been revealed (R opens nothing), and enabled after a reveal', async () => {
    const pageApi = Object.assign(Object.create(PodiumApi.prototype) as PodiumApi, api, {
      runs: async () => [],
      links: async () => ({ audience: 'a', stage: 's', overlay: 'o' }),
      delegates: async () => [],
      replayRooms: async () => [],
      archiveLinks: new PodiumApi().archiveLinks,
      qrCodeUrl: () => '',
    });
    const run = new TestRun();
    let socket!: FakeOperatorSocket;
    const operator = new OperatorConsole({
      api: pageApi,
      ceremonyId: null,
      createConnection: (options) => new OperatorConnection({ ...options, createSocket: () => (socket = new FakeOperatorSocket(() => 'lost')) as unknown as OperatorSocket }),
    });
    render(OperatorPage, { console: operator, locale: new Locale({ storage: null, root: null }) });
    await operator.start();
    run.goThrough('g2g/intro');
    socket.fire('snapshot', { state: run.state, previews: run.previews, recent: [] });

    const retract = (await screen.findByRole('button', { name: /پس گرفتن آخرین اعلام/ })) as HTMLButtonElement;
    expect(retract.disabled).toBe(true);
    await fireEvent.keyDown(window, { key: 'r' });
    expect(document.querySelector('dialog[open]')).toBeNull();

    run.go();
    socket.fire('snapshot', { state: run.state, previews: run.previews, recent: [] });
    await vi.waitFor(() => expect(retract.disabled).toBe(false));
  });
});
