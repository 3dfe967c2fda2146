import { describe, expect, it } from 'vitest';
import type { SealProof } from '../../shared/seal';
import { checklist, missingPlaces, sealMatchesDraft, tabOfPath, type ChecklistItem } from '../../shared/studio-checklist';
import type { DraftDefinition } from '../../shared/studio';
import { validateDraft } from '../../shared/studio';
import { sampleDefinition } from './broken-definitions';

const fine = { sealed: true, sealMatches: true, published: true, problems: [] };
const sample = () => sampleDefinition() as DraftDefinition;
const item = (items: ChecklistItem[], id: ChecklistItem['id']) => items.find((i) => i.id === id)!;

function englishOnly(): DraftDefinition {
  return {
    schemaVersion: 1,
    id: 'oscars',
    title: { en: 'The Awards' },
    date: '2026-03-01',
    timeZone: 'America/Los_Angeles',
    runOfShow: [{ kind: 'category', categoryId: 'picture' }],
    categories: [
      {
        id: 'picture',
        kind: 'nominees',
        title: { en: 'Best Picture' },
        nominees: [
          { id: 'a', recipient: { type: 'organization', name: { en: 'A' } } },
          { id: 'b', recipient: { type: 'organization', name: { en: 'B' } } },
        ],
        winners: ['a'],
      },
    ],
  };
}

describe('the check before the show (S32)', () => {
  it('[S32] the sample ceremony, published and sealed, is all ok but for its one-language texts', () => {
    expect(validateDraft(sample()).ok).toBe(true);
    const items = checklist(sample(), fine);
    expect(items.map((i) => i.id)).toEqual(['problems', 'runOfShow', 'results', 'languages', 'published', 'sealed']);
    for (const i of items) {
      expect(i.text.fa).toMatch(/[\u0600-\u06FF]/);
      expect(i.text.en).toMatch(/[a-z]/);
      if (i.id !== 'languages') expect(i.level, i.id).toBe('ok');
    }
  });

  it('[S32] problems block, and lead to the tab of the first one', () => {
    const items = checklist(sample(), { ...fine, problems: [{ path: 'runOfShow[2].categoryId', message: 'x' }, { path: 'title', message: 'y' }] });
    const problems = item(items, 'problems');
    expect(problems.level).toBe('blocking');
    expect(problems.text.fa).toContain('۲');
    expect(problems.target).toEqual({ tab: 'runOfShow', path: 'runOfShow[2].categoryId' });
    expect(tabOfPath('categories[1].results[0]')).toBe('categories');
    expect(tabOfPath('date')).toBe('details');
  });

  it('[S32] a category missing from the run of show blocks, listed by its path', () => {
    const definition = sample();
    definition.runOfShow = (definition.runOfShow ?? []).filter((s) => !(s.kind === 'category' && s.categoryId === 'open-data'));
    const runOfShow = item(checklist(definition, fine), 'runOfShow');
    expect(runOfShow.level).toBe('blocking');
    expect(runOfShow.details).toHaveLength(1);
    expect(runOfShow.details[0]!.path).toMatch(/^categories\[\d\]$/);
    expect(runOfShow.details[0]!.text.en).toContain('open-data');
  });

  it('[S32] every place needs its result, but a place a tie skips is not missing; every nominees category needs a winner', () => {
    expect(missingPlaces({ placeCount: 3, results: [{ place: 1 }, { place: 1 }, { place: 3 }] })).toEqual([]);
    expect(missingPlaces({ placeCount: 3, results: [{ place: 1 }, { place: 2 }, { place: 2 }] })).toEqual([]);
    expect(missingPlaces({ placeCount: 4, results: [{ place: 1 }, { place: 3 }] })).toEqual([2, 4]);
    expect(missingPlaces({ revealOrder: [2, 1], results: [] })).toEqual([1, 2]);
    const definition = englishOnly();
    definition.categories = [{ ...definition.categories![0]!, winners: [] } as never, { id: 'ranked', kind: 'ranked', placeCount: 3, title: { en: 'R' }, results: [{ place: 1, recipient: { type: 'person', name: { en: 'X' } } }], mentions: [] }];
    const results = item(checklist(definition, fine), 'results');
    expect(results.level).toBe('blocking');
    expect(results.details.map((d) => d.path)).toEqual(['categories[0].winners', 'categories[1].results', 'categories[1].mentions']);
    expect(results.details[1]!.text.en).toContain('2, 3');
    expect(results.details[1]!.text.fa).toContain('۲، ۳');
    expect(results.target).toEqual({ tab: 'categories', path: 'categories[0].winners' });
  });

  it('[S32] an empty mentions list alone is a warning (its reveal shows no one)', () => {
    const definition = englishOnly();
    definition.categories = [{ ...definition.categories![0]!, mentions: [] }];
    expect(item(checklist(definition, fine), 'results').level).toBe('warning');
  });

  it('[S32] in a bilingual ceremony each text missing a language is a warning, listed by the path of the missing language', () => {
    const definition = sample();
    definition.title = { fa: 'جایزه', en: '' };
    const languages = item(checklist(definition, fine), 'languages');
    expect(languages.level).toBe('warning');
    expect(languages.details.map((d) => d.path)).toContain('title.en');
    expect(languages.target.path).toBe(languages.details[0]!.path);
  });

  it('[S32] a one-language ceremony is fine when its screens open in that language, else it is told to set the default language', () => {
    const definition = englishOnly();
    const warned = item(checklist(definition, fine), 'languages');
    expect(warned.level).toBe('warning');
    expect(warned.target).toEqual({ tab: 'details', path: 'defaultLanguage' });
    definition.defaultLanguage = 'en';
    const languages = item(checklist(definition, fine), 'languages');
    expect(languages.level).toBe('ok');
    expect(languages.details).toEqual([]);
  });

  it('[S32] not published blocks; not sealed warns; a seal that no longer fits blocks', () => {
    expect(item(checklist(sample(), { ...fine, published: false }), 'published').level).toBe('blocking');
    expect(item(checklist(sample(), { ...fine, sealed: false, sealMatches: false }), 'sealed').level).toBe('warning');
    const stale = item(checklist(sample(), { ...fine, sealMatches: false }), 'sealed');
    expect(stale.level).toBe('blocking');
    expect(stale.target.tab).toBe('publish');
  });

  it('[S32] a seal fits the draft when it has one commitment per reveal cue and nothing changed since', () => {
    const definition = englishOnly();
    const proof = (cueIds: string[], changedSinceSeal = false): SealProof => ({
      ceremonyId: 'oscars',
      sealed: true,
      sealNo: 1,
      version: 1,
      sealedAt: 0,
      sealedBy: 'x',
      timeZone: 'UTC',
      root: '0'.repeat(64),
      algorithm: '',
      commitments: cueIds.map((cueId) => ({ cueId, categoryId: 'picture', slot: null, label: {}, commitment: '0'.repeat(64) })),
      revealed: [],
      corrections: [],
      changedSinceSeal,
    });
    expect(sealMatchesDraft(proof(['picture/winner']), definition)).toBe(true);
    expect(sealMatchesDraft(proof(['picture/winner'], true), definition)).toBe(false);
    expect(sealMatchesDraft(proof(['picture/winner', 'picture/mentions']), definition)).toBe(false);
    expect(sealMatchesDraft({ ceremonyId: 'oscars', sealed: false }, definition)).toBe(false);
    expect(sealMatchesDraft(proof(['picture/winner']), { ...definition, date: 'soon' })).toBe(false);
  });

  it('[S32] a broken draft is read defensively: no throw on missing or wrong parts', () => {
    const broken = { categories: [null, 5, { kind: 'ranked', results: 'x' }, { kind: 'nominees' }], runOfShow: 'x', title: 7 } as unknown as DraftDefinition;
    const items = checklist(broken, { ...fine, problems: [{ path: '(root)', message: 'x' }] });
    expect(item(items, 'results').details.map((d) => d.path)).toEqual(['categories[3].winners']);
    expect(item(items, 'runOfShow').details).toHaveLength(2);
  });
});
