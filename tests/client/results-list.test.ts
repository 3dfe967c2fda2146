import { render, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ResultsList from '../../client/components/ResultsList.svelte';
import type { PublicCategory } from '../../shared/cues';
import type { CeremonyState } from '../../shared/state';
import { parse, seedDefinition, TestRun, variantDefinition } from './fixtures';
import RevealCard from '../../client/components/RevealCard.svelte';
import { latestReveal, liveMessage } from '../../client/lib/ceremony-view';

const g2gNames = ['دفتر هیئت دولت جمهوری اسلامی', 'وزارت بهداشت، درمان و آموزش پزشکی', 'مرکز توسعه تجارت الکترونیکی', 'سازمان اداری و استخدامی کشور'];

function category(state: CeremonyState, id: string): PublicCategory {
  return state.ceremony.categories.find((c) => c.id === id)!;
}

function place(container: HTMLElement, n: number): HTMLElement {
  return container.querySelector<HTMLElement>(`li[data-place="${n}"]`)!;
}

describe('ResultsList', () => {
  it('builds the podium up place by place, and names no one before their reveal', async () => {
    const run = new TestRun();
    const g2g = category(run.state, 'g2g');
    const { container, rerender } = render(ResultsList, { run: run.state, category: g2g, lang: 'fa' });

    expect(container.querySelectorAll('li[data-place]')).toHaveLength(4);
    for (const name of g2gNames) expect(container.textContent).not.toContain(name);
    expect(container.querySelectorAll('.pending')).toHaveLength(4);

    await rerender({ run: run.goThrough('g2g/place-4') });
    expect(place(container, 4).textContent).toContain('سازمان اداری و استخدامی کشور');
    expect(place(container, 4).classList.contains('revealed')).toBe(true);
    for (const name of g2gNames.slice(0, 3)) expect(container.textContent).not.toContain(name);
    expect(container.querySelectorAll('.pending')).toHaveLength(3);

    await rerender({ run: run.goThrough('g2g/place-1') });
    expect(container.querySelectorAll('.pending')).toHaveLength(0);
    expect(place(container, 1).textContent).toContain('دفتر هیئت دولت جمهوری اسلامی');
    expect(place(container, 1).textContent).toContain('رتبه اول');
    expect(place(container, 1).querySelector('.badge')!.textContent).toBe('۱');
  });

  it('takes a name off again when its reveal is retracted', async () => {
    const run = new TestRun();
    const g2g = category(run.state, 'g2g');
    const { container, rerender } = render(ResultsList, { run: run.goThrough('g2g/place-4'), category: g2g, lang: 'en' });
    expect(place(container, 4).textContent).toContain('Administrative and Recruitment Organization');

    run.command({ type: 'retract', confirm: true });
    await rerender({ run: run.state });
    expect(container.textContent).not.toContain('Administrative and Recruitment Organization');
    expect(place(container, 4).textContent).toContain('Not yet announced');
  });

  it('shows every recipient of a tied place on that one place', () => {
    const run = new TestRun(variantDefinition());
    const state = run.goThrough('g2g/place-3');
    const { container } = render(ResultsList, { run: state, category: category(state, 'g2g'), lang: 'fa' });
    const third = within(place(container, 3));

    expect(third.getByText('مرکز توسعه تجارت الکترونیکی')).toBeTruthy();
    expect(third.getByText('سازمان آزمایشی هم‌رتبه')).toBeTruthy();
    expect(container.querySelectorAll('li[data-place="3"]')).toHaveLength(1);
    expect(container.textContent).toContain('تقدیرشده آزمایشی');
    expect(container.textContent).not.toContain('دفتر هیئت دولت جمهوری اسلامی');
  });

  it('lists nominees, and marks the winner only once revealed', async () => {
    const run = new TestRun(variantDefinition());
    const bestApp = category(run.state, 'best-app');
    const { container, rerender } = render(ResultsList, { run: run.goThrough('best-app/intro'), category: bestApp, lang: 'en' });

    expect(container.textContent).toContain('Nominee A');
    expect(container.textContent).toContain('Nominee B');
    expect(container.querySelector('.winner')).toBeNull();
    expect(container.textContent).toContain('Winner: Not yet announced');

    await rerender({ run: run.goThrough('best-app/winner') });
    const winner = container.querySelector('.winner')!;
    expect(winner.textContent).toContain('Nominee A');
    expect(winner.textContent).toContain('Winner');
    expect(container.querySelectorAll('.winner')).toHaveLength(1);
  });

  it('[S16] given a tie 1, 1, 3, shows every place; the 2nd is revealed as "no separate 2nd place" on the list, the card and to screen readers', async () => {
    // Made-up names on the seed's shape: the 1st place tied (the seed's real G2G ranking has no tie).
    const input = structuredClone(seedDefinition()) as unknown as { categories: { results: { place: number; recipient: unknown }[]; mentions?: unknown[] }[] };
    input.categories[0]!.results = [1, 1, 3].map((p, i) => ({ place: p, recipient: { type: 'organization', name: { fa: `نام آزمایشی ${i}`, en: `Test name ${i}` } } }));
    input.categories[0]!.mentions = [];
    const run = new TestRun(parse(input));
    const g2g = category(run.state, 'g2g');
    const { container, rerender } = render(ResultsList, { run: run.goThrough('g2g/mentions'), category: g2g, lang: 'en' });
    expect(container.querySelectorAll('li[data-place]')).toHaveLength(3);
    expect(container.querySelector('.mentions')!.textContent).toContain('No honourable mentions');

    await rerender({ run: run.goThrough('g2g/place-2') });
    expect(place(container, 2).textContent).toContain('No separate 2nd place');
    expect(place(container, 2).querySelector('.badge')!.textContent).toBe('—');
    expect(place(container, 1).textContent).toContain('Not yet announced');
    expect(liveMessage(run.state, 'fa')).toContain('بدون رتبه دوم جداگانه');

    const reveal = latestReveal(run.state)!;
    const card = render(RevealCard, { category: reveal.category, result: reveal.result, lang: 'fa' }).container;
    expect(card.querySelector('.empty')!.textContent).toBe('بدون رتبه دوم جداگانه');
  });

  it('[S16] lists nominees by name whatever the order they are written in, and marks the winner by its public id', async () => {
    const input = structuredClone(variantDefinition()) as unknown as { categories: { id: string; nominees?: unknown[] }[] };
    const bestApp = input.categories.find((c) => c.id === 'best-app')!;
    bestApp.nominees = [...bestApp.nominees!].reverse();
    const run = new TestRun(parse(input));
    const { container, rerender } = render(ResultsList, { run: run.goThrough('best-app/intro'), category: category(run.state, 'best-app'), lang: 'en' });
    expect([...container.querySelectorAll('.nominees .name')].map((e) => e.textContent)).toEqual(['Nominee A', 'Nominee B']);

    await rerender({ run: run.goThrough('best-app/winner') });
    expect(container.querySelector('.winner')!.textContent).toContain('Nominee A');
  });
});
