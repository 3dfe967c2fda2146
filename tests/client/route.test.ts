import { describe, expect, it } from 'vitest';
import { Preferences } from '../../client/lib/preferences';
import { parseRoute, screenUrl } from '../../client/lib/route';

describe('Routes of remote screens', () => {
  it('reads a screen’s channel and name from the URL, dropping a channel id that cannot be one', () => {
    expect(parseRoute('/stage/egov-award-1399', '?channel=stream&name=Hall%20left')).toEqual({
      page: 'stage',
      ceremonyId: 'egov-award-1399',
      motion: true,
      screen: { channel: 'stream', name: 'Hall left', run: null },
    });
    expect(parseRoute('/c/x', '?channel=Not%20a%20channel')).toMatchObject({ screen: { channel: null, name: null } });
  });

  it('opens a delegate link with its organization and key', () => {
    expect(parseRoute('/d/egov-award-1399/ministry-of-health', '?k=abc123')).toEqual({
      page: 'delegate',
      ceremonyId: 'egov-award-1399',
      organizationId: 'ministry-of-health',
      key: 'abc123',
      screen: { channel: null, name: null, run: null },
    });
  });

  it('[S13] reads the run and its key, and keeps both when the operator sends the screen elsewhere', () => {
    const route = parseRoute('/stage/egov-award-1399', '?run=rehearsal-2&key=k1');
    expect(route).toMatchObject({ page: 'stage', screen: { run: 'rehearsal-2', key: 'k1' } });
    expect(screenUrl('audience', 'egov-award-1399', { channel: null, name: 'Phone', run: 'rehearsal-2', key: 'k1' })).toBe('/c/egov-award-1399?run=rehearsal-2&key=k1&name=Phone');
    expect(parseRoute('/c/x', '?run=nonsense')).toMatchObject({ screen: { run: null } });
    expect(parseRoute('/operator', '?ceremony=x&run=rehearsal-3')).toEqual({ page: 'operator', ceremonyId: 'x', runId: 'rehearsal-3' });
    expect(parseRoute('/replay/x', '')).toEqual({ page: 'replay', ceremonyId: 'x', runId: 'live' });
  });

  it('sends a screen to another view keeping its channel and name', () => {
    expect(screenUrl('overlay', 'egov-award-1399', { channel: 'video', name: 'vMix 2' })).toBe('/overlay/egov-award-1399?channel=video&name=vMix+2');
    expect(screenUrl('audience', 'egov-award-1399', { channel: null, name: null })).toBe('/c/egov-award-1399');
  });

  it('[S21] reads a stage or overlay link’s key (k=), keeps ?background=, ?channel= and ?run=&key=, and sends it on to a keyed view only', () => {
    expect(parseRoute('/stage/x', '?k=abc&channel=hall')).toEqual({ page: 'stage', ceremonyId: 'x', motion: true, screen: { channel: 'hall', name: null, run: null, screenKey: 'abc' } });
    expect(parseRoute('/overlay/x', '?background=%2300ff00&run=rehearsal-1&key=r1&k=abc')).toEqual({
      page: 'overlay',
      ceremonyId: 'x',
      background: '#00ff00',
      motion: true,
      layout: 'lower-third',
      screen: { channel: null, name: null, run: 'rehearsal-1', key: 'r1', screenKey: 'abc' },
    });
    expect(parseRoute('/stage/x', '?motion=off')).toMatchObject({ page: 'stage', motion: false });
    expect(parseRoute('/overlay/x', '?layout=full&motion=off')).toMatchObject({ page: 'overlay', layout: 'full', motion: false });
    expect(parseRoute('/presenter/x', '')).toEqual({ page: 'presenter', ceremonyId: 'x' });
    expect(parseRoute('/c/x', '?k=abc')).toEqual({ page: 'audience', ceremonyId: 'x', screen: { channel: null, name: null, run: null } });
    expect(screenUrl('stage', 'x', { channel: null, name: null, run: 'rehearsal-1', key: 'r1', screenKey: 's1' })).toBe('/stage/x?run=rehearsal-1&key=r1&k=s1');
    expect(screenUrl('audience', 'x', { channel: null, name: null, screenKey: 's1' })).toBe('/c/x');
  });
});

describe('Preferences', () => {
  it('remembers a name, the viewer’s delay and a delegate’s location; defaults to remote and no delay', () => {
    const values = new Map<string, string>();
    const store = { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v) };
    const preferences = new Preferences(store);
    expect(preferences.read()).toEqual({ name: null, nudgeMs: 0, location: 'remote' });
    preferences.write({ name: 'Phone', nudgeMs: 20_000, location: 'hall' });
    expect(new Preferences(store).read()).toEqual({ name: 'Phone', nudgeMs: 20_000, location: 'hall' });
  });

  it('ignores what it cannot use, and works without storage', () => {
    const store = { getItem: (k: string) => (k === 'podium.nudgeMs' ? '1e9' : 'nowhere'), setItem: () => {} };
    expect(new Preferences(store).read()).toMatchObject({ nudgeMs: 60_000, location: 'remote' });
    expect(new Preferences(null).read()).toEqual({ name: null, nudgeMs: 0, location: 'remote' });
  });
});
