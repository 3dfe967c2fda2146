import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PodiumApi } from '../../client/lib/api';
import { OperatorConnection, type OperatorConnectionOptions, type OperatorSocket } from '../../client/lib/operator-connection';
import { OperatorConsole } from '../../client/lib/operator-console.svelte';
import { REPLAY_POLL_MS } from '../../client/lib/replay-desk.svelte';
import ReplayPanel from '../../client/pages/operator/ReplayPanel.svelte';
import RunsPanel from '../../client/pages/operator/RunsPanel.svelte';
import { Replay } from '../../shared/replay';
import type { RunSummary } from '../../shared/runs';
import { toPublicEvent } from '../../shared/events';
import { TestRun } from './fixtures';

// jsdom has no modal dialogs: open and close are enough for these tests.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterEach(() => vi.useRealTimers());

const CEREMONY = 'egov-award-1399';
const links = (run: string) => ({ audience: `http://x/c/${CEREMONY}${run}`, stage: `http://x/stage/${CEREMONY}${run}`, overlay: `http://x/overlay/${CEREMONY}${run}` });
const runs: RunSummary[] = [
  { runId: 'live', kind: 'live', imported: false, realResults: true, seq: 12, startedAt: Date.UTC(2021, 1, 23, 6, 30), endedAt: null },
  { runId: 'rehearsal-1', kind: 'rehearsal', imported: false, realResults: false, seq: 5, startedAt: Date.UTC(2021, 1, 22, 6, 30), endedAt: null },
];

/** A server stand-in behind fetch: records every request, answers the routes these panels use. */
function fakeServer(replayStatus: (action: Record<string, unknown> | null) => object = () => ({}), openRooms: object[] = []) {
  const requests: { method: string; path: string; body: unknown }[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = async (path: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : null;
    requests.push({ method, path, body });
    if (path === '/api/session') return json({ authenticated: true });
    if (path === '/api/ceremonies') return json([{ id: CEREMONY, title: { fa: 'x', en: 'x' }, date: '2021-02-23', timeZone: 'Asia/Tehran' }]);
    if (path.endsWith('/runs') && method === 'POST') {
      return body?.format === 'podium-run'
        ? json({ runId: 'import-1', events: (body.events as unknown[]).length }, 201)
        : json({ error: { code: 'invalid_run_file', message: 'The run file was refused, nothing was imported: events[2].seq: a gap in seq', problems: [{ path: 'events[2].seq', message: 'a gap in seq: expected 3, got 5' }] } }, 400);
    }
    if (path.endsWith('/runs')) return json(runs);
    if (path.includes('/links')) return json(links(path.includes('?run=') ? `?run=${path.split('?run=')[1]}` : ''));
    if (path.endsWith('/delegates')) return json([]);
    if (path.endsWith('/rehearsals')) return json({ runId: 'rehearsal-2', realResults: !!body?.realResults, links: links('?run=rehearsal-2') }, 201);
    if (path.endsWith('/replays') && method === 'GET') return json(openRooms);
    if (path.endsWith('/replays')) return json({ ...replayStatus(null), links: links('?run=replay-1') }, 201);
    if (path.includes('/replays/')) return json(replayStatus(method === 'POST' ? body : null));
    return json({ error: { code: 'not_found', message: path } }, 404);
  };
  return { api: new PodiumApi(fetch), requests };
}

function fakeSocket() {
  return {
    io: {
      on() {
        return this;
      },
      off() {
        return this;
      },
    },
    on() {
      return this;
    },
    emit() {
      return this;
    },
    disconnect() {
      return this;
    },
    connect() {
      return this;
    },
    removeAllListeners() {
      return this;
    },
  };
}

async function consoleWith(api: PodiumApi, runId = 'live') {
  const connections: OperatorConnectionOptions[] = [];
  const operator = new OperatorConsole({
    api,
    ceremonyId: CEREMONY,
    runId,
    createConnection: (options) => {
      connections.push(options);
      return new OperatorConnection({ ...options, createSocket: () => fakeSocket() as unknown as OperatorSocket });
    },
  });
  await operator.start();
  await waitFor(() => expect(operator.runs.runs).not.toBeNull());
  return { operator, connections };
}

describe('Operator console: runs', () => {
  it('[S13] drives the run named in the link, and switches run on request: socket, links and REST follow', async () => {
    const { api, requests } = fakeServer();
    const { operator, connections } = await consoleWith(api, 'rehearsal-1');
    expect(operator.isRehearsal).toBe(true);
    expect(connections.at(-1)!.runId).toBe('rehearsal-1');
    await waitFor(() => expect(operator.links?.stage).toContain('?run=rehearsal-1'));
    // Delegate links are the live run's only.
    expect(requests.some((r) => r.path.endsWith('/delegates'))).toBe(false);

    operator.selectRun('live');
    expect(operator.isRehearsal).toBe(false);
    expect(connections.at(-1)!.runId).toBe('live');
    await waitFor(() => expect(operator.links?.stage).toBe(`http://x/stage/${CEREMONY}`));
  });

  it('[S13] lists the runs and starts a rehearsal on stand-ins with one click', async () => {
    const { api, requests } = fakeServer();
    const { operator } = await consoleWith(api);
    render(RunsPanel, { console: operator, lang: 'en', timeZone: 'Asia/Tehran' });
    const list = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-run'));
    expect(list.map((li) => li.getAttribute('data-run'))).toEqual(['live', 'rehearsal-1']);
    expect(within(list[0]!).getByText('driven by this console')).toBeTruthy();
    expect(within(list[1]!).getByText('stand-ins')).toBeTruthy();
    expect(within(list[1]!).getByText(/5 events/)).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Start a rehearsal' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Rehearsal 2 has started'));
    expect(requests.filter((r) => r.path.endsWith('/rehearsals'))).toEqual([{ method: 'POST', path: `/api/ceremonies/${CEREMONY}/rehearsals`, body: {} }]);

    await fireEvent.click(screen.getByRole('button', { name: 'Drive Rehearsal 1 from this console' }));
    expect(operator.runId).toBe('rehearsal-1');
  });

  it('[S13] rehearsing with the real results needs the confirmation dialog: nothing is sent before it, and cancel sends nothing', async () => {
    const { api, requests } = fakeServer();
    const { operator } = await consoleWith(api);
    render(RunsPanel, { console: operator, lang: 'en', timeZone: 'Asia/Tehran' });
    const rehearsals = () => requests.filter((r) => r.path.endsWith('/rehearsals'));

    await fireEvent.click(screen.getByRole('button', { name: 'Rehearse with real results…' }));
    const dialog = screen.getByRole('dialog', { hidden: true, name: 'Rehearse with the real results' });
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.textContent).toContain('Every screen of this rehearsal will show the real winners');
    expect(rehearsals()).toEqual([]);
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(rehearsals()).toEqual([]);

    await fireEvent.click(screen.getByRole('button', { name: 'Rehearse with real results…' }));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Start the rehearsal on the real results' }));
    await waitFor(() => expect(rehearsals()).toEqual([{ method: 'POST', path: `/api/ceremonies/${CEREMONY}/rehearsals`, body: { realResults: true, confirm: true } }]));
  });
});

describe('Operator console: importing a run file', () => {
  const file = (name: string, text: string) => ({ name, text: async () => text });

  it('sends the file’s JSON, says which run it became, and lists it', async () => {
    const { api, requests } = fakeServer();
    const { operator } = await consoleWith(api);
    render(RunsPanel, { console: operator, lang: 'en', timeZone: 'Asia/Tehran' });
    const runFile = { format: 'podium-run', schemaVersion: 1, ceremonyId: CEREMONY, runId: 'live', kind: 'live', events: [{}, {}, {}] };
    await operator.runs.importRunFile(file('run.json', JSON.stringify(runFile)));
    expect(requests.find((r) => r.method === 'POST' && r.path.endsWith('/runs'))!.body).toEqual(runFile);
    await waitFor(() => expect(screen.getByText(/Imported run 1 imported \(3 events\)/)).toBeTruthy());
    expect(screen.getByLabelText('Run file (.json)').getAttribute('type')).toBe('file');
  });

  it('shows a refused file plainly: its name, where its first problem is and what it is', async () => {
    const { api } = fakeServer();
    const { operator } = await consoleWith(api);
    render(RunsPanel, { console: operator, lang: 'fa', timeZone: 'Asia/Tehran' });
    await operator.runs.importRunFile(file('old.json', JSON.stringify({ format: 'other' })));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('پرونده «old.json» پذیرفته نشد؛ چیزی وارد نشد.');
    expect(alert.querySelector('code')!.textContent).toBe('events[2].seq');
    expect(alert.textContent).toContain('a gap in seq: expected 3, got 5');

    await operator.runs.importRunFile(file('notes.txt', 'not json'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('این پرونده JSON نیست'));
  });
});

describe('Operator console: replay room', () => {
  it('after a reload, takes back the room still open: its controls and links', async () => {
    const room = { replayId: 'replay-2', number: 2, sourceRunId: 'rehearsal-1', index: 3, length: 9, playing: true, speed: 2, elapsedMs: 1000, durationMs: 9000, marks: [], links: links('?run=replay-2') };
    const older = { ...room, replayId: 'replay-1', number: 1, sourceRunId: 'live', links: links('?run=replay-1') };
    const { api } = fakeServer(() => room, [older, room]);
    const { operator } = await consoleWith(api);
    await waitFor(() => expect(operator.replays.status?.replayId).toBe('replay-2'));
    render(ReplayPanel, { console: operator, cues: new TestRun().state.cues, lang: 'en' });
    expect(screen.getByText('Room 2, replaying Rehearsal 1')).toBeTruthy();
    expect(screen.getByRole('link', { name: `x/stage/${CEREMONY}?run=replay-2` })).toBeTruthy();
    // Both rooms are open: the operator may control the other one.
    await fireEvent.change(screen.getByRole('combobox', { name: 'Open rooms' }), { target: { value: 'replay-1' } });
    expect(screen.getByText('Room 1, replaying Live run')).toBeTruthy();
  });

  async function openRoom() {
    const run = new TestRun();
    run.goThrough('g2g/place-2');
    run.command({ type: 'hold' });
    const replay = await Replay.build(new TestRun().state, run.log.map(toPublicEvent));
    let index = 0;
    const status = (action: Record<string, unknown> | null) => {
      if (action?.action === 'seek') index = action.index as number;
      if (action?.action === 'step') index = (action.direction === 'next' ? replay.nextMark(index)?.index : replay.previousMark(index)?.index) ?? index;
      return { replayId: 'replay-1', number: 1, sourceRunId: 'live', index, length: replay.length, playing: action?.action === 'play', speed: action?.action === 'speed' ? action.speed : 1, elapsedMs: replay.timeOf(index), durationMs: replay.durationMs, marks: replay.marks };
    };
    const { api, requests } = fakeServer(status);
    const { operator } = await consoleWith(api);
    render(ReplayPanel, { console: operator, cues: run.state.cues, lang: 'en' });
    await fireEvent.click(screen.getByRole('button', { name: 'Open a replay room' }));
    await waitFor(() => expect(operator.replays.status).not.toBeNull());
    const actions = () => requests.filter((r) => r.method === 'POST' && r.path.endsWith('/replays/replay-1')).map((r) => r.body);
    return { replay, requests, actions, operator };
  }

  it('opens a room on the chosen run and shows its links', async () => {
    const { requests } = await openRoom();
    expect(requests.find((r) => r.method === 'POST' && r.path.endsWith('/replays'))!.body).toEqual({ runId: 'live' });
    expect(screen.getByText('Room 1, replaying Live run')).toBeTruthy();
    expect(screen.getByRole('link', { name: `x/stage/${CEREMONY}?run=replay-1` })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy the Stage link' })).toBeTruthy();
  });

  it('sends play, pause, speed, step and seek as the API names them', async () => {
    const { actions, replay } = await openRoom();
    await fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Pause/ })).toBeTruthy());
    await fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    await fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '4' } });
    await waitFor(() => expect(actions()).toHaveLength(3));
    await fireEvent.click(screen.getByRole('button', { name: /Next cue/ }));
    await waitFor(() => expect(actions()).toHaveLength(4));
    await fireEvent.click(screen.getByRole('button', { name: /Previous cue/ }));
    await waitFor(() => expect(actions()).toHaveLength(5));
    const slider = screen.getByRole('slider', { name: 'Timeline' });
    await fireEvent.change(slider, { target: { value: String(replay.length - 2) } });
    await waitFor(() =>
      expect(actions()).toEqual([
        { action: 'play' },
        { action: 'pause' },
        { action: 'speed', speed: 4 },
        { action: 'step', direction: 'next' },
        { action: 'step', direction: 'previous' },
        { action: 'seek', index: replay.length - 2 },
      ]),
    );
  });

  it('marks every cue, reveal and hold on the timeline, labelled with the cue; a mark seeks to its place', async () => {
    const { actions, replay } = await openRoom();
    expect(document.querySelectorAll('.tick')).toHaveLength(replay.marks.length);
    expect(document.querySelectorAll('.tick[data-kind="reveal"]')).toHaveLength(3);
    expect(document.querySelectorAll('.tick[data-kind="hold"]')).toHaveLength(1);
    const reveal = replay.marks.find((m) => m.kind === 'reveal' && m.cueId === 'g2g/place-3')!;
    const button = screen.getByRole('button', { name: /Result revealed.*3rd place/ });
    await fireEvent.click(button);
    await waitFor(() => expect(actions()).toEqual([{ action: 'seek', index: reveal.index }]));
  });

  it('follows the room twice a second while the panel is open', async () => {
    const { requests } = await openRoom();
    const polls = () => requests.filter((r) => r.method === 'GET' && r.path.endsWith('/replays/replay-1')).length;
    await waitFor(() => expect(polls()).toBeGreaterThanOrEqual(2), { timeout: 3_000 });
  });

  it('polls with the desk’s own timer, cleared by the stop it returns', () => {
    vi.useFakeTimers();
    const desk = new OperatorConsole({ api: fakeServer().api, ceremonyId: CEREMONY }).replays;
    const refresh = vi.spyOn(desk, 'refresh').mockResolvedValue();
    desk.status = { replayId: 'replay-1', number: 1, sourceRunId: 'live', index: 0, length: 1, playing: true, speed: 1, elapsedMs: 0, durationMs: 0, marks: [] };
    const stop = desk.watch();
    vi.advanceTimersByTime(REPLAY_POLL_MS * 3);
    expect(refresh).toHaveBeenCalledTimes(3);
    stop();
    vi.advanceTimersByTime(REPLAY_POLL_MS * 3);
    expect(refresh).toHaveBeenCalledTimes(3);
  });
});
