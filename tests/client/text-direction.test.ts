import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import seed from '../../ceremonies/egov-award-1399.json';
import CorrectionCard from '../../client/components/CorrectionCard.svelte';
import NextCuePreview from '../../client/components/NextCuePreview.svelte';
import ResultsList from '../../client/components/ResultsList.svelte';
import RevealCard from '../../client/components/RevealCard.svelte';
import { latestReveal, revealedNameParts } from '../../client/lib/ceremony-view';
import { joinNames } from '../../client/lib/i18n';
import type { PublicCategory } from '../../shared/cues';
import type { CeremonyState } from '../../shared/state';
import { parse, TestRun } from './fixtures';

/**
 * Made-up names (not the seed's): an English name with only an English spelling, shown as is in the
 * Persian interface, and a Persian one with only a Persian spelling, shown in the English one.
 */
const english = 'Leslie Odom Jr.';
const persian = 'سازمان آزمایشی (نمونه)';

function mixedRun(): TestRun {
  const input = structuredClone(seed) as { categories: { id: string; title: Record<string, string>; results: { place: number; recipient: Record<string, unknown> }[] }[] };
  const g2g = input.categories[0]!;
  g2g.title = { en: 'Best Featured Actor (test)' };
  g2g.results.find((r) => r.place === 4)!.recipient = { type: 'person', name: { en: english }, entry: { en: 'Hamilton' } };
  g2g.results.find((r) => r.place === 3)!.recipient = { type: 'organization', name: { fa: persian } };
  return new TestRun(parse(input));
}

/** The element whose text is exactly `text`, and whether it is isolated: a `bdi`, or `dir="auto"`. */
function isolated(container: HTMLElement, text: string): boolean {
  const holders = [...container.querySelectorAll('*')].filter((el) => el.textContent?.trim() === text);
  expect(holders.length, `"${text}" is shown`).toBeGreaterThan(0);
  return holders.some((el) => el.closest('bdi, [dir="auto"]') !== null);
}

function category(state: CeremonyState, id: string): PublicCategory {
  return state.ceremony.categories.find((c) => c.id === id)!;
}

describe('text keeps its own direction', () => {
  it('an English name in the Persian reveal card is isolated, and so is its entry and category title', () => {
    const run = mixedRun();
    const reveal = latestReveal(run.goThrough('g2g/place-4'))!;
    const { container } = render(RevealCard, { category: reveal.category, result: reveal.result, lang: 'fa' });
    expect(container.querySelector('article')!.getAttribute('dir')).toBe('rtl');
    expect(isolated(container, english)).toBe(true);
    expect(isolated(container, 'Hamilton')).toBe(true);
    expect(isolated(container, 'Best Featured Actor (test)')).toBe(true);
  });

  it('a Persian name in the English reveal card is isolated', () => {
    const run = mixedRun();
    const reveal = latestReveal(run.goThrough('g2g/place-3'))!;
    const { container } = render(RevealCard, { category: reveal.category, result: reveal.result, lang: 'en' });
    expect(container.querySelector('article')!.getAttribute('dir')).toBe('ltr');
    expect(isolated(container, persian)).toBe(true);
  });

  it('both names in the results list, in either interface', () => {
    const run = mixedRun();
    const state = run.goThrough('g2g/place-3');
    for (const lang of ['fa', 'en'] as const) {
      const { container, unmount } = render(ResultsList, { run: state, category: category(state, 'g2g'), lang });
      expect(isolated(container, english)).toBe(true);
      expect(isolated(container, persian)).toBe(true);
      unmount();
    }
  });

  it('a category title quoted in a Persian sentence (a correction) is isolated', () => {
    const run = mixedRun();
    run.goThrough('g2g/place-4');
    run.command({ type: 'retract', confirm: true, reason: { fa: 'آزمایشی' } });
    const state = run.state;
    const correction = state.corrections.at(-1)!;
    const { container } = render(CorrectionCard, { run: state, correction, lang: 'fa' });
    expect(isolated(container, 'Best Featured Actor (test)')).toBe(true);
  });

  it('the console shows the next reveal’s names each isolated', () => {
    const run = mixedRun();
    const state = run.goUntilNext('g2g/place-4');
    const { container } = render(NextCuePreview, { run: state, previews: run.previews, lang: 'fa' });
    expect(isolated(container, english)).toBe(true);
  });

  it('names joined in a sentence are parts of their own, the same words as the joined string', () => {
    const run = mixedRun();
    const reveal = latestReveal(run.goThrough('g2g/place-4'))!;
    const parts = revealedNameParts(reveal.result, 'fa');
    expect(parts).toEqual([{ text: english, data: true }]);
    const two = revealedNameParts({ ...reveal.result, entries: [...reveal.result.entries, ...reveal.result.entries] }, 'fa');
    expect(two.filter((p) => p.data).map((p) => p.text)).toEqual([english, english]);
    expect(two.map((p) => p.text).join('')).toBe(joinNames([english, english], 'fa'));
  });
});
