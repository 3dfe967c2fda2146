import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { PublicCategory, RevealedEntry } from '../../shared/cues';
import RevealLowerThird from '../../client/components/overlay/RevealLowerThird.svelte';
import RevealFullFrame from '../../client/components/overlay/RevealFullFrame.svelte';
import { entriesLayout } from '../../client/lib/overlay-view';

const category: PublicCategory = { id: 'actor', kind: 'nominees', title: { fa: 'بازیگر نقش اول (آزمایشی)', en: 'Best actor (test)' }, places: [] };
const hopkins: RevealedEntry = {
  recipient: { type: 'person', name: { en: 'Anthony Hopkins' }, entry: { en: 'The Father' } },
  attendance: { status: 'on_behalf', acceptedBy: { fa: 'سارا آزمایشی', en: 'Sara Test' } },
};
const reveal = (entries: RevealedEntry[]) => ({ category, result: { cueId: 'actor/winner', seq: 9, slot: { kind: 'winner' as const }, entries, showAt: 0 } }) as never;

describe('the overlay graphics', () => {
  it('a reveal lower third: name — entry, each isolated (bdi) in the Persian interface, with the attendance note', () => {
    const { container } = render(RevealLowerThird, { reveal: reveal([hopkins]), lang: 'fa' });
    const third = container.querySelector('.lower-third')!;
    expect(third.textContent).toContain('Anthony Hopkins — The Father');
    expect([...third.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(expect.arrayContaining(['Anthony Hopkins', 'The Father']));
    expect(third.querySelector('[data-attendance=on_behalf]')?.textContent).toContain('سارا آزمایشی');
  });

  it('several recipients: one line each for a few, a wrapped list for many, in both layouts', () => {
    const many = Array.from({ length: 6 }, (_, i): RevealedEntry => ({ recipient: { type: 'organization', name: { fa: `نام ${i}`, en: `Name ${i}` } } }));
    expect(entriesLayout(1)).toBe('single');
    expect(entriesLayout(3)).toBe('lines');
    expect(entriesLayout(6)).toBe('flow');
    expect(entriesLayout(12)).toBe('dense');
    const lower = render(RevealLowerThird, { reveal: reveal(many), lang: 'en' }).container;
    expect(lower.querySelectorAll('.names.flow li')).toHaveLength(6);
    const full = render(RevealFullFrame, { reveal: reveal(many), lang: 'en', ceremony: { en: 'Test awards' } }).container;
    expect(full.querySelectorAll('.names.flow li')).toHaveLength(6);
    expect(full.textContent).toContain('Test awards');
  });
});
