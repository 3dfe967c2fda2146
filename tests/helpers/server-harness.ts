import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import { startPodium, type PodiumServer } from '../../server/app';
import { configFromEnv } from '../../server/config';
import type { CeremonyEvent, PublicEvent } from '../../shared/events';
import type { OperatorView } from '../../shared/projection';
import { applyRegistryMessage } from '../../shared/registry-diff';
import type { CommandResult, OperatorToServerEvents, ScreenAuth, RegistryMessage, RegistryUpdate, ServerToOperatorEvents, ServerToScreenEvents, ScreenToServerEvents } from '../../shared/protocol';
import type { ScreenRole } from '../../shared/roles';
import { evolve, type CeremonyState } from '../../shared/state';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const PASSCODE = 'test-passcode-1234';

export interface TestServer {
  server: PodiumServer;
  url: string;
  dataDir: string;
  /** Every log line the server wrote. */
  logs: string[];
  stop(): Promise<void>;
}

/** A real Podium server on an ephemeral port with a temporary DATA_DIR (or the given one). */
export async function startTestServer(options: { dataDir?: string; env?: Record<string, string>; now?: () => number } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'podium-test-'));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, OPERATOR_PASSCODE: PASSCODE, ...options.env }, ROOT);
  const server = await startPodium({ config, distDir: path.join(ROOT, 'dist'), logger: pino({ level: 'debug' }, sink), ...(options.now ? { now: options.now } : {}) });
  return { server, url: server.url, dataDir, logs, stop: () => server.close() };
}

export async function login(url: string, passcode = PASSCODE): Promise<string> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passcode }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function postCommand(url: string, token: string, ceremonyId: string, command: unknown) {
  const res = await fetch(`${url}/api/ceremonies/${ceremonyId}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(command),
  });
  return { status: res.status, body: (await res.json()) as any };
}

export async function getState(url: string, ceremonyId: string, token?: string) {
  const res = await fetch(`${url}/api/ceremonies/${ceremonyId}/state`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return (await res.json()) as any;
}

/**
 * A public screen as the client runs it: applies events in seq order with `evolve`, asks for
 * missed ones, and records every raw frame it receives and every duplicate or gap it sees.
 */
export class TestScreen {
  readonly socket: Socket<ServerToScreenEvents, ScreenToServerEvents>;
  state: CeremonyState | null = null;
  readonly frames: string[] = [];
  /** When each frame arrived (Date.now()), beside its text. */
  readonly arrivals: { at: number; data: string }[] = [];
  readonly applied: number[] = [];
  duplicates = 0;
  snapshots = 0;

  constructor(
    url: string,
    ceremonyId: string,
    role: ScreenRole = 'audience',
    opts: { lastSeq?: () => number | undefined; runId?: string; runKey?: string; screenKey?: string; channel?: string; name?: string; delegate?: ScreenAuth['delegate']; transports?: ('websocket' | 'polling')[] } = {},
  ) {
    const extra = { ...(opts.runId ? { runId: opts.runId } : {}), ...(opts.runKey ? { runKey: opts.runKey } : {}), ...(opts.screenKey ? { screenKey: opts.screenKey } : {}), ...(opts.channel ? { channel: opts.channel } : {}), ...(opts.name ? { name: opts.name } : {}), ...(opts.delegate ? { delegate: opts.delegate } : {}) };
    this.socket = io(url, {
      transports: opts.transports ?? ['websocket'],
      forceNew: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
      auth: (cb) => cb({ ceremonyId, role, ...extra, ...(this.state ? { lastSeq: this.state.seq } : opts.lastSeq?.() !== undefined ? { lastSeq: opts.lastSeq() } : {}) }),
    });
    this.socket.io.on('open', () =>
      this.socket.io.engine.on('message', (data) => {
        this.frames.push(String(data));
        this.arrivals.push({ at: Date.now(), data: String(data) });
      }),
    );
    this.socket.on('snapshot', (state) => {
      this.snapshots += 1;
      this.state = state;
    });
    this.socket.on('event', (event: PublicEvent) => {
      if (!this.state || event.seq <= this.state.seq) {
        this.duplicates += 1;
        return;
      }
      if (event.seq !== this.state.seq + 1) {
        this.socket.emit('sync', { lastSeq: this.state.seq });
        return;
      }
      this.state = evolve(this.state, event);
      this.applied.push(event.seq);
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** An operator console over Socket.IO. */
export class TestOperator {
  readonly socket: Socket<ServerToOperatorEvents, OperatorToServerEvents>;
  view: OperatorView | null = null;
  readonly events: CeremonyEvent[] = [];
  registry: RegistryUpdate | null = null;
  /** Every registry message as it came: full lists and diffs. */
  readonly registryMessages: RegistryMessage[] = [];

  constructor(url: string, ceremonyId: string, token: string) {
    this.socket = io(`${url}/operator`, { transports: ['websocket'], forceNew: true, auth: { ceremonyId, token } });
    this.socket.on('snapshot', (view) => (this.view = view));
    this.socket.on('registry', (message) => {
      this.registryMessages.push(message);
      this.registry = applyRegistryMessage(this.registry, message);
    });
    this.socket.on('event', (event) => {
      this.events.push(event);
      if (this.view && event.seq === this.view.state.seq + 1) this.view = { ...this.view, state: evolve(this.view.state, event) };
    });
  }

  command(command: unknown): Promise<CommandResult> {
    return this.socket.timeout(5000).emitWithAck('command', command);
  }

  close(): void {
    this.socket.disconnect();
  }
}

export function connected(socket: Socket<any, any>): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err: Error) => reject(err));
  });
}
