import { describe, expect, it } from 'vitest';
import type { PodiumApi } from '../../client/lib/api';
import { OperatorConnection, type OperatorSocket } from '../../client/lib/operator-connection';
import { OperatorConsole } from '../../client/lib/operator-console.svelte';
import type { AckResult, CommandResult } from '../../shared/protocol';
import { TestRun } from './fixtures';

type Handler = (...args: unknown[]) => void;

/** Answers `command` and `screen` with what the test says; records every request. */
class FakeSocket {
  readonly handlers = new Map<string, Handler[]>();
  readonly sent: [string, unknown][] = [];
  active = true;
  connected = true;
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
  constructor(readonly answers: { command?: CommandResult; screen?: AckResult }) {}
  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  emit() {
    return this;
  }
  timeout() {
    return {
      emitWithAck: async (event: 'command' | 'screen', payload: unknown) => {
        this.sent.push([event, payload]);
        return this.answers[event];
      },
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
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
}

const links = { audience: 'http://h/c/egov-award-1399', stage: 'http://h/stage/egov-award-1399', overlay: 'http://h/overlay/egov-award-1399', operator: 'http://h/operator' };
const delegates = [{ organizationId: 'ministry-of-health', name: { en: 'Ministry of Health' }, link: 'http://h/d/egov-award-1399/ministry-of-health?k=abc' }];

async function setup(answers: { command?: CommandResult; screen?: AckResult } = {}) {
  const run = new TestRun();
  let socket!: FakeSocket;
  const api = {
    session: async () => ({ authenticated: true }),
    listCeremonies: async () => [{ id: 'egov-award-1399', title: { fa: 'x' }, date: '2021-02-23', timeZone: 'Asia/Tehran' }],
    links: async () => links,
    delegates: async () => delegates,
    qrCodeUrl: (id: string, url?: string) => `/api/ceremonies/${id}/qr.svg?url=${encodeURIComponent(url ?? '')}`,
  } as unknown as PodiumApi;
  const operator = new OperatorConsole({
    api,
    ceremonyId: null,
    newCommandId: () => 'cmd-1',
    createConnection: (options) => new OperatorConnection({ ...options, createSocket: () => (socket = new FakeSocket(answers)) as unknown as OperatorSocket }),
  });
  await operator.start();
  socket.fire('snapshot', { state: run.state, previews: run.previews, recent: [] });
  return { operator, socket: () => socket };
}

describe('OperatorConsole: remote attendance', () => {
  it('loads the screen and delegate links of the chosen ceremony', async () => {
    const { operator } = await setup();
    await operator.loadLinks();
    expect(operator.links).toEqual(links);
    expect(operator.delegates).toEqual(delegates);
    expect(operator.qrCodeUrl(delegates[0]!.link)).toBe(`/api/ceremonies/egov-award-1399/qr.svg?url=${encodeURIComponent(delegates[0]!.link)}`);
  });

  it('keeps the registry, presence, attendance and reactions per reveal the server sends', async () => {
    const { operator, socket } = await setup();
    const presence = { 'ministry-of-health': { hall: 1, remote: 0 } };
    socket().fire('registry', { kind: 'full', screens: [], presence, audience: { total: 0, renderedLastReveal: 0, listed: 0, byChannel: {} } });
    socket().fire('attendance', [{ at: 1, audience: 12, screens: 14 }]);
    socket().fire('reactions', { burst: { applause: 1, heart: 0, wow: 0 }, totals: { applause: 5, heart: 0, wow: 0 }, byCue: { 'g2g/place-4': { applause: 5, heart: 0, wow: 0 } } });
    expect(operator.presence).toEqual(presence);
    expect(operator.attendance).toHaveLength(1);
    expect(operator.reactionsByCue['g2g/place-4']!.applause).toBe(5);
  });

  it('sends screen requests and shows a refusal', async () => {
    const { operator, socket } = await setup({ screen: { ok: false, error: { code: 'invalid_message', message: 'No screen "x".' } } });
    await operator.updateScreen({ screenId: 'x', reload: true });
    expect(socket().sent).toEqual([['screen', { screenId: 'x', reload: true }]]);
    expect(operator.screenError).toEqual({ code: 'invalid_message', message: 'No screen "x".' });
  });

  it('sets a channel delay with a set_channel command', async () => {
    const { operator, socket } = await setup({ command: { ok: true, seq: 1, events: [] } });
    await operator.setChannel('stream', 20_000);
    await operator.setChannel('foyer', 0, { fa: 'سرسرا', en: 'Foyer' });
    expect(socket().sent).toEqual([
      ['command', { type: 'set_channel', commandId: 'cmd-1', channelId: 'stream', delayMs: 20_000 }],
      ['command', { type: 'set_channel', commandId: 'cmd-1', channelId: 'foyer', delayMs: 0, name: { fa: 'سرسرا', en: 'Foyer' } }],
    ]);
  });
});
