import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CrewRole } from '../../shared/crew';
import type { PresenterView } from '../../shared/presenter';
import type { OperatorToServerEvents, ServerToOperatorEvents } from '../../shared/protocol';
import { sampleCeremony } from '../helpers/ceremony-harness';
import { connected, getState, postCommand, startTestServer, type TestServer } from '../helpers/server-harness';

/**
 * S33: the presenter's screen gets a reveal's names (and their pronunciation, and the line that
 * reads them) only once the operator arms that reveal. Every frame it receives is checked.
 */
const CEREMONY = 'sample-awards';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

function tokenFor(role: CrewRole): string {
  return t.server.auth.issueToken(Date.now(), { personId: `person-${role}`, name: `Person ${role}`, role }).token;
}

type PresenterSocket = Socket<ServerToOperatorEvents, OperatorToServerEvents>;

/** A presenter's screen, recording every raw frame and the last view. */
function openPresenter(token: string) {
  const socket: PresenterSocket = io(`${t.url}/operator`, { transports: ['websocket'], forceNew: true, auth: { ceremonyId: CEREMONY, token, presenter: true } });
  const frames: string[] = [];
  let view: PresenterView | null = null;
  socket.io.on('open', () => socket.io.engine.on('message', (data) => frames.push(String(data))));
  socket.on('presenter', (v) => (view = v));
  return { socket, frames, view: () => view };
}

/** Every name, entry and pronunciation of what each reveal cue will show, by cue id. */
function secretsByCue(): Map<string, string[]> {
  const definition = sampleCeremony();
  const secrets = new Map<string, string[]>();
  const texts = (recipient: { name: { fa?: string; en?: string }; entry?: { fa?: string; en?: string }; pronunciation?: { fa?: string; en?: string } }) =>
    [recipient.name, recipient.entry, recipient.pronunciation].flatMap((t) => [t?.fa, t?.en]).filter((s): s is string => !!s);
  for (const category of definition.categories) {
    if (category.mentions) secrets.set(`${category.id}/mentions`, category.mentions.flatMap((m) => texts(m.recipient)));
    if (category.kind === 'ranked') {
      for (const r of category.results) secrets.set(`${category.id}/place-${r.place}`, [...(secrets.get(`${category.id}/place-${r.place}`) ?? []), ...texts(r.recipient)]);
    } else {
      // A nominee's name is public; which one won, and its pronunciation, are not.
      const winners = category.nominees.filter((n) => category.winners.includes(n.id));
      secrets.set(`${category.id}/winner`, winners.flatMap((n) => [n.recipient.pronunciation?.fa, n.recipient.pronunciation?.en]).filter((s): s is string => !!s));
    }
    if (category.script?.reveal) secrets.set(`${category.id}/script`, [category.script.reveal.fa, category.script.reveal.en].filter((s): s is string => !!s));
  }
  return secrets;
}

describe('[S33] the presenter\'s screen', () => {
  it('never receives a name, pronunciation or reveal line before its reveal is armed, through a whole run (frames checked)', async () => {
    const operator = tokenFor('operator');
    const presenter = openPresenter(tokenFor('presenter'));
    const secrets = secretsByCue();
    // The fixture has what the rule is about: pronunciations, and a reveal line.
    expect([...secrets.values()].flat().some((s) => s === 'kee-YAHN')).toBe(true);
    expect(secrets.has('best-app/script')).toBe(true);
    try {
      await connected(presenter.socket);
      await vi.waitFor(() => expect(presenter.view()).not.toBeNull());
      const opened = new Set<string>();
      let armedReveals = 0;
      for (let step = 0; step < 80; step++) {
        const state = await getState(t.url, CEREMONY, operator);
        if (!state.nextCue) break;
        const cue = state.nextCue as { id: string; kind: string };
        const categoryId = cue.id.split('/')[0]!;
        if (cue.kind === 'reveal') {
          // Before arming: nothing of this reveal, nor of any reveal not yet opened, in any frame so far.
          const closed = [...secrets].filter(([id]) => !opened.has(id) && !(id.endsWith('/script') && opened.has(`${id.split('/')[0]}/any`)));
          for (const frame of presenter.frames) for (const [id, words] of closed) for (const word of words) expect(frame.includes(JSON.stringify(word).slice(1, -1)), `${id}: "${word}" before it was armed`).toBe(false);
          const seq = presenter.view()!.seq;
          expect((await postCommand(t.url, operator, CEREMONY, { type: 'arm', cueId: cue.id })).status).toBe(200);
          await vi.waitFor(() => expect(presenter.view()!.seq).toBeGreaterThan(seq));
          const view = presenter.view()!;
          expect(view.next?.id).toBe(cue.id);
          expect(view.next?.reveal?.state).toBe('armed');
          opened.add(cue.id);
          opened.add(`${categoryId}/any`);
          armedReveals += 1;
          if (cue.id === 'young-designer/winner') expect(view.next?.reveal?.names?.map((n) => n.pronunciation?.en)).toEqual(expect.arrayContaining(['SAH-rah', 'kee-YAHN']));
          if (cue.id.startsWith('best-app/place')) expect(view.next?.script?.en).toBe('And this place goes to…');
        }
        const seq = presenter.view()!.seq;
        expect((await postCommand(t.url, operator, CEREMONY, { type: 'go', expectedCue: cue.id })).status).toBe(200);
        await vi.waitFor(() => expect(presenter.view()!.seq).toBeGreaterThan(seq));
        expect(presenter.view()!.current?.id).toBe(cue.id);
      }
      expect(armedReveals).toBeGreaterThan(6);
      // Only presenter views reached it: no event, snapshot, registry or preview of the console.
      const names = presenter.frames.filter((f) => f.startsWith('2/operator,')).map((f) => (JSON.parse(f.slice(f.indexOf('['))) as [string])[0]);
      expect(names.length).toBeGreaterThan(20);
      expect(new Set(names)).toEqual(new Set(['presenter']));
    } finally {
      presenter.socket.disconnect();
    }
  });

  it('shows the operator\'s message, the script of the cue on now, and drives nothing', async () => {
    const operator = tokenFor('operator');
    const presenter = openPresenter(tokenFor('presenter'));
    try {
      await connected(presenter.socket);
      await vi.waitFor(() => expect(presenter.view()).not.toBeNull());
      const told = await postCommand(t.url, operator, CEREMONY, { type: 'tell_presenter', text: { fa: 'آرام‌تر بخوانید', en: 'Slower, please' } });
      expect(told.status).toBe(200);
      await vi.waitFor(() => expect(presenter.view()!.messages.at(-1)?.text.en).toBe('Slower, please'));
      const before = (await getState(t.url, CEREMONY, operator)).seq;
      const refused = await presenter.socket.timeout(10_000).emitWithAck('command', { type: 'go', expectedCue: 'opening' });
      expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
      expect((await getState(t.url, CEREMONY, operator)).seq).toBe(before);
    } finally {
      presenter.socket.disconnect();
    }
  });

  it('is refused to a role without presenter.view and to no sign-in; a logout cuts it off', async () => {
    for (const token of [tokenFor('stage_manager'), tokenFor('results_officer')]) {
      const refused = openPresenter(token);
      const error = await new Promise<Error>((resolve) => refused.socket.once('connect_error', resolve));
      refused.socket.disconnect();
      expect(error.message).toBe('forbidden');
    }
    const anonymous = openPresenter('not-a-token');
    const error = await new Promise<Error>((resolve) => anonymous.socket.once('connect_error', resolve));
    anonymous.socket.disconnect();
    expect(error.message).toBe('unauthorized');

    const token = tokenFor('presenter');
    const presenter = openPresenter(token);
    await connected(presenter.socket);
    const disconnected = new Promise<string>((resolve) => presenter.socket.once('disconnect', resolve));
    expect((await fetch(`${t.url}/api/session`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(await disconnected).toBe('io server disconnect');
  });
});
