import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResultsShown } from '../../client/lib/results-shown.svelte';
import {
  addCategory,
  addNominee,
  duplicateCategory,
  fieldId,
  readNumber,
  readPlaces,
  removeNominee,
  renameCategory,
  renameNominee,
  setWinner,
  tiedPlaces,
  type DraftCategory,
} from '../../client/lib/studio-categories';
import { focusField } from '../../client/lib/studio-focus';
import { blankDefinition, validateDraft } from '../../shared/studio';

afterEach(() => {
  vi.useRealTimers();
});

describe('editing categories (S32)', () => {
  it('[S32] a category added, duplicated and renamed keeps the run of show in step (before the closing)', () => {
    const definition = blankDefinition('x', '2026-01-01');
    definition.runOfShow!.push({ kind: 'closing', id: 'closing' });
    const i = addCategory(definition, 'ranked');
    expect(definition.runOfShow!.map((s) => s.kind)).toEqual(['opening', 'category', 'closing']);
    const j = duplicateCategory(definition, i, (c) => structuredClone(c));
    expect(definition.categories![j]!.id).toBe('category-1-copy');
    expect(definition.runOfShow!.map((s) => (s.kind === 'category' ? s.categoryId : s.kind))).toEqual(['opening', 'category-1', 'category-1-copy', 'closing']);
    renameCategory(definition, j, 'second');
    expect(definition.runOfShow!.some((s) => s.kind === 'category' && s.categoryId === 'second')).toBe(true);
    const problems = validateDraft(definition);
    expect(problems.ok ? [] : problems.problems.map((p) => p.path)).not.toContain('categories[1]');
  });

  it('[S32] nominees renamed or removed take their winner marks and display order with them', () => {
    const category: DraftCategory = { id: 'c', kind: 'nominees', nominees: [], winners: [], displayOrder: [] };
    addNominee(category);
    addNominee(category);
    setWinner(category, 'nominee-1', true);
    renameNominee(category, 0, 'alpha');
    expect(category.winners).toEqual(['alpha']);
    expect(category.displayOrder).toEqual(['alpha', 'nominee-2']);
    removeNominee(category, 0);
    expect(category.winners).toEqual([]);
    expect(category.displayOrder).toEqual(['nominee-2']);
  });

  it('[S32] ties, numbers in Persian digits, custom reveal orders, field ids', () => {
    expect(tiedPlaces({ id: 'c', kind: 'ranked', results: [1, 1, 3, 3, 2].map((place) => ({ place, recipient: { type: 'person', name: { en: 'x' } } })) })).toEqual([1, 3]);
    expect(readNumber('۱۲')).toBe(12);
    expect(readNumber('۳٫۵')).toBe(3.5);
    expect(readNumber('abc')).toBeNull();
    expect(readPlaces('۳، ۱، ۲')).toEqual([3, 1, 2]);
    expect(readPlaces('3, x')).toBeNull();
    expect(fieldId('categories[2].title')).toBe('f-categories-2-title');
    expect(fieldId('categories[2].results[0].recipient.name')).toBe('f-categories-2-results-0-recipient-name');
  });

  it('[S32] the focus goes to the field of a path, or the nearest one above it', () => {
    document.body.innerHTML = `<input id="${fieldId('categories[0].title')}-fa" /><section id="${fieldId('categories[0].results')}"><button>show</button></section>`;
    expect(focusField('categories[0].title.fa')).toBe(true);
    expect(document.activeElement?.id).toBe('f-categories-0-title-fa');
    expect(focusField('categories[0].results[2].recipient.name.en')).toBe(true);
    expect(document.activeElement?.tagName).toBe('BUTTON');
    expect(focusField('runOfShow[3]')).toBe(false);
  });

  it('[S32] results shown hide again after the time; one category at a time', () => {
    vi.useFakeTimers();
    const shown = new ResultsShown(1_000);
    shown.show('0');
    expect(shown.isShown('0')).toBe(true);
    vi.advanceTimersByTime(600);
    shown.touch();
    vi.advanceTimersByTime(600);
    expect(shown.isShown('0')).toBe(true);
    vi.advanceTimersByTime(400);
    expect(shown.isShown('0')).toBe(false);
    expect(shown.hiddenByTime).toBe(true);
    shown.show('1');
    shown.show('2');
    expect(shown.isShown('1')).toBe(false);
    shown.hide();
    expect(shown.hiddenByTime).toBe(false);
  });
});
