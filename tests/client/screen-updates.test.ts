import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { CeremonyFeed } from '../../client/lib/ceremony-feed.svelte';
import { Locale } from '../../client/lib/locale.svelte';
import { ScreenConnection, type ScreenConnectionOptions, type ScreenSocket } from '../../client/lib/screen-connection';
import { renderStatus, RENDER_GRACE_MS } from '../../client/lib/screen-registry-view';
import AudiencePage from '../../client/pages/AudiencePage.svelte';
import ScreenRegistry from '../../client/pages/operator/ScreenRegistry.svelte';
import { defaultChannels } from '../../shared/channels';
import type { ScreenInfo } from '../../shared/protocol';
import { FakeScreenSocket } from './fake-screen-socket';
import { TestRun } from './fixtures';


function setup(extra: Partial<ScreenConnectionOptions> = {}) {
  const feed = new CeremonyFeed(extra.runId ?? 'live');
  const remembered: Record<string, unknown>[] = [];
  let socket!: FakeScreenSocket;
  const connection = new ScreenConnection(feed, {
    ceremonyId: 'egov-award-1399',
    role: 'stage',
    createSocket: (options) => (socket = new FakeScreenSocket(options as never)) as unknown as ScreenSocket,
    onPreferences: (changed) => remembered.push(changed),
    ...extra,
  });
  connection.connect();
  return { feed, socket, connection, remembered };
}

describe('Screens: runs, renames, the viewer’s delay, the delegate’s organization', () => {
  it('[S13] joins the run of its link', () => {
    expect(setup({ runId: 'rehearsal-2' }).socket.auth()).toMatchObject({ ceremonyId: 'egov-award-1399', runId: 'rehearsal-2' });
    expect(setup().socket.auth()).not.toHaveProperty('runId');
  });

  it('keeps the operator’s new name: remembered, and said on the next connection', () => {
    const { socket, remembered } = setup({ name: 'Hall left' });
    socket.fire('connect');
    socket.fire('renamed', 'Hall, left of the stage');
    expect(remembered).toContainEqual({ name: 'Hall, left of the stage' });
    expect(socket.auth()).toMatchObject({ name: 'Hall, left of the stage' });
    socket.fire('disconnect');
    socket.fire('connect');
    expect(socket.auth()).toMatchObject({ name: 'Hall, left of the stage' });
  });

  it('says the viewer’s own delay in hello, and again whenever it changes', () => {
    const { socket, connection } = setup({ role: 'audience' });
    socket.fire('connect');
    connection.setNudge(20_000);
    connection.setNudge(20_000);
    connection.setNudge(0);
    expect(socket.sent('hello')).toEqual([{ nudgeMs: 20_000 }, { nudgeMs: 0 }]);
  });

  it('shows the organization a delegate link stands for', () => {
    const feed = new CeremonyFeed();
    let socket!: FakeScreenSocket;
    new ScreenConnection(feed, {
      ceremonyId: 'egov-award-1399',
      role: 'delegate',
      delegate: { organizationId: 'ministry-of-health', key: 'k' },
      createSocket: (options) => (socket = new FakeScreenSocket(options as never)) as unknown as ScreenSocket,
    }).connect();
    feed.applySnapshot(new TestRun().state);
    socket.fire('delegation', { id: 'ministry-of-health', name: { fa: 'وزارت بهداشت، درمان و آموزش پزشکی', en: 'Ministry of Health and Medical Education' } });
    expect(feed.organization?.id).toBe('ministry-of-health');
    const actions = { react: () => {}, setNudge: () => {}, setLocation: () => {} };
    render(AudiencePage, { feed, locale: new Locale({ storage: null, root: null, urlLang: 'en' }), actions, delegate: { organizationId: 'ministry-of-health' } });
    expect(screen.getByText('Delegate of Ministry of Health and Medical Education')).toBeTruthy();
  });
});

describe('Registry: the viewer’s delay and the audience as counts', () => {
  const T = Date.UTC(2021, 1, 23, 6, 30);
  const reveal = { cueId: 'g2g/place-4', seq: 9, showAt: T };
  const phone = (extra: Partial<ScreenInfo> = {}): ScreenInfo => ({
    id: 'p1', role: 'audience', name: '', channel: 'hall', rttMs: 40, offsetMs: 0, renderedCueId: null, renderedSeq: 0, nudgeMs: 0, connectedAt: T - 1, ...extra,
  });

  it('a screen within its own delay is waiting, not missed', () => {
    const now = T + RENDER_GRACE_MS + 5_000;
    expect(renderStatus(phone(), reveal, defaultChannels, now)).toBe('missed');
    expect(renderStatus(phone({ nudgeMs: 20_000 }), reveal, defaultChannels, now)).toBe('waiting');
  });

  it('says how many of all the phones have shown the last reveal, and that the list is partial', () => {
    render(ScreenRegistry, {
      screens: [phone()],
      audience: { total: 2_400, renderedLastReveal: 2_310, listed: 100, byChannel: { hall: 1_900, stream: 500 } },
      channels: defaultChannels,
      reveal,
      now: T,
      lang: 'en',
      onupdate: () => {},
    });
    expect(screen.getByText(/2310 of 2400 phones have shown the last reveal\./)).toBeTruthy();
    expect(screen.getByText('The list shows 100 of 2400 phones (those behind first).')).toBeTruthy();
    expect(screen.getByText('Audience 2400')).toBeTruthy();
    // By channel, the whole audience counts, not only the listed phones.
    expect(screen.getByText('Hall 1900')).toBeTruthy();
    expect(screen.getByText('Live stream 500')).toBeTruthy();
  });
});
