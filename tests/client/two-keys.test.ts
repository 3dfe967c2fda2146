import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { ApiError, type PodiumApi } from '../../client/lib/api';
import { OperatorConnection, type OperatorSocket } from '../../client/lib/operator-connection';
import { OperatorConsole } from '../../client/lib/operator-console.svelte';
import { TwoKeysDesk } from '../../client/lib/two-keys-desk.svelte';
import ApprovalsPanel from '../../client/pages/operator/ApprovalsPanel.svelte';
import { DEFAULT_TWO_KEY_POLICY, type ApprovalView } from '../../shared/two-keys';
import { TestRun } from './fixtures';

type Handler = (...args: unknown[]) => void;

/** Just enough of a socket for the console to connect and receive pushes; commands are recorded, never answered. */
class PushSocket {
  readonly handlers = new Map<string, Handler[]>();
  readonly commands: unknown[] = [];
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
    return { emitWithAck: (_event: string, command: unknown) => (this.commands.push(command), new Promise(() => undefined)) };
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

const NOW = Date.UTC(2021, 1, 23, 7);
function request(id: string, name: string, extra: Partial<ApprovalView> = {}): ApprovalView {
  return {
    id,
    ceremonyId: 'egov-award-1399',
    runId: 'live',
    action: 'retract',
    summary: { fa: 'اعلام «…» پس گرفته می‌شود.', en: 'The reveal “G2G · 4th place” will be withdrawn from every screen.' },
    sealed: false,
    requestedBy: { personId: `id-${name}`, name, role: 'operator' },
    requestedAt: NOW,
    expiresAt: NOW + 120_000,
    status: 'pending',
    ...extra,
  };
}

describe('[S30] two keys on the console', () => {
  it('[S30] with the policy on, a retract sends a request (not the command) and the console waits on it', async () => {
    const run = new TestRun();
    while (run.state.revealStack.length === 0) run.go();
    const requestApproval = vi.fn(async (_id: string, body: { action: string }) => request('r1', 'Ali', { action: body.action as 'retract' }));
    const api = {
      session: async () => ({ authenticated: true }),
      listCeremonies: async () => [{ id: 'egov-award-1399', title: { fa: 'x' }, date: '2021-02-23', timeZone: 'Asia/Tehran' }],
      links: async () => ({ audience: '' }),
      delegates: async () => [],
      runs: async () => [],
      replayRooms: async () => [],
      requestApproval,
    } as unknown as PodiumApi;
    let socket!: PushSocket;
    const operator = new OperatorConsole({
      api,
      ceremonyId: null,
      newCommandId: () => 'press-1',
      createConnection: (options) => new OperatorConnection({ ...options, createSocket: () => (socket = new PushSocket()) as unknown as OperatorSocket }),
    });
    await operator.start();
    socket.fire('connect');
    socket.fire('snapshot', { state: run.state, previews: run.previews, recent: [] });
    socket.fire('approvals', { policy: { ...DEFAULT_TWO_KEY_POLICY, retract: true }, requests: [] });

    expect(await operator.retract({ en: 'Wrong envelope' })).toBe(true);
    expect(socket.commands).toEqual([]);
    expect(requestApproval).toHaveBeenCalledWith('egov-award-1399', {
      action: 'retract',
      runId: 'live',
      command: { type: 'retract', commandId: 'press-1', cueId: run.state.revealStack.at(-1), confirm: true, reason: { en: 'Wrong envelope' } },
    });
    expect(operator.twoKeys.asked.map((r) => r.id)).toEqual(['r1']);
    expect(operator.twoKeys.awaiting).toEqual([]);

    // Off again: the command goes as before.
    socket.fire('approvals', { policy: DEFAULT_TWO_KEY_POLICY, requests: [] });
    void operator.retract();
    await vi.waitFor(() => expect(socket.commands).toHaveLength(1));
  });

  it('[S30] another person’s request: a card with the summary and Confirm / Refuse, announced; one’s own: waiting, no Confirm', async () => {
    const decideApproval = vi.fn(async (id: string) => request(id, 'Ali', { status: 'confirmed', decidedBy: { personId: 'me', name: 'Bita', role: 'operator' }, outcome: { ok: true, seq: 5 } }));
    const desk = new TwoKeysDesk({ decideApproval } as unknown as PodiumApi, () => 'egov-award-1399');
    desk.show({ policy: { ...DEFAULT_TWO_KEY_POLICY, retract: true }, requests: [request('r1', 'Ali')] });
    render(ApprovalsPanel, { desk, now: NOW + 15_000, lang: 'en', me: { personId: 'id-Bita' }, may: () => true });

    expect(screen.getByText(/will be withdrawn from every screen/)).toBeTruthy();
    expect(screen.getByText('Asked by Ali (operator)')).toBeTruthy();
    expect(screen.getByText('1:45 left')).toBeTruthy();
    expect(screen.getByText('New request to confirm: Retract a reveal, from Ali')).toBeTruthy();
    const confirm = screen.getByRole('button', { name: 'Confirm and do it' });
    expect(document.activeElement).not.toBe(confirm);
    await fireEvent.click(confirm);
    expect(decideApproval).toHaveBeenCalledWith('r1', 'confirm');
  });

  it('[S30] in Persian, one’s own request shows the time left in Persian digits and then its outcome', () => {
    const desk = new TwoKeysDesk({} as PodiumApi, () => 'egov-award-1399');
    desk.mine = ['r2'];
    desk.show({ policy: DEFAULT_TWO_KEY_POLICY, requests: [request('r2', 'Ali')] });
    const { unmount } = render(ApprovalsPanel, { desk, now: NOW + 60_000, lang: 'fa', me: { personId: 'id-Ali' }, may: () => true });
    expect(screen.getByText('۱:۰۰ مانده')).toBeTruthy();
    expect(screen.getByText('در انتظار تأیید نفر دوم')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'تأیید و انجام' })).toBeNull();
    unmount();
    desk.show({ policy: DEFAULT_TWO_KEY_POLICY, requests: [request('r2', 'Ali', { status: 'refused', decidedBy: { personId: 'x', name: 'Bita', role: 'operator' } })] });
    render(ApprovalsPanel, { desk, now: NOW + 61_000, lang: 'fa', me: { personId: 'id-Ali' }, may: () => true });
    expect(screen.getByText('Bita رد کرد؛ چیزی تغییر نکرد.')).toBeTruthy();
  });

  it('[S30] the asker’s own request from another session: withdraw only, no Confirm', async () => {
    const decideApproval = vi.fn(async (id: string) => request(id, 'Ali', { status: 'refused' }));
    const desk = new TwoKeysDesk({ decideApproval } as unknown as PodiumApi, () => 'egov-award-1399');
    desk.show({ policy: DEFAULT_TWO_KEY_POLICY, requests: [request('r3', 'Ali')] });
    render(ApprovalsPanel, { desk, now: NOW + 15_000, lang: 'en', me: { personId: 'id-Ali' }, may: () => true });
    expect(screen.queryByRole('button', { name: 'Confirm and do it' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Refuse' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Withdraw the request' }));
    expect(decideApproval).toHaveBeenCalledWith('r3', 'refuse');
  });

  it('[S29] [S30] a role without the action’s capability sees the request, without Confirm or Refuse', () => {
    const desk = new TwoKeysDesk({} as PodiumApi, () => 'egov-award-1399');
    desk.show({ policy: DEFAULT_TWO_KEY_POLICY, requests: [request('r4', 'Ali')] });
    render(ApprovalsPanel, { desk, now: NOW + 15_000, lang: 'en', me: { personId: 'id-Sara' }, may: (capability) => capability !== 'run.drive' });
    expect(screen.getByText(/will be withdrawn from every screen/)).toBeTruthy();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('[S30] a refused decision is said in the page’s language, never as a raw code', async () => {
    const decideApproval = vi.fn(async () => {
      throw new ApiError(409, 'second_person_required', 'The confirmer must be another person.');
    });
    const desk = new TwoKeysDesk({ decideApproval } as unknown as PodiumApi, () => 'egov-award-1399');
    desk.show({ policy: DEFAULT_TWO_KEY_POLICY, requests: [request('r5', 'Ali')] });
    render(ApprovalsPanel, { desk, now: NOW + 15_000, lang: 'fa', me: { personId: 'id-Sara' }, may: () => true });
    await fireEvent.click(screen.getByRole('button', { name: 'تأیید و انجام' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('تأیید باید از کس دیگری باشد');
    expect(alert.textContent).not.toContain('second_person_required');
    expect(alert.textContent).not.toContain('The confirmer');
  });
});
