import { describe, expect, it } from 'vitest';
import type { Category } from '../../shared/ceremony';
import { importResultsRows } from '../../shared/csv-import';
import { applySheet, type SheetTable } from '../../shared/sheet-import';
import { blankDefinition, type DraftDefinition } from '../../shared/studio';
import { sampleCeremony } from '../helpers/ceremony-harness';

const sheet = (rows: string[][]): SheetTable => ({ name: 'Sheet1', rows });
const draftOf = (): DraftDefinition => sampleCeremony() as unknown as DraftDefinition;
const category = (d: DraftDefinition, id: string) => (d.categories as Category[]).find((c) => c.id === id)!;

describe('[S32] a results sheet', () => {
  it('replaces the results of the categories it names, with a change for each', () => {
    const draft = draftOf();
    const applied = applySheet(draft, sheet([
      ['category', 'place', 'mention', 'name_fa', 'name_en', 'score'],
      ['best-app', '1', '', 'الف', 'A', '90'],
      ['best-app', '2', '', 'ب', 'B', ''],
      [],
      ['best-app', '', 'yes', 'پ', 'P', ''],
    ]), 'results');
    expect(applied.problems).toEqual([]);
    const cat = category(applied.next, 'best-app');
    expect(cat.kind === 'ranked' && cat.results.map((r) => [r.place, r.recipient.name.en, r.score])).toEqual([[1, 'A', 90], [2, 'B', undefined]]);
    expect(cat.mentions?.map((m) => m.recipient.name.fa)).toEqual(['پ']);
    expect(applied.changes).toEqual([
      {
        categoryId: 'best-app',
        title: category(draft, 'best-app').title,
        kind: 'ranked',
        action: 'results-replaced',
        before: { entries: 4, mentions: 2 },
        after: { entries: 2, mentions: 1 },
        addedToRunOfShow: false,
        entries: [
          { row: 2, place: 1, name: { fa: 'الف', en: 'A' } },
          { row: 3, place: 2, name: { fa: 'ب', en: 'B' } },
          { row: 5, mention: true, name: { fa: 'پ', en: 'P' } },
        ],
      },
    ]);
    // The other categories are as they were.
    expect(category(applied.next, 'open-data')).toEqual(category(draft, 'open-data'));
  });

  it('lists the problems of the CSV API, on the sheet row and column, and changes nothing', () => {
    const draft = draftOf();
    const before = structuredClone(draft);
    const rows = [
      ['category', 'place', 'type', 'name_fa', 'name_en', 'score'],
      ['best-app', '3rd', 'organization', 'الف', 'A', ''],
      ['best-app', '1', 'robot', 'ب', 'B', ''],
      ['nope', '1', 'organization', 'پ', 'P', ''],
      ['best-app', '2', 'organization', '', '', ''],
      ['best-app', '2', 'organization', 'ت', 'T', 'lots'],
    ];
    const applied = applySheet(draft, sheet(rows), 'results');
    expect(applied.next).toBe(draft);
    expect(draft).toEqual(before);
    expect(applied.changes).toEqual([]);
    // The same messages as the CSV API gives for the same table.
    const api = importResultsRows(sampleCeremony(), rows.map((cells, i) => ({ line: i + 1, cells })));
    expect(!api.ok && api.problems).toEqual(applied.problems.map((p) => ({ path: `line ${p.row}${p.column ? `, column ${p.column}` : ''}`, message: p.message })));
    expect(applied.problems).toEqual([
      { row: 4, column: 'category', message: 'expected the id of a category of "sample-awards" (best-app, open-data, young-designer, accessibility), got "nope"' },
      { row: 2, column: 'place', message: 'expected a whole number ≥ 1, got "3rd"' },
      { row: 3, column: 'type', message: 'expected "organization" or "person", got "robot"' },
      { row: 5, column: null, message: 'expected a name in name_fa or name_en (or both), got none' },
      { row: 6, column: 'score', message: 'expected a number, got "lots"' },
    ]);
  });

  it('refuses an unknown column by its header name', () => {
    const applied = applySheet(draftOf(), sheet([['category', 'rank'], ['best-app', '1']]), 'results');
    expect(applied.problems).toEqual([{ row: 1, column: 'rank', message: 'unknown column "rank"; the columns are category, place, mention, nominee, winner, type, name_fa, name_en, entry_fa, entry_en, score' }]);
  });

  it("marks a problem the definition's own check finds on the row that made it", () => {
    const applied = applySheet(draftOf(), sheet([
      ['category', 'nominee', 'winner', 'name_en'],
      ['open-data', 'a', 'yes', 'A'],
    ]), 'results');
    expect(applied.problems).toEqual([{ row: 2, column: 'nominee', message: expect.stringContaining('expected at least two nominees') as string, path: 'categories[1].nominees' }]);
  });

  it('is not held back by a problem the draft already had', () => {
    const draft = { ...draftOf(), title: { fa: '', en: '' } };
    const applied = applySheet(draft, sheet([['category', 'place', 'name_en'], ['best-app', '1', 'A']]), 'results');
    expect(applied.problems).toEqual([]);
    expect(applied.next.title).toEqual({ fa: '', en: '' });
  });
});

describe('[S32] a categories sheet', () => {
  const header = ['category', 'kind', 'title_fa', 'title_en', 'prize_en', 'place', 'nominee', 'winner', 'mention', 'type', 'name_fa', 'name_en', 'entry_en', 'score'];

  it('creates whole categories, adds them to the run of show before the closing, and replaces one that exists', () => {
    const draft = draftOf();
    const applied = applySheet(draft, sheet([
      header,
      ['best-picture', 'nominees', 'بهترین فیلم', 'Best Picture', 'A statuette', '', 'dune', '', '', 'organization', '', 'Dune', '', ''],
      ['best-picture', '', '', '', '', '', 'anora', 'yes', '', '', '', 'Anora', 'Sean Baker', ''],
      ['best-app', 'ranked', 'بهترین اپ', 'Best app', '', '1', '', '', '', 'person', 'سارا', 'Sara', '', '99'],
    ]), 'categories');
    expect(applied.problems).toEqual([]);
    const picture = category(applied.next, 'best-picture');
    expect(picture).toEqual({
      id: 'best-picture',
      kind: 'nominees',
      title: { fa: 'بهترین فیلم', en: 'Best Picture' },
      prize: { en: 'A statuette' },
      nominees: [
        { id: 'dune', recipient: { type: 'organization', name: { en: 'Dune' } } },
        { id: 'anora', recipient: { type: 'organization', name: { en: 'Anora' }, entry: { en: 'Sean Baker' } } },
      ],
      winners: ['anora'],
    });
    expect(category(applied.next, 'best-app')).toEqual({
      id: 'best-app',
      kind: 'ranked',
      title: { fa: 'بهترین اپ', en: 'Best app' },
      results: [{ place: 1, recipient: { type: 'person', name: { fa: 'سارا', en: 'Sara' } }, score: 99 }],
    });
    const segments = (applied.next.runOfShow as { kind: string; categoryId?: string; id?: string }[]).map((s) => s.categoryId ?? s.id);
    expect(segments.slice(-2)).toEqual(['best-picture', 'closing']);
    expect(applied.changes.map((c) => [c.categoryId, c.action, c.before, c.after, c.addedToRunOfShow])).toEqual([
      ['best-picture', 'category-added', { entries: 0, mentions: 0 }, { entries: 2, mentions: 0 }, true],
      ['best-app', 'category-replaced', { entries: 4, mentions: 2 }, { entries: 1, mentions: 0 }, false],
    ]);
  });

  it('builds a ceremony from a blank draft', () => {
    const applied = applySheet(blankDefinition('night', '2026-03-01'), sheet([header, ['top', 'ranked', '', 'Top', '', '1', '', '', '', '', '', 'A', '', '']]), 'categories');
    expect(applied.problems).toEqual([]);
    expect(applied.next.runOfShow).toEqual([{ kind: 'opening', id: 'opening' }, { kind: 'category', categoryId: 'top' }]);
  });

  it('marks every problem on its row and column, and changes nothing', () => {
    const draft = draftOf();
    const applied = applySheet(draft, sheet([
      header,
      ['Bad Id', 'ranked', '', 'X', '', '1', '', '', '', '', '', 'A', '', ''],
      ['c2', 'podium', '', 'Y', '', '1', '', '', '', '', '', 'A', '', ''],
      ['c3', 'ranked', '', '', '', '1', '', '', '', '', '', 'A', '', ''],
      ['c4', 'ranked', '', 'Four', '', '1', '', '', '', '', '', 'A', '', ''],
      ['c4', '', '', 'Other four', '', 'x', '', '', '', '', '', 'B', '', ''],
    ]), 'categories');
    expect(applied.next).toBe(draft);
    expect(applied.problems).toEqual([
      { row: 2, column: 'category', message: 'expected a category id of lowercase letters, digits and dashes (at most 64), got "Bad Id"' },
      { row: 3, column: 'kind', message: 'expected "ranked" or "nominees", got "podium"' },
      { row: 4, column: 'title_fa', message: 'expected a title in title_fa or title_en (or both), got none' },
      { row: 6, column: 'title_en', message: 'expected the same title_en as row 5 ("Four") of this category, got "Other four"' },
      { row: 6, column: 'place', message: 'expected a whole number ≥ 1, got "x"' },
    ]);
  });

  it('needs the category and kind columns', () => {
    const applied = applySheet(draftOf(), sheet([['category', 'name_en'], ['x', 'A']]), 'categories');
    expect(applied.problems).toEqual([{ row: 1, column: null, message: 'expected a header with a "kind" column, got "category,name_en"' }]);
  });
});
