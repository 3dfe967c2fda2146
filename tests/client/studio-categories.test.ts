import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import sampleJson from '../../ceremonies/sample-awards.json';
import { maskDraft } from '../../server/studio/draft-mask';
import { RolePermissions, type CrewRole } from '../../shared/crew';
import type { SealProof } from '../../shared/seal';
import { RESULTS_SHOWN_MS, type DraftDefinition, type StudioCeremony, type StudioDraft } from '../../shared/studio';
import type { CrewApi } from '../../client/lib/crew-api';
import type { StudioApi } from '../../client/lib/studio-api';
import { Studio } from '../../client/lib/studio.svelte';
import StudioCategories from '../../client/pages/studio/StudioCategories.svelte';
import StudioCheck from '../../client/pages/studio/StudioCheck.svelte';
import { requestFocus } from '../../client/lib/studio-focus';

const sample = () => structuredClone(sampleJson) as unknown as DraftDefinition;

/** The names a ranked category's results and a nominees category's winner hold, in the sample. */
const RESULT_NAME = 'Alpha Imaginary Co.';

/** A Studio over fake APIs (the server's side is built elsewhere): saves are recorded. */
async function studioAs(role: CrewRole, definition: DraftDefinition = sample(), isMasked = false) {
  const saves: DraftDefinition[] = [];
  const ceremony: StudioCeremony = { id: 'sample-awards', title: { en: 'Sample' }, date: null, archived: false, published: { version: 1, hash: 'x' }, draft: null, liveStarted: false };
  const draft = (def: DraftDefinition): StudioDraft => ({ id: 'sample-awards', definition: def, stamp: { revision: saves.length + 1, updatedAt: 0, updatedBy: 'x', basedOn: 1 }, problems: [], masked: isMasked });
  const api = {
    list: async () => [ceremony],
    draft: async () => ({ ...draft(isMasked ? maskDraft(definition) : definition), stamp: null }),
    saveDraft: async (_id: string, def: DraftDefinition) => (saves.push(def), draft(def)),
  } as unknown as StudioApi;
  const crew: Pick<CrewApi, 'session'> = { session: async () => ({ authenticated: true, person: { personId: 'p', name: 'P', role }, capabilities: [...RolePermissions[role]] }) };
  const studio = new Studio(api, crew);
  await studio.start('sample-awards', 'categories');
  return { studio, saves };
}

/** Everything a page holds that a screen reader or a screenshot could get: its text and its fields' values. */
function pageHolds(container: HTMLElement): string {
  const values = [...container.querySelectorAll('input, textarea, select')].map((e) => (e as HTMLInputElement).value);
  return [container.innerHTML, container.textContent ?? '', ...values].join('\n');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the studio’s Categories page (S32)', { timeout: 30_000 }, () => {
  it('[S32] results are masked by default: no result name in the page, only the shape', async () => {
    const { studio } = await studioAs('producer');
    const { container } = render(StudioCategories, { studio, lang: 'en' });
    expect(screen.getByRole('heading', { name: /Editing category Best public app/ })).toBeTruthy();
    expect(pageHolds(container)).not.toContain(RESULT_NAME);
    expect(screen.queryByLabelText(/Place · Result 1/)).toBeNull();
    expect(screen.getByTestId('results-shape').textContent).toMatch(/results entered for 3 places/);
    expect(screen.getByRole('button', { name: 'Show results' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('[S32] shown on purpose, the names appear; they hide again on their own after the time, and when another category is picked', async () => {
    const { studio } = await studioAs('results_officer');
    vi.useFakeTimers();
    const { container } = render(StudioCategories, { studio, lang: 'en' });
    await fireEvent.click(screen.getByRole('button', { name: 'Show results' }));
    expect(screen.getByRole('button', { name: 'Hide results' }).getAttribute('aria-pressed')).toBe('true');
    const names = screen.getAllByLabelText(/^Name · Result \d+ \(English\)$/) as HTMLInputElement[];
    expect(names.map((n) => n.value)).toContain(RESULT_NAME);
    expect(screen.getByRole('note').textContent).toMatch(/A tie: place 3/);

    await vi.advanceTimersByTimeAsync(RESULTS_SHOWN_MS - 1_000);
    expect(screen.queryAllByLabelText(/^Name · Result \d+ \(English\)$/).length).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(screen.queryAllByLabelText(/^Name · Result \d+ \(English\)$/)).toEqual([]);
    expect(pageHolds(container)).not.toContain(RESULT_NAME);
    expect(container.textContent).toContain('Results are hidden again.');

    await fireEvent.click(screen.getByRole('button', { name: 'Show results' }));
    expect(pageHolds(container)).toContain(RESULT_NAME);
    const list = screen.getByRole('navigation', { name: /categories/i });
    await fireEvent.click(within(list).getAllByRole('button')[1]!);
    expect(pageHolds(container)).not.toContain(RESULT_NAME);
    expect(screen.getByRole('button', { name: 'Show results' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('[S32] an edit while shown keeps them shown; the edit is saved', async () => {
    const { studio, saves } = await studioAs('results_officer');
    vi.useFakeTimers();
    render(StudioCategories, { studio, lang: 'en' });
    await fireEvent.click(screen.getByRole('button', { name: 'Show results' }));
    await vi.advanceTimersByTimeAsync(RESULTS_SHOWN_MS - 2_000);
    const score = screen.getByLabelText('Score · Result 1') as HTMLInputElement;
    await fireEvent.focus(score);
    await fireEvent.input(score, { target: { value: '95' } });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(screen.getByLabelText('Score · Result 1')).toBeTruthy();
    const ranked = studio.definition.categories![0]!;
    expect(ranked.kind === 'ranked' && ranked.results[0]!.score).toBe(95);
    const saved = saves.at(-1)?.categories?.[0];
    expect(saved?.kind === 'ranked' && saved.results[0]!.score).toBe(95);
  });

  it('[S32] the stage manager’s masked draft shows the shape, with no show button and nothing to edit', async () => {
    const { studio } = await studioAs('stage_manager', sample(), true);
    expect(studio.masked).toBe(true);
    const { container } = render(StudioCategories, { studio, lang: 'fa' });
    expect(screen.queryByRole('button', { name: 'نمایش نتایج' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Show results/ })).toBeNull();
    expect(pageHolds(container)).not.toContain(RESULT_NAME);
    expect(screen.getByTestId('results-shape').textContent).toContain('۳');
    expect(screen.queryByRole('button', { name: 'افزودن بخش رتبه‌ای' })).toBeNull();
    for (const input of container.querySelectorAll('input, select, textarea')) expect((input as HTMLInputElement).disabled).toBe(true);
  });

  it('[S32] a new category is added to the run of show too, and a removed one leaves it', async () => {
    const { studio } = await studioAs('producer');
    render(StudioCategories, { studio, lang: 'en' });
    await fireEvent.click(screen.getByRole('button', { name: 'Add nominees category' }));
    const added = studio.definition.categories!.at(-1)!;
    expect(added.kind).toBe('nominees');
    expect(studio.definition.runOfShow!.some((s) => s.kind === 'category' && s.categoryId === added.id)).toBe(true);
    const title = screen.getByLabelText('Title (English)');
    await fireEvent.input(title, { target: { value: 'Best Picture' } });
    expect(added.title.en).toBe('Best Picture');
    await fireEvent.input(screen.getByLabelText('Id'), { target: { value: 'best-picture' } });
    expect(studio.definition.runOfShow!.some((s) => s.kind === 'category' && s.categoryId === 'best-picture')).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove this category' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Yes, remove "Best Picture"' }));
    expect(studio.definition.categories!.some((c) => c.id === 'best-picture')).toBe(false);
    expect(studio.definition.runOfShow!.some((s) => s.kind === 'category' && s.categoryId === 'best-picture')).toBe(false);
    expect(studio.problems).toEqual([]);
  });

  it('[S32] sent from the Check page to a field, the page picks its category and puts the cursor there; to a result, it stays masked', async () => {
    const { studio } = await studioAs('producer');
    requestFocus('categories[1].title.en');
    const first = render(StudioCategories, { studio, lang: 'en' });
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('f-categories-1-title-en'));
    expect(screen.getByRole('heading', { name: /Editing category Open data project of the year/ })).toBeTruthy();
    first.unmount();
    requestFocus('categories[0].results[2].recipient.name.en');
    const { container } = render(StudioCategories, { studio, lang: 'en' });
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Show results'));
    expect(pageHolds(container)).not.toContain(RESULT_NAME);
  });

  it('[S32] winners are checkboxes among the nominees, shown on purpose; two make a tie', async () => {
    const { studio } = await studioAs('producer');
    render(StudioCategories, { studio, lang: 'en' });
    const list = screen.getByRole('navigation', { name: /categories/i });
    await fireEvent.click(within(list).getAllByRole('button')[1]!);
    expect(screen.queryAllByRole('checkbox', { checked: true }).filter((c) => c.closest('.winners'))).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Show results' }));
    const winners = screen.getAllByRole('checkbox').filter((c) => c.closest('.winners')) as HTMLInputElement[];
    expect(winners.filter((w) => w.checked)).toHaveLength(1);
    await fireEvent.click(winners.find((w) => !w.checked)!);
    expect(screen.getAllByRole('note').some((n) => /a tie/.test(n.textContent ?? ''))).toBe(true);
  });
});

describe('the studio’s Check page (S32)', { timeout: 30_000 }, () => {
  const unsealed = { seal: async (): Promise<SealProof> => ({ ceremonyId: 'sample-awards', sealed: false }) };

  it('[S32] lists each item with its level, and takes you to the field of a problem', async () => {
    const definition = sample();
    definition.runOfShow = definition.runOfShow!.filter((s) => !(s.kind === 'category' && s.categoryId === 'open-data'));
    const { studio } = await studioAs('producer', definition);
    const { container } = render(StudioCheck, { studio, lang: 'en', sealApi: unsealed });
    await vi.waitFor(() => expect(container.querySelector('[data-check="sealed"]')?.getAttribute('data-level')).toBe('warning'));
    expect(container.querySelector('[data-check="runOfShow"]')?.getAttribute('data-level')).toBe('blocking');
    expect(container.querySelector('[data-check="problems"]')?.getAttribute('data-level')).toBe('blocking');
    const item = container.querySelector('[data-check="runOfShow"]') as HTMLElement;
    await fireEvent.click(within(item).getByRole('button', { name: 'Go there' }));
    expect(studio.tab).toBe('runOfShow');
  });

  it('[S32] in Persian, with Persian digits and each problem in Persian', async () => {
    const definition = sample();
    definition.title = { fa: '', en: 'Only English' };
    definition.id = 'Bad Id';
    const { studio } = await studioAs('producer', definition);
    const { container } = render(StudioCheck, { studio, lang: 'fa', sealApi: unsealed });
    expect(container.textContent).toContain('شناسه باید از حروف کوچک لاتین');
    expect(container.textContent).not.toContain('expected an id');
    expect(container.querySelector('[data-check="languages"]')?.getAttribute('data-level')).toBe('warning');
    expect(container.textContent).toContain('title.fa');
  });
});
