import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import StudioRunOfShow from '../../client/pages/studio/StudioRunOfShow.svelte';
import { newSegmentId } from '../../client/lib/run-of-show-edit';
import type { Capability } from '../../shared/crew';
import type { DraftDefinition } from '../../shared/studio';
import { fakeStudio, sampleDraft } from './studio-fakes';

async function opened(definition: DraftDefinition = sampleDraft(), capabilities?: Capability[]) {
  const fake = fakeStudio({ definition, ...(capabilities ? { capabilities } : {}) });
  await fake.studio.start('sample-awards', 'runOfShow');
  return fake;
}

const order = (def: DraftDefinition) => (def.runOfShow ?? []).map((s) => (s.kind === 'category' ? `category:${s.categoryId}` : s.id));

describe('[S32] the studio run of show', () => {
  it('[S32] reorders by keyboard with the drag library (Space on the handle, arrows, Space) and writes no extra key into the definition', async () => {
    const { studio } = await opened();
    render(StudioRunOfShow, { studio, lang: 'en' });
    const handle = screen.getByLabelText('Reorder Speech: Sample Host');
    handle.focus();
    await fireEvent.keyDown(handle, { key: ' ' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await fireEvent.keyDown(document.activeElement!, { key: ' ' });
    await waitFor(() => expect(order(studio.definition).slice(0, 4)).toEqual(['opening', 'category:best-app', 'category:open-data', 'host-speech']));
    const runOfShow = JSON.parse(JSON.stringify(studio.definition.runOfShow)) as Record<string, unknown>[];
    const keysOf = (s: Record<string, unknown>) => `${String(s.id ?? s.categoryId)}: ${Object.keys(s).sort().join(',')}`;
    expect(runOfShow.map(keysOf).sort()).toEqual((sampleDraft().runOfShow as unknown as Record<string, unknown>[]).map(keysOf).sort());
    expect(runOfShow.every((s) => !('segment' in s) && (s.kind !== 'category' || !('id' in s)))).toBe(true);
    expect(studio.saveState).toBe('unsaved');
    // The list on screen follows.
    const rows = () => screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-segment')).map((li) => li.getAttribute('aria-label'));
    expect(rows()[3]).toBe('Speech: Sample Host');
    // After a keyboard drop the list still follows the definition: an up button moves the row on screen too.
    await fireEvent.click(screen.getByRole('button', { name: 'Move Speech: Sample Host up' }));
    expect(order(studio.definition)[2]).toBe('host-speech');
    await waitFor(() => expect(rows()[2]).toBe('Speech: Sample Host'));
  }, 30_000);

  it('[S32] moves a segment with the up and down buttons, keeping the keyboard on the moved row, and says so', async () => {
    const { studio } = await opened();
    render(StudioRunOfShow, { studio, lang: 'en' });
    await fireEvent.click(screen.getByRole('button', { name: 'Move Interlude: Music up' }));
    expect(order(studio.definition)[3]).toBe('music');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Interlude: Music up' }));
    expect(screen.getByText('Interlude: Music is now 4 of 8.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Move Opening: Welcome down' }));
    expect(order(studio.definition).slice(0, 2)).toEqual(['host-speech', 'opening']);
    expect(screen.getByRole('button', { name: 'Move Speech: Sample Host up' })).toHaveProperty('disabled', true);
  }, 30_000);

  it('[S32] adds segments with safe ids (before the closing), a category not yet in the run, removes them; the cue list follows the valid draft', async () => {
    const draft = sampleDraft();
    draft.runOfShow = draft.runOfShow!.filter((s) => !(s.kind === 'category' && s.categoryId === 'accessibility'));
    const { studio } = await opened(draft);
    render(StudioRunOfShow, { studio, lang: 'en' });
    // Invalid: a category is not in the run of show.
    expect(screen.getByText(/The cue list appears once the draft’s 1 problems are fixed/)).toBeTruthy();
    const select = screen.getByLabelText('Category to add to the run of show') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['accessibility']);
    await fireEvent.click(screen.getByRole('button', { name: '+ Add the category' }));
    expect(order(studio.definition).at(-2)).toBe('category:accessibility');
    expect(screen.getByText('Every category is in the run of show.')).toBeTruthy();
    const cues = screen.getByRole('heading', { name: 'Cue list' }).closest('section')!;
    await waitFor(() => expect(within(cues).getAllByRole('listitem').length).toBeGreaterThan(8));
    expect(cues.querySelector('[data-cue="accessibility/summary"]')).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: '+ Add Interlude' }));
    expect(order(studio.definition).at(-2)).toBe('interlude');
    await fireEvent.click(screen.getByRole('button', { name: '+ Add Interlude' }));
    expect(order(studio.definition).at(-2)).toBe('interlude-2');
    await fireEvent.click(screen.getByRole('button', { name: '+ Add Speech' }));
    // A new speech needs its speaker: the draft is invalid until it is given.
    expect(screen.getByText(/The cue list appears once/)).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Speaker (English)'), { target: { value: 'A Guest' } });
    await waitFor(() => expect(cues.querySelector('[data-cue="speech"]')?.textContent).toContain('A Guest'));
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Interlude (interlude)' }));
    expect(order(studio.definition).filter((id) => id?.startsWith('interlude'))).toEqual(['interlude-2']);
  }, 30_000);

  it('[S32] a new segment id is its kind or the next free number, always of the id pattern', () => {
    expect(newSegmentId('speech', [])).toBe('speech');
    expect(newSegmentId('speech', [{ id: 'speech' }, { id: 'speech-2' }, { kind: 'category', categoryId: 'speech-3' }])).toBe('speech-3');
  }, 30_000);

  it('[S32] without results.edit nothing can be moved, added or removed', async () => {
    const { studio } = await opened(sampleDraft(), ['console.view']);
    render(StudioRunOfShow, { studio, lang: 'fa' });
    const buttons = screen.getAllByRole('button').filter((b) => b.hasAttribute('data-move') || b.textContent?.startsWith('+') || b.classList.contains('remove'));
    expect(buttons.length).toBeGreaterThan(10);
    expect(buttons.every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
  }, 30_000);
});
