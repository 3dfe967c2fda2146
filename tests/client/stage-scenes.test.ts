import { render } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import StageIntro from '../../client/components/stage/StageIntro.svelte';
import { Locale } from '../../client/lib/locale.svelte';
import { StageFeed } from '../../client/lib/stage-feed.svelte';
import { nomineeColumns, sequenceElapsed } from '../../client/lib/stage-sequence';
import StagePage from '../../client/pages/StagePage.svelte';
import type { PublicCategory } from '../../shared/cues';
import type { CeremonyEvent } from '../../shared/events';
import { TestRun, variantDefinition } from './fixtures';

const locale = (lang: 'fa' | 'en') => new Locale({ storage: null, root: null, urlLang: lang });
const link = { url: 'http://h/c/egov-award-1399', short: 'h/c/egov-award-1399' } as never;

function categoryWith(count: number): PublicCategory {
  return {
    id: 'many',
    kind: 'nominees',
    title: { fa: 'دسته آزمایشی', en: 'Test category' },
    places: [],
    nominees: Array.from({ length: count }, (_, i) => ({
      id: `n-${i + 1}`,
      // The first has an English name only: in the Persian interface it keeps its own direction.
      recipient: { type: 'organization' as const, name: i === 0 ? { en: 'Leslie Odom Jr.' } : { fa: `نامزد آزمایشی ${i + 1}`, en: `Test Nominee ${i + 1}` } },
    })),
  };
}

/** The stage on a feed that has the run up to (not including) `cueId`, then that cue's events as they arrive, shown `lateMs` after their moment. */
async function stageAt(cueId: string, { lang = 'fa' as 'fa' | 'en', motion = true, lateMs = 0 } = {}) {
  const run = new TestRun(variantDefinition());
  run.goUntilNext(cueId);
  const feed = new StageFeed();
  feed.applySnapshot(run.state);
  const view = render(StagePage, { feed, locale: locale(lang), link, qrCodeUrl: '/qr.svg', motion });
  const now = Date.now();
  const arrive = (events: CeremonyEvent[]) => {
    for (const event of events) expect(feed.applyEvent({ ...event, at: now - lateMs - 400, showAt: now - lateMs }).kind).toBe('applied');
  };
  arrive(run.go());
  await tick();
  return { run, feed, view, arrive, root: view.container.querySelector<HTMLElement>('.stage')! };
}

describe('The stage scenes', () => {
  it('a category intro lays out every nominee, for 2 and for 12, in columns that follow the count', () => {
    for (const count of [2, 12]) {
      const { container, unmount } = render(StageIntro, { category: categoryWith(count), lang: 'fa' });
      const tiles = container.querySelectorAll('.nominees li');
      expect(tiles).toHaveLength(count);
      expect(container.querySelector<HTMLElement>('.nominees')!.style.getPropertyValue('--columns')).toBe(String(nomineeColumns(count)));
      expect(container.textContent).toContain(`نامزد آزمایشی ${count}`);
      // An English name in the Persian interface keeps its period at its own end.
      expect(tiles[0]!.querySelector('bdi')!.textContent).toBe('Leslie Odom Jr.');
      unmount();
    }
  });

  it('the stage root carries the run’s seq and cue for the visual tests, and the scene it plays', async () => {
    const { root, run } = await stageAt('g2g/intro');
    expect(root.dataset.seq).toBe(String(run.state.seq));
    expect(root.dataset.cue).toBe('g2g/intro');
    expect(root.dataset.scene).toBe('intro');
  });

  it('a speech shows the speaker and their role, large', async () => {
    const { root } = await stageAt('guest-of-honour', { lang: 'en' });
    expect(root.querySelector('.speaker')!.textContent).toBe('Eng. Ansari');
    expect(root.textContent).toContain('Vice President, Head of the Administrative and Recruitment Organization');
  });

  it('a reveal on time plays its sequence from the start: the place first, the names after it', async () => {
    const { root } = await stageAt('g2g/place-4');
    const reveal = root.querySelector('.reveal-card')!;
    expect(reveal.classList.contains('done')).toBe(false);
    expect(root.querySelector('.scene')!.classList.contains('still')).toBe(false);
    const placeDelay = parseInt(root.querySelector<HTMLElement>('.slot')!.style.animationDelay, 10);
    const nameDelay = parseInt(root.querySelector<HTMLElement>('.recipients li')!.style.animationDelay, 10);
    expect(placeDelay).toBeGreaterThanOrEqual(0);
    expect(nameDelay).toBeGreaterThan(placeDelay);
    expect(root.querySelector('.recipients .name')!.textContent).toBe('سازمان اداری و استخدامی کشور');
  });

  it('a nominees reveal on time shows the field first: nothing marks the winner before its beat', async () => {
    const { root } = await stageAt('best-app/winner');
    const winner = root.querySelector<HTMLElement>('.nominee.winner .mark')!;
    const other = root.querySelector<HTMLElement>('.nominee.other .mark')!;
    expect(parseInt(winner.style.animationDelay, 10)).toBeGreaterThan(1000);
    expect(other.style.animationDelay).toBe(winner.style.animationDelay);
    // Its tile is drawn like every other one; the ring is the mark's, faded in on the beat.
    expect(root.querySelector('.nominee.winner .tile')!.getAttribute('data-state')).toBe('plain');
    expect(parseInt(root.querySelector<HTMLElement>('.slot')!.style.animationDelay, 10)).toBeGreaterThan(1000);
  });

  it('a late screen plays from where the others are: its beats already under way have negative delays', async () => {
    const { root } = await stageAt('g2g/place-4', { lateMs: 1000 });
    const placeDelay = parseInt(root.querySelector<HTMLElement>('.slot')!.style.animationDelay, 10);
    const nameDelay = parseInt(root.querySelector<HTMLElement>('.recipients li')!.style.animationDelay, 10);
    expect(placeDelay).toBeLessThan(-500);
    expect(nameDelay).toBeGreaterThan(0);
    expect(nameDelay).toBeLessThan(1000);
  });

  it('a screen that comes after the end, and a screen with motion off, show the final frame at once', async () => {
    const late = await stageAt('best-app/winner', { lateMs: 60_000 });
    expect(late.root.querySelector('.scene')!.classList.contains('still')).toBe(true);
    expect(late.root.querySelector('.reveal-card')!.classList.contains('done')).toBe(true);
    expect(late.root.querySelector('.nominee.winner')!.textContent).toContain('نامزد الف');
    expect(late.root.querySelectorAll('.nominee.other')).toHaveLength(1);
    late.view.unmount();

    const cut = await stageAt('g2g/place-1', { motion: false });
    expect(cut.root.classList.contains('no-motion')).toBe(true);
    expect(cut.root.querySelector('.recipients .name')!.textContent).toBeTruthy();
    // Past the end is measured on the server's clock: the elapsed time never passes the sequence's length.
    expect(sequenceElapsed(0, 10_000, 3_000)).toBe(3_000);
    expect(sequenceElapsed(0, 200, 3_000)).toBe(0);
  });

  it('an announcement has its own band (not over the scene), and is gone once cleared', async () => {
    const { root, run, arrive } = await stageAt('g2g/place-4');
    arrive(run.command({ type: 'announce', text: { fa: 'پذیرایی در تالار کناری', en: 'Refreshments in the side hall' } }));
    await tick();
    const banner = root.querySelector('.stage-banner')!;
    expect(banner.textContent).toContain('پذیرایی در تالار کناری');
    expect(banner.closest('.band')).not.toBeNull();
    expect(banner.closest('.scene')).toBeNull();
    // The reveal is still there, above it.
    expect(root.querySelector('.scene .reveal-card')).not.toBeNull();

    arrive(run.command({ type: 'clear_announcement' }));
    await tick();
    expect(root.querySelector('.stage-banner')).toBeNull();
    expect(root.querySelector('.band')).toBeNull();
  });

  it('keeps an aria-live region that says the reveal in words', async () => {
    const { root } = await stageAt('g2g/place-4', { lang: 'en' });
    expect(root.querySelector('[aria-live]')!.textContent).toContain('Administrative and Recruitment Organization');
  });
});
