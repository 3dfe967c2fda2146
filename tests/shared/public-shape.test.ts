import { describe, expect, it } from 'vitest';
import { Harness, loadDefinition } from '../helpers/ceremony-harness';
import type { Category } from '../../shared/ceremony';
import { importResultsRows } from '../../shared/csv-import';
import { buildCues, toPublicCeremony } from '../../shared/cues';
import type { EventBody } from '../../shared/events';
import { parseCeremony } from '../../shared/validation';

// Given / when / then for docs/spec.md S16: nothing public before a reveal follows the results.

function ceremonyWith(...categories: Record<string, unknown>[]) {
  return {
    schemaVersion: 1,
    id: 'shape',
    title: { en: 'Shape' },
    date: '2024-01-01',
    timeZone: 'UTC',
    organizations: [{ id: 'org-z' }],
    runOfShow: categories.map((c) => ({ kind: 'category', categoryId: c.id })),
    categories,
  };
}

const person = (fa: string, en: string, extra: Record<string, unknown> = {}) => ({ type: 'person', name: { fa, en }, ...extra });

/** The winner written first, as results are written down; only it has an entry and an organization. */
const winnerListedFirst = {
  id: 'design',
  kind: 'nominees',
  title: { en: 'Design' },
  nominees: [
    { id: 'n1', recipient: person('ژاله', 'Zhaleh', { entry: { en: 'The winning poster' }, organizationId: 'org-z' }), score: 99 },
    { id: 'n2', recipient: person('آرش', 'Arash') },
    { id: 'n3', recipient: person('بهار', 'Bahar') },
  ],
  winners: ['n1'],
};

function revealOf(h: Harness, cueId: string): Extract<EventBody, { type: 'result_revealed' }> {
  h.given({ type: 'jump', cueId, confirm: true });
  const d = h.go();
  const event = d.ok ? d.events[0] : undefined;
  if (event?.type !== 'result_revealed') throw new Error(`expected a reveal, got ${JSON.stringify(d)}`);
  return event;
}

describe('[S16] nominees', () => {
  it('[S16] given the winner listed first with an entry and an organization, the public list is by name, with positional ids and the same fields for all', () => {
    const def = loadDefinition(ceremonyWith(winnerListedFirst));
    const nominees = toPublicCeremony(def).categories[0]!.nominees!;
    expect(nominees).toEqual([
      { id: 'nominee-1', recipient: { type: 'person', name: { fa: 'آرش', en: 'Arash' } } },
      { id: 'nominee-2', recipient: { type: 'person', name: { fa: 'بهار', en: 'Bahar' } } },
      { id: 'nominee-3', recipient: { type: 'person', name: { fa: 'ژاله', en: 'Zhaleh' } } },
    ]);
    // When the winner is revealed, it carries its public id and its full recipient.
    const reveal = revealOf(new Harness(def), 'design/winner');
    expect(reveal.entries).toEqual([{ nomineeId: 'nominee-3', score: 99, recipient: winnerListedFirst.nominees[0]!.recipient }]);
  });

  it('[S16] given an entry on every nominee, entries are public; the Persian collation sorts آ ا ب پ as a Persian reader expects', () => {
    const category = {
      ...winnerListedFirst,
      nominees: [
        { id: 'x', recipient: person('پویا', 'Pooya', { entry: { en: 'p' } }) },
        { id: 'y', recipient: person('بهار', 'Bahar', { entry: { en: 'b' } }) },
        { id: 'z', recipient: person('آرش', 'Arash', { entry: { en: 'a' } }) },
        { id: 'w', recipient: person('امید', 'Omid', { entry: { en: 'o' } }) },
      ],
      winners: ['x'],
    };
    const nominees = toPublicCeremony(loadDefinition(ceremonyWith(category))).categories[0]!.nominees!;
    expect(nominees.map((n) => [n.recipient.name.en, n.recipient.entry?.en])).toEqual([
      ['Arash', 'a'],
      ['Omid', 'o'],
      ['Bahar', 'b'],
      ['Pooya', 'p'],
    ]);
  });

  it('[S16] given a displayOrder, nominees are published in that order; one that is not every nominee id once is refused', () => {
    const def = loadDefinition(ceremonyWith({ ...winnerListedFirst, displayOrder: ['n3', 'n1', 'n2'] }));
    expect(toPublicCeremony(def).categories[0]!.nominees!.map((n) => [n.id, n.recipient.name.en])).toEqual([
      ['nominee-1', 'Bahar'],
      ['nominee-2', 'Zhaleh'],
      ['nominee-3', 'Arash'],
    ]);
    expect(revealOf(new Harness(def), 'design/winner').entries.map((e) => e.nomineeId)).toEqual(['nominee-2']);
    const parsed = parseCeremony(ceremonyWith({ ...winnerListedFirst, displayOrder: ['n3', 'n1', 'n1'] }));
    expect(!parsed.ok && parsed.problems).toEqual([{ path: 'categories[0].displayOrder', message: 'expected every nominee id once (n1, n2, n3), got ["n3","n1","n1"]' }]);
  });
});

describe('[S16] ranked places and mentions', () => {
  const ranked = (places: number[], extra: Record<string, unknown> = {}) => ({
    id: 'rank',
    kind: 'ranked',
    title: { en: 'Rank' },
    results: places.map((place, i) => ({ place, recipient: person(`راز${i}`, `SECRET${i}`) })),
    ...extra,
  });

  it('[S16] given a tie 1, 1, 3, the places and cues are those of 1, 2, 3; when GO reaches 2nd place, it is revealed empty', () => {
    const tied = loadDefinition(ceremonyWith(ranked([1, 1, 3])));
    const plain = loadDefinition(ceremonyWith(ranked([1, 2, 3])));
    expect(JSON.stringify(buildCues(tied))).toBe(JSON.stringify(buildCues(plain)));
    expect(JSON.stringify(toPublicCeremony(tied))).toBe(JSON.stringify(toPublicCeremony(plain)));
    expect(buildCues(tied).map((c) => c.id)).toEqual(['rank/intro', 'rank/place-3', 'rank/place-2', 'rank/place-1', 'rank/summary']);
    expect(toPublicCeremony(tied).categories[0]!.places).toEqual([1, 2, 3]);
    const h = new Harness(tied);
    expect(revealOf(h, 'rank/place-2').entries).toEqual([]);
    // The tie is one reveal of both.
    expect(revealOf(h, 'rank/place-1').entries.map((e) => e.recipient.name.en)).toEqual(['SECRET0', 'SECRET1']);
  });

  it('[S16] given a placeCount, the results must fit in it, and it alone sets the cues', () => {
    const def = loadDefinition(ceremonyWith(ranked([1, 2], { placeCount: 3, revealOrder: 'first-to-last' })));
    expect(buildCues(def).filter((c) => c.kind === 'reveal').map((c) => c.id)).toEqual(['rank/place-1', 'rank/place-2', 'rank/place-3']);
    const parsed = parseCeremony(ceremonyWith(ranked([1, 4], { placeCount: 3 })));
    expect(!parsed.ok && parsed.problems).toEqual([
      { path: 'categories[0].results[1].place', message: "expected a place from 1 to 3 (the category's placeCount or the length of its revealOrder), got 4" },
    ]);
  });

  it('[S16] given a declared but empty mentions list, the mentions cue is there and reveals nobody; a CSV without mentions keeps the list', () => {
    const def = loadDefinition(ceremonyWith(ranked([1, 2], { mentions: [] })));
    expect(buildCues(def).map((c) => c.id)).toContain('rank/mentions');
    expect(revealOf(new Harness(def), 'rank/mentions').entries).toEqual([]);
    const table = [
      { line: 1, cells: ['category', 'place', 'name_en'] },
      { line: 2, cells: ['rank', '1', 'Someone'] },
      { line: 3, cells: ['rank', '2', 'Another'] },
    ];
    const imported = importResultsRows(def, table);
    const category = imported.ok ? (imported.value.categories[0] as Category) : null;
    expect(category?.mentions).toEqual([]);
    // Without the list, there is no mentions cue.
    expect(buildCues(loadDefinition(ceremonyWith(ranked([1, 2])))).map((c) => c.id)).not.toContain('rank/mentions');
  });
});
