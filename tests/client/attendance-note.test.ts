import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import sampleJson from '../../ceremonies/sample-awards.json';
import ResultsList from '../../client/components/ResultsList.svelte';
import RevealCard from '../../client/components/RevealCard.svelte';
import { latestReveal, liveMessage } from '../../client/lib/ceremony-view';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { parse, TestRun } from './fixtures';

/** S34: who is not there, said with the reveal (the fictional sample: its results may be changed at will). */

const PROXY = { fa: 'مریم نماینده', en: 'Maryam Proxy' };

function sampleWithAttendance(): CeremonyDefinition {
  const def = parse(structuredClone(sampleJson));
  const bestApp = def.categories.find((c) => c.id === 'best-app')!;
  const young = def.categories.find((c) => c.id === 'young-designer')!;
  if (bestApp.kind !== 'ranked' || young.kind !== 'nominees') throw new Error('the sample changed');
  bestApp.results.find((r) => r.place === 1)!.attendance = { status: 'on_behalf', acceptedBy: PROXY };
  bestApp.results.find((r) => r.place === 2)!.attendance = { status: 'present' };
  bestApp.mentions![1]!.attendance = { status: 'remote' };
  young.nominees.find((n) => n.id === 'kian')!.attendance = { status: 'absent' };
  return def;
}

function revealOf(run: TestRun, cueId: string) {
  const reveal = latestReveal(run.goThrough(cueId));
  if (!reveal) throw new Error(`${cueId} revealed nothing`);
  return reveal;
}

describe('[S34] the attendance note with the reveal', () => {
  it('[S34] accepted on behalf: both names, each isolated in its own direction, in Persian and in English', () => {
    const run = new TestRun(sampleWithAttendance());
    const { category, result } = revealOf(run, 'best-app/place-1');
    const fa = render(RevealCard, { category, result, lang: 'fa' }).container;
    const note = fa.querySelector('[data-attendance="on_behalf"]')!;
    expect(note.textContent).toBe('مریم نماینده به نمایندگی از شرکت خیالی آلفا دریافت می‌کند');
    expect([...note.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['مریم نماینده', 'شرکت خیالی آلفا']);
    const en = render(RevealCard, { category, result, lang: 'en' }).container;
    expect(en.querySelector('[data-attendance="on_behalf"]')!.textContent).toBe('Accepted by Maryam Proxy on behalf of Alpha Imaginary Co.');
    // And a screen reader hears it with the reveal.
    expect(liveMessage(run.state, 'en')).toMatch(/1st place: Alpha Imaginary Co\..*; Accepted by Maryam Proxy on behalf of Alpha Imaginary Co\.$/);
  });

  it('[S34] present says nothing; absent and remote say so, on the card and in the results list, with the tie named', () => {
    const run = new TestRun(sampleWithAttendance());
    const second = revealOf(run, 'best-app/place-2');
    expect(render(RevealCard, { ...second, lang: 'en' }).container.querySelector('[data-attendance]')).toBeNull();

    const young = revealOf(run, 'young-designer/winner');
    const card = render(RevealCard, { ...young, lang: 'fa' }).container;
    const notes = [...card.querySelectorAll('[data-attendance]')];
    expect(notes.map((n) => [n.getAttribute('data-attendance'), n.textContent])).toEqual([['absent', 'در مراسم حضور ندارد']]);
    // Two winners: the screen reader is told whose note it is.
    expect(liveMessage(run.state, 'en')).toMatch(/; Kian Sample: Not present at the ceremony$/);

    const list = render(ResultsList, { run: run.state, category: young.category, lang: 'en' }).container;
    expect(list.querySelector('[data-attendance="absent"]')!.textContent).toBe('Not present at the ceremony');
    const bestApp = run.state.ceremony.categories.find((c) => c.id === 'best-app')!;
    const bestList = render(ResultsList, { run: run.state, category: bestApp, lang: 'en' }).container;
    expect(bestList.querySelector('li[data-place="1"] [data-attendance="on_behalf"]')!.textContent).toBe('Accepted by Maryam Proxy on behalf of Alpha Imaginary Co.');
    expect(bestList.querySelector('.mentions [data-attendance="remote"]')!.textContent).toBe('Joining remotely');
  });

  it('[S34] nothing of it before the reveal: the results list names no one who accepts', () => {
    const run = new TestRun(sampleWithAttendance());
    run.goThrough('best-app/place-2');
    const bestApp = run.state.ceremony.categories.find((c) => c.id === 'best-app')!;
    const list = render(ResultsList, { run: run.state, category: bestApp, lang: 'en' }).container;
    expect(list.textContent).not.toContain(PROXY.en);
    expect(JSON.stringify(run.state)).not.toContain(PROXY.en);
  });
});
