import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ReactionBar from '../../client/components/ReactionBar.svelte';
import { CeremonyFeed } from '../../client/lib/ceremony-feed.svelte';
import { Locale } from '../../client/lib/locale.svelte';
import type { AudienceActions } from '../../client/lib/screen-connection';
import AudiencePage from '../../client/pages/AudiencePage.svelte';
import type { ReactionKind } from '../../shared/reactions';
import type { DelegateLocation } from '../../shared/roles';
import { TestRun } from './fixtures';

function recorder() {
  const calls: { react: ReactionKind[]; nudge: number[]; location: DelegateLocation[] } = { react: [], nudge: [], location: [] };
  const actions: AudienceActions = {
    react: (kind) => calls.react.push(kind),
    setNudge: (ms) => calls.nudge.push(ms),
    setLocation: (location) => calls.location.push(location),
  };
  return { calls, actions };
}

function page(lang: 'fa' | 'en', delegate: { organizationId: string } | null, setup: (feed: CeremonyFeed) => void) {
  const feed = new CeremonyFeed();
  setup(feed);
  const locale = new Locale({ storage: null, root: null, urlLang: lang });
  const { calls, actions } = recorder();
  render(AudiencePage, { feed, locale, actions, delegate });
  return { feed, calls };
}

describe('Delegate page', () => {
  it('shows the personal card when the reveal on screen names the delegate’s organization, with its place', () => {
    page('fa', { organizationId: 'ministry-of-health' }, (feed) => {
      feed.applySnapshot(new TestRun().goThrough('g2g/place-2'));
      feed.setLocation('remote');
    });
    const card = screen.getByRole('status', { name: 'سازمان شما اعلام شد' });
    expect(card.textContent).toContain('رتبه دوم');
  });

  it('shows no personal card for another organization’s reveal', () => {
    page('en', { organizationId: 'ministry-of-health' }, (feed) => feed.applySnapshot(new TestRun().goThrough('g2g/place-3')));
    expect(screen.queryByText('Your organization has been announced')).toBeNull();
  });

  it('shows no personal card on the plain audience page', () => {
    page('en', null, (feed) => feed.applySnapshot(new TestRun().goThrough('g2g/place-2')));
    expect(screen.queryByText('Your organization has been announced')).toBeNull();
    expect(screen.queryByRole('group', { name: /Where are you/ })).toBeNull();
  });

  it('offers "in the hall / remote", remote by default, and reports a change', async () => {
    const { calls } = page('en', { organizationId: 'ministry-of-health' }, (feed) => {
      feed.applySnapshot(new TestRun().state);
      feed.setLocation('remote');
    });
    const group = screen.getByRole('group', { name: 'Where are you following the ceremony from?' });
    expect(group).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'I am remote' }) as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(screen.getByRole('radio', { name: 'I am in the hall' }));
    expect(calls.location).toEqual(['hall']);
  });

  it('says the link is not valid when the server refused it', () => {
    page('fa', { organizationId: 'ministry-of-health' }, (feed) => {
      feed.setConnection('refused');
      feed.setFailure({ code: 'unauthorized', message: 'bad key' });
    });
    expect(screen.getByRole('alert').textContent).toContain('این پیوند نماینده معتبر نیست');
  });
});

describe('Reactions', () => {
  it('are big buttons with spoken names that send their kind', async () => {
    const sent: ReactionKind[] = [];
    render(ReactionBar, { lang: 'en', onreact: (kind: ReactionKind) => sent.push(kind) });
    await fireEvent.click(screen.getByRole('button', { name: 'Applaud' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Send a heart' }));
    expect(sent).toEqual(['applause', 'heart']);
  });

  it('are named in Persian and disabled while offline', () => {
    render(ReactionBar, { lang: 'fa', disabled: true, onreact: () => {} });
    const applause = screen.getByRole('button', { name: 'تشویق' }) as HTMLButtonElement;
    expect(applause.disabled).toBe(true);
  });

  it('sit on the audience page and report the tap', async () => {
    const { calls } = page('en', null, (feed) => {
      feed.applySnapshot(new TestRun().state);
      feed.setConnection('live');
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Wow' }));
    expect(calls.react).toEqual(['wow']);
  });
});

describe('Watching on a delay', () => {
  it('lets the viewer add seconds of their own', async () => {
    const { calls } = page('en', null, (feed) => feed.applySnapshot(new TestRun().state));
    await fireEvent.change(screen.getByRole('combobox', { name: 'My delay' }), { target: { value: '20' } });
    expect(calls.nudge).toEqual([20_000]);
  });
});

describe('Video conference', () => {
  it('offers the embedded call for a Jitsi meeting, collapsed until asked', async () => {
    page('en', null, (feed) => {
      const state = new TestRun().state;
      feed.applySnapshot({ ...state, ceremony: { ...state.ceremony, videoConference: { url: 'https://meet.jit.si/podium-test' } } });
    });
    expect(screen.getByRole('link', { name: /Join the video conference/ }).getAttribute('href')).toBe('https://meet.jit.si/podium-test');
    expect(document.querySelector('iframe')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Watch the call here' }));
    const frame = document.querySelector('iframe')!;
    expect(frame.getAttribute('allow')).toBe('camera; microphone; fullscreen; display-capture');
    expect(frame.title).toBe('The ceremony’s video conference');
  });

  it('only links a provider that does not allow embedding', () => {
    page('en', null, (feed) => {
      const state = new TestRun().state;
      feed.applySnapshot({ ...state, ceremony: { ...state.ceremony, videoConference: { url: 'https://zoom.example/j/1', provider: 'zoom' } } });
    });
    expect(screen.getByRole('link', { name: /Join the video conference/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Watch the call here' })).toBeNull();
  });
});
