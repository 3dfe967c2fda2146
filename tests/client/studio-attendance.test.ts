import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import sampleJson from '../../ceremonies/sample-awards.json';
import { maskDraft } from '../../server/studio/draft-mask';
import { RolePermissions, type CrewRole } from '../../shared/crew';
import type { DraftDefinition, StudioCeremony, StudioDraft } from '../../shared/studio';
import type { CrewApi } from '../../client/lib/crew-api';
import type { StudioApi } from '../../client/lib/studio-api';
import { Studio } from '../../client/lib/studio.svelte';
import StudioCategories from '../../client/pages/studio/StudioCategories.svelte';

/** S34 in the studio: a result's attendance, saved with the draft, secret like the result (S32). */

const sample = () => structuredClone(sampleJson) as unknown as DraftDefinition;

async function studioAs(role: CrewRole, definition: DraftDefinition = sample(), isMasked = false) {
  const saves: DraftDefinition[] = [];
  const ceremony: StudioCeremony = { id: 'sample-awards', title: { en: 'Sample' }, date: null, archived: false, published: { version: 1, hash: 'x' }, draft: null, liveStarted: false };
  const draft = (def: DraftDefinition): StudioDraft => ({ id: 'sample-awards', definition: def, stamp: { revision: saves.length + 1, updatedAt: 0, updatedBy: 'x', basedOn: 1 }, problems: [], masked: isMasked });
  const api = {
    list: async () => [ceremony],
    draft: async () => ({ ...draft(isMasked ? maskDraft(definition) : definition), stamp: null }),
    saveDraft: async (_id: string, def: DraftDefinition) => (saves.push(structuredClone(def)), draft(def)),
  } as unknown as StudioApi;
  const crew: Pick<CrewApi, 'session'> = { session: async () => ({ authenticated: true, person: { personId: 'p', name: 'P', role }, capabilities: [...RolePermissions[role]] }) };
  const studio = new Studio(api, crew);
  await studio.start('sample-awards', 'categories');
  return { studio, saves };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('[S34] the studio: who is not there', () => {
  it('[S34] accepted on behalf, with who accepts in Persian and English, is saved with the draft; present again removes it', async () => {
    const { studio, saves } = await studioAs('results_officer');
    render(StudioCategories, { studio, lang: 'en' });
    // Not in the page while the results are masked.
    expect(screen.queryByLabelText('At the ceremony · Result 1')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Show results' }));
    const status = screen.getByLabelText('At the ceremony · Result 1') as HTMLSelectElement;
    expect(status.value).toBe('present');
    await fireEvent.change(status, { target: { value: 'on_behalf' } });
    await fireEvent.input(screen.getByLabelText('Accepted by · Result 1 (Persian)'), { target: { value: 'مریم نماینده' } });
    await fireEvent.input(screen.getByLabelText('Accepted by · Result 1 (English)'), { target: { value: 'Maryam Proxy' } });
    await studio.flush();
    const saved = saves.at(-1)!.categories![0]!;
    expect(saved.kind === 'ranked' && saved.results[0]!.attendance).toEqual({ status: 'on_behalf', acceptedBy: { fa: 'مریم نماینده', en: 'Maryam Proxy' } });
    expect(studio.problems).toEqual([]);

    // A mention joining remotely; the result back to present (no attendance kept).
    await fireEvent.change(screen.getByLabelText('At the ceremony · Mention 1'), { target: { value: 'remote' } });
    await fireEvent.change(screen.getByLabelText('At the ceremony · Result 1'), { target: { value: 'present' } });
    await studio.flush();
    const again = saves.at(-1)!.categories![0]!;
    expect(again.kind === 'ranked' && again.results[0]!.attendance).toBeUndefined();
    expect(again.mentions![0]!.attendance).toEqual({ status: 'remote' });
  });

  it('[S34] a role that may not see results gets a draft without any attendance, masked like the results (draft-mask.ts)', async () => {
    const definition = sample();
    const [bestApp, openData] = definition.categories!;
    if (bestApp!.kind !== 'ranked' || openData!.kind !== 'nominees') throw new Error('the sample changed');
    bestApp!.results[0]!.attendance = { status: 'on_behalf', acceptedBy: { fa: 'نمایندهٔ پنهان', en: 'Hidden Proxy' } };
    bestApp!.mentions![0]!.attendance = { status: 'remote' };
    openData!.nominees[0]!.attendance = { status: 'absent' };
    const masked = JSON.stringify(maskDraft(definition));
    expect(masked).not.toMatch(/attendance|on_behalf|remote|absent|Hidden Proxy|نمایندهٔ پنهان/);
    // Exactly as masked as the same draft without any attendance.
    for (const c of definition.categories!) {
      for (const e of [...(c.kind === 'ranked' ? c.results : c.nominees), ...(c.mentions ?? [])]) delete e.attendance;
    }
    expect(masked).toBe(JSON.stringify(maskDraft(definition)));
  });
});
