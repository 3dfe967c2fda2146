import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { AudienceLink } from '../../client/lib/audience-link.svelte';
import { CeremonyFeed } from '../../client/lib/ceremony-feed.svelte';
import { Locale } from '../../client/lib/locale.svelte';
import { runMarkOf } from '../../client/lib/run-mark';
import type { AudienceActions } from '../../client/lib/screen-connection';
import AudiencePage from '../../client/pages/AudiencePage.svelte';
import OverlayPage from '../../client/pages/OverlayPage.svelte';
import StagePage from '../../client/pages/StagePage.svelte';
import type { CeremonyState } from '../../shared/state';
import { TestRun } from './fixtures';

const actions: AudienceActions = { react: () => {}, setNudge: () => {}, setLocation: () => {} };
const locale = (lang: 'fa' | 'en') => new Locale({ storage: null, root: null, urlLang: lang });

function rehearsal(realResults = false): CeremonyState {
  const state = new TestRun().goThrough('g2g/place-4');
  return { ...state, run: { kind: 'rehearsal', realResults } };
}

function feedOf(runId: string, state: CeremonyState | null): CeremonyFeed {
  const feed = new CeremonyFeed(runId);
  if (state) feed.applySnapshot(state);
  return feed;
}

const marks = () => document.querySelectorAll('.run-mark');

describe('Run marks on every screen', () => {
  it('[S13] knows a rehearsal from its state, a replay room from its run id, and marks nothing live', () => {
    expect(runMarkOf('live', new TestRun().state)).toBeNull();
    expect(runMarkOf('rehearsal-2', rehearsal())).toEqual({ kind: 'rehearsal', realResults: false });
    expect(runMarkOf('rehearsal-2', rehearsal(true))).toEqual({ kind: 'rehearsal', realResults: true });
    // Before the first snapshot the link alone says rehearsal.
    expect(runMarkOf('rehearsal-2', null)).toEqual({ kind: 'rehearsal', realResults: false });
    // A replay room replaying a rehearsal is still a replay.
    expect(runMarkOf('replay-0123456789abcdef0123', rehearsal())).toEqual({ kind: 'replay' });
  });

  it('[S13] the audience page of a rehearsal carries the REHEARSAL band, in Persian and in English', () => {
    const feed = feedOf('rehearsal-1', rehearsal());
    const { unmount } = render(AudiencePage, { feed, locale: locale('fa'), actions });
    expect(screen.getByRole('note').textContent).toContain('تمرین');
    expect(screen.getByRole('note').textContent).toContain('نام‌ها جایگزین‌اند');
    unmount();
    render(AudiencePage, { feed, locale: locale('en'), actions });
    expect(screen.getByRole('note', { name: /REHEARSAL/ })).toBeTruthy();
  });

  it('[S13] a rehearsal on the real results says so', () => {
    render(AudiencePage, { feed: feedOf('rehearsal-3', rehearsal(true)), locale: locale('en'), actions });
    const mark = screen.getByRole('note');
    expect(mark.textContent).toContain('REHEARSAL · REAL RESULTS');
    expect(mark.getAttribute('data-mark')).toBe('real');
  });

  it('the stage and the overlay of a rehearsal carry it too; a replay room says REPLAY', () => {
    const link = new AudienceLink();
    render(StagePage, { feed: feedOf('rehearsal-1', rehearsal()), locale: locale('fa'), link, qrCodeUrl: '/qr.svg' });
    expect([...marks()].map((m) => m.getAttribute('data-mark'))).toEqual(['rehearsal']);
    expect(marks()[0]!.classList.contains('stage')).toBe(true);
    document.body.innerHTML = '';
    render(OverlayPage, { feed: feedOf('rehearsal-1', rehearsal()), locale: locale('en'), background: null });
    expect(screen.getByRole('note', { name: /REHEARSAL/ })).toBeTruthy();
    document.body.innerHTML = '';
    render(StagePage, { feed: feedOf('replay-0123456789abcdef0123', new TestRun().goThrough('g2g/place-4')), locale: locale('fa'), link, qrCodeUrl: '/qr.svg' });
    expect(screen.getByRole('note').textContent).toContain('بازپخش');
  });

  it('a live screen carries no mark', () => {
    render(AudiencePage, { feed: feedOf('live', new TestRun().goThrough('g2g/place-4')), locale: locale('en'), actions });
    expect(marks()).toHaveLength(0);
  });
});
