import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type PodiumApi, type RunEvents } from '../../client/lib/api';
import { Locale } from '../../client/lib/locale.svelte';
import { WatchAgain } from '../../client/lib/watch-again.svelte';
import WatchAgainPage from '../../client/pages/WatchAgainPage.svelte';
import { toPublicEvent } from '../../shared/events';
import { foldEvents } from '../../shared/state';
import { TestRun } from './fixtures';

afterEach(() => vi.useRealTimers());

const CEREMONY = 'egov-award-1399';

/** The seed ceremony to its end, as the server's events endpoint gives it (events one minute apart). */
function finishedRun(extraAnnouncements = 0): RunEvents & { run: TestRun } {
  const run = new TestRun();
  for (let i = 0; i < extraAnnouncements; i++) run.command({ type: 'announce', text: { fa: `اطلاعیه ${i}`, en: `Notice ${i}` } });
  while (run.state.endedAt === null) run.go();
  const initial = new TestRun().state;
  return { run, ceremony: initial.ceremony, cues: initial.cues, events: run.log.map(toPublicEvent) };
}

function player(answer: () => Promise<RunEvents>, pause?: () => Promise<void>) {
  const api = { runEvents: vi.fn(answer) } as unknown as PodiumApi;
  return new WatchAgain({ api, ceremonyId: CEREMONY, runId: 'live', ...(pause ? { pause } : {}) });
}

const names = () => [...document.querySelectorAll('.reveal-card .name')].map((n) => n.textContent?.trim());
const locale = (lang: 'fa' | 'en') => new Locale({ storage: null, root: null, urlLang: lang });

describe('Watch again', () => {
  it('[S15] builds the replay with a progress bar, yielding between chunks', async () => {
    const recorded = finishedRun(200);
    let release!: () => void;
    const pauses: number[] = [];
    const watch = player(
      async () => recorded,
      () => {
        pauses.push(watch.progress.done);
        return new Promise<void>((resolve) => (release = resolve));
      },
    );
    render(WatchAgainPage, { player: watch, locale: locale('en') });
    const loading = watch.load();
    await waitFor(() => expect(watch.phase).toBe('building'));
    const bar = screen.getByRole('progressbar') as HTMLProgressElement;
    expect(bar.max).toBe(recorded.events.length);
    await waitFor(() => expect(bar.value).toBe(64));
    expect(screen.getByText(`64 of ${recorded.events.length} events`)).toBeTruthy();
    while (watch.phase === 'building') {
      release();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await loading;
    expect(pauses).toEqual([64, 128, 192]);
    expect(watch.phase).toBe('ready');
    expect(watch.position!.length).toBe(recorded.events.length);
  });

  it('says the replay is available after the ceremony while the live run is under way', async () => {
    const watch = player(() => Promise.reject(new ApiError(401, 'unauthorized', 'later')));
    render(WatchAgainPage, { player: watch, locale: locale('fa') });
    await watch.load();
    expect(screen.getByRole('status').textContent).toContain('بازپخش پس از پایان مراسم در دسترس خواهد بود.');
    expect(screen.getByRole('link', { name: 'تا آن زمان مراسم را زنده دنبال کنید' }).getAttribute('href')).toBe(`/c/${CEREMONY}`);
  });

  it('[S15] plays at the chosen speed with the run’s own timing', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2022, 0, 1));
    const recorded = finishedRun();
    const watch = player(async () => recorded, () => Promise.resolve());
    await watch.load();
    render(WatchAgainPage, { player: watch, locale: locale('en') });
    // Events are a minute apart: at 4×, one every 15 s.
    watch.setSpeed(4);
    await fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    expect(watch.index).toBe(1);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(watch.index).toBe(2);
    await vi.advanceTimersByTimeAsync(45_000);
    expect(watch.index).toBe(5);
    expect(watch.elapsedMs).toBe(4 * 60_000);
    await fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(watch.index).toBe(5);
    // To the end, where it stops by itself.
    watch.setSpeed(8);
    watch.play();
    await vi.advanceTimersByTimeAsync(recorded.events.length * 60_000);
    expect(watch.playing).toBe(false);
    expect(watch.index).toBe(recorded.events.length);
  });

  it('[S15] scrubbing shows exactly what the audience saw at that point; a step goes cue by cue', async () => {
    const recorded = finishedRun();
    const watch = player(async () => recorded, () => Promise.resolve());
    await watch.load();
    render(WatchAgainPage, { player: watch, locale: locale('fa') });
    const g2g = recorded.run.definition.categories[0]!;
    const nameOf = (place: number) => (g2g.kind === 'ranked' ? g2g.results.find((r) => r.place === place)!.recipient.name.fa : '');

    const place3 = watch.position!.marks.find((m) => m.kind === 'reveal' && m.cueId === 'g2g/place-3')!;
    await fireEvent.input(screen.getByRole('slider', { name: 'خط زمان' }), { target: { value: String(place3.index) } });
    await fireEvent.change(screen.getByRole('slider', { name: 'خط زمان' }), { target: { value: String(place3.index) } });
    expect(watch.state).toEqual(foldEvents(new TestRun().state, recorded.events.slice(0, place3.index)));
    expect(names()).toEqual([nameOf(3)]);
    // Nothing revealed later is on the page.
    expect(document.body.textContent).not.toContain(nameOf(1));

    await fireEvent.click(screen.getByRole('button', { name: /گام بعدی/ }));
    expect(watch.index).toBe(place3.index + 1);
    expect(names()).toEqual([nameOf(2)]);
    await fireEvent.click(screen.getByRole('button', { name: /گام قبلی/ }));
    await fireEvent.click(screen.getByRole('button', { name: /گام قبلی/ }));
    expect(names()).toEqual([nameOf(4)]);
  });
  it('shows a retraction as a retraction (not "not started yet") and labels the end of a hold "Resumed"', async () => {
    const run = new TestRun();
    run.goThrough('g2g/place-3');
    run.command({ type: 'retract', cueId: 'g2g/place-3', confirm: true });
    run.command({ type: 'hold' });
    run.command({ type: 'resume' });
    const initial = new TestRun().state;
    const recorded = { ceremony: initial.ceremony, cues: initial.cues, events: run.log.map(toPublicEvent) };
    const watch = player(async () => recorded, () => Promise.resolve());
    await watch.load();
    render(WatchAgainPage, { player: watch, locale: locale('en') });
    const marks = watch.position!.marks;
    expect(marks.map((m) => m.kind).slice(-3)).toEqual(['retraction', 'hold', 'resume']);

    const retraction = marks.find((m) => m.kind === 'retraction')!;
    watch.seek(retraction.index);
    await waitFor(() => expect(document.querySelector('.retracted-line')?.textContent).toMatch(/^Reveal retracted/));
    expect(document.body.textContent).not.toContain('not started');

    watch.seek(marks.at(-1)!.index);
    await waitFor(() => expect(document.querySelector('.mark[aria-current="step"]')?.textContent).toContain('Resumed'));
    expect(document.querySelector('.mark[aria-current="step"]')?.textContent).not.toContain('Hold');
  });

  it('shows an announcement while it stood live: not after it was cleared, nor once its time was up', async () => {
    const run = new TestRun();
    run.command({ type: 'announce', text: { en: 'Long notice' }, durationMs: 600_000 });
    run.go();
    run.command({ type: 'clear_announcement' });
    run.command({ type: 'announce', text: { en: 'Short notice' } });
    run.go();
    const initial = new TestRun().state;
    const recorded = { ceremony: initial.ceremony, cues: initial.cues, events: run.log.map(toPublicEvent) };
    const watch = player(async () => recorded, () => Promise.resolve());
    await watch.load();
    render(WatchAgainPage, { player: watch, locale: locale('en') });
    const banner = () => document.querySelector('.announcement, [class*="announcement"]')?.textContent ?? '';
    // Events are a minute apart: the long one stands at the GO after it, until cleared; the short one (20 s) is gone by the next GO.
    for (const [index, shown] of [[1, 'Long notice'], [2, 'Long notice'], [3, ''], [4, 'Short notice'], [5, '']] as const) {
      watch.seek(index);
      await waitFor(() => expect(watch.index).toBe(index));
      await waitFor(() => (shown ? expect(banner()).toContain(shown) : expect(document.body.textContent).not.toMatch(/Long notice|Short notice/)));
    }
  });
});
