import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { ApiError, type PodiumApi } from '../../client/lib/api';
import { crewErrorText } from '../../client/lib/crew-errors';
import { formatDateTime } from '../../client/lib/crew-time';
import { OperatorConnection, type OperatorSocket } from '../../client/lib/operator-connection';
import { OperatorConsole } from '../../client/lib/operator-console.svelte';
import { refusalMessage } from '../../client/lib/refusal-message';
import { serverError, serverErrorText } from '../../client/lib/server-errors';
import LoginForm from '../../client/pages/operator/LoginForm.svelte';
import { TestRun } from './fixtures';

type Handler = (...args: unknown[]) => void;

/** Just enough of a socket for the console to connect and receive pushes. */
class PushSocket {
  readonly handlers = new Map<string, Handler[]>();
  active = true;
  connected = false;
  readonly io = { on: () => this.io, off: () => this.io };
  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  emit() {
    return this;
  }
  timeout() {
    return { emitWithAck: () => new Promise(() => undefined) };
  }
  connect() {
    return this;
  }
  disconnect() {
    return this;
  }
  removeAllListeners() {
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    if (event === 'connect') this.connected = true;
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
}

function consoleOf(role: 'presenter' | 'producer', delegates = vi.fn(async () => [])) {
  const api = {
    session: async () => ({ authenticated: true, person: { personId: 'p1', name: 'Nima', role } }),
    listCeremonies: async () => [{ id: 'egov-award-1399', title: { fa: 'x' }, date: '2021-02-23', timeZone: 'Asia/Tehran' }],
    links: async () => ({ audience: '' }),
    delegates,
    runs: async () => [],
    replayRooms: async () => [],
  } as unknown as PodiumApi;
  let socket!: PushSocket;
  const operator = new OperatorConsole({
    api,
    ceremonyId: null,
    createConnection: (options) => new OperatorConnection({ ...options, createSocket: () => (socket = new PushSocket()) as unknown as OperatorSocket }),
  });
  return { operator, socket: () => socket, delegates };
}

describe('[S29] the console per role', () => {
  it('[S29] may(): a presenter may not start rehearsals nor see the delegates’ links, which are never asked for', async () => {
    const { operator, socket, delegates } = consoleOf('presenter');
    await operator.start();
    socket().fire('connect');
    socket().fire('snapshot', { state: new TestRun().state, previews: {}, recent: [] });
    await vi.waitFor(() => expect(operator.links).not.toBeNull());
    expect(operator.may('rehearsal.start')).toBe(false);
    expect(operator.may('screens.links')).toBe(false);
    expect(delegates).not.toHaveBeenCalled();
    expect(operator.linksError).toBeNull();
  });

  it('[S29] a producer’s console asks for the delegates’ links', async () => {
    const { operator, delegates } = consoleOf('producer');
    await operator.start();
    await vi.waitFor(() => expect(delegates).toHaveBeenCalled());
    expect(operator.may('rehearsal.real')).toBe(true);
  });

  it('[S29] a console cut off by the server (unauthorized) says on the sign-in form that the session has ended', async () => {
    const { operator, socket } = consoleOf('producer');
    await operator.start();
    socket().fire('connect');
    socket().fire('failure', { code: 'unauthorized', message: 'Session ended.' });
    expect(operator.phase).toBe('signed_out');
    expect(operator.sessionEnded).toBe(true);
    const { unmount } = render(LoginForm, { console: operator, lang: 'fa' });
    expect(screen.getByRole('alert').textContent).toBe('نشست شما پایان یافته است (خارج شدید یا یک تهیه‌کننده آن را پایان داد)؛ دوباره وارد شوید.');
    unmount();
    render(LoginForm, { console: operator, lang: 'en' });
    expect(screen.getByRole('alert').textContent).toBe('Your session has ended (signed out or ended by a producer); sign in again.');
  });
});

describe('[S29][S30] refusals in the page’s language', () => {
  it('one mapping by code, never the raw code, for every panel', () => {
    expect(serverErrorText('fa', 'forbidden')).toBe('نقش شما اجازهٔ این کار را نمی‌دهد.');
    expect(serverErrorText('en', 'approval_expired')).toBe('This request has expired; ask again.');
    expect(serverErrorText('fa', 'something_new')).toBe('کارساز این درخواست را نپذیرفت.');
    expect(crewErrorText('fa', 'forbidden')).toBe('نقش شما اجازهٔ این کار را نمی‌دهد.');
    expect(crewErrorText('en', 'something_new')).not.toContain('something_new');
    expect(refusalMessage({ command: 'go', error: { code: 'forbidden', message: 'Your role may not do that.' } }, 'fa')).toBe('نقش شما اجازهٔ این کار را نمی‌دهد.');
    expect(serverError(new ApiError(403, 'forbidden', 'Nope'))).toEqual({ code: 'forbidden', message: 'Nope' });
  });
});

describe('[S29] an invitation’s expiry', () => {
  it('in Persian a Jalali date with Persian digits; in English YYYY-MM-DD', () => {
    const at = Date.UTC(2021, 1, 23, 7);
    expect(formatDateTime(at, 'Asia/Tehran', 'fa')).toBe('۱۳۹۹/۱۲/۰۵ ۱۰:۳۰:۰۰');
    expect(formatDateTime(at, 'Asia/Tehran', 'en')).toBe('2021-02-23 10:30:00');
  });
});
