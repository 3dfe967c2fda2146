import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import AnnounceForm from '../../client/pages/operator/AnnounceForm.svelte';
import type { Text } from '../../shared/text';

describe('The console’s announcement form', () => {
  it('clears the standing announcement, only while one stands', async () => {
    const onclear = vi.fn(() => Promise.resolve(true));
    const view = render(AnnounceForm, { lang: 'en', disabled: false, standing: false, onsend: () => Promise.resolve(true), onclear });
    const clear = screen.getByRole<HTMLButtonElement>('button', { name: 'Clear announcement' });
    expect(clear.disabled).toBe(true);
    await view.rerender({ lang: 'en', disabled: false, standing: true, onsend: () => Promise.resolve(true), onclear });
    expect(clear.disabled).toBe(false);
    await fireEvent.click(clear);
    expect(onclear).toHaveBeenCalledOnce();
  });

  it('sends a duration in milliseconds when the operator gives seconds, none when left empty, and refuses one out of bounds', async () => {
    const sent: [Text, number | undefined][] = [];
    const onsend = (text: Text, durationMs?: number) => (sent.push([text, durationMs]), Promise.resolve(true));
    render(AnnounceForm, { lang: 'en', disabled: false, onsend });
    const [fa] = screen.getAllByRole('textbox') as HTMLTextAreaElement[];
    const seconds = screen.getByRole<HTMLInputElement>('spinbutton');
    const send = screen.getByRole<HTMLButtonElement>('button', { name: 'Send' });

    await fireEvent.input(fa!, { target: { value: 'سلام' } });
    await fireEvent.input(seconds, { target: { value: '45' } });
    await fireEvent.click(send);
    await tick();
    await fireEvent.input(fa!, { target: { value: 'دوباره' } });
    await fireEvent.click(send);
    await tick();
    expect(sent).toEqual([
      [{ fa: 'سلام' }, 45_000],
      [{ fa: 'دوباره' }, undefined],
    ]);

    await fireEvent.input(seconds, { target: { value: '1' } });
    expect(send.disabled).toBe(true);
  });
});
