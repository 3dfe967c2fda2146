import fc from 'fast-check';
import type { CeremonyDefinition } from '../../shared/ceremony';
import type { Command } from '../../shared/commands';

/** A random, valid ceremony whose every recipient name is unique and marked SECRET, to search for. */
export const ceremonyArb: fc.Arbitrary<CeremonyDefinition> = fc
  .array(
    fc.oneof(
      fc.record({ kind: fc.constant('ranked' as const), places: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }), mentions: fc.nat(2), order: fc.constantFrom('last-to-first', 'first-to-last') }),
      fc.record({ kind: fc.constant('nominees' as const), nominees: fc.integer({ min: 2, max: 6 }), winners: fc.integer({ min: 1, max: 2 }), mentions: fc.nat(1) }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((shapes) => {
    let n = 0;
    const recipient = () => {
      n += 1;
      return { type: 'organization' as const, name: { fa: `رازنام${n}ث`, en: `SECRET${n}X` } };
    };
    const categories = shapes.map((shape, i) => {
      const base = { id: `cat-${i}`, title: { fa: `دسته ${i}`, en: `Category ${i}` }, ...(shape.mentions > 0 ? { mentions: Array.from({ length: shape.mentions }, () => ({ recipient: recipient() })) } : {}) };
      if (shape.kind === 'ranked') {
        return { ...base, kind: 'ranked' as const, revealOrder: shape.order as 'last-to-first' | 'first-to-last', results: shape.places.map((place) => ({ place, recipient: recipient() })) };
      }
      const nominees = Array.from({ length: shape.nominees }, (_, j) => ({ id: `n${j}`, recipient: recipient() }));
      return { ...base, kind: 'nominees' as const, nominees, winners: nominees.slice(0, Math.min(shape.winners, shape.nominees)).map((x) => x.id) };
    });
    return {
      schemaVersion: 1 as const,
      id: 'random',
      title: { en: 'Random' },
      date: '2024-01-01',
      timeZone: 'UTC',
      runOfShow: [{ kind: 'opening' as const, id: 'opening' }, ...categories.map((c) => ({ kind: 'category' as const, categoryId: c.id })), { kind: 'closing' as const, id: 'closing' }],
      categories,
    };
  });

/** A random operator action; `go` is resolved against the state when it runs. */
export type Action =
  | { type: 'go'; stale: boolean }
  | { type: 'retract' }
  | { type: 'hold' }
  | { type: 'resume' }
  | { type: 'announce' }
  | { type: 'jump'; to: number };

/** One operator action, mostly GO. */
export const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: fc.constant('go' as const), stale: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ type: 'retract' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'hold' as const }) },
  { weight: 2, arbitrary: fc.constant({ type: 'resume' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'announce' as const }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('jump' as const), to: fc.nat(40) }) },
);

export const actionsArb: fc.Arbitrary<Action[]> = fc.array(actionArb, { maxLength: 60 });

export function toCommand(action: Action, cueIds: readonly string[], nextCueId: string | undefined, i: number): Command {
  switch (action.type) {
    case 'go':
      return { type: 'go', commandId: `a${i}`, expectedCue: action.stale ? (cueIds[(i * 7) % cueIds.length] ?? 'x') : (nextCueId ?? 'none') };
    case 'retract':
      return { type: 'retract', commandId: `a${i}`, confirm: true };
    case 'hold':
    case 'resume':
      return { type: action.type, commandId: `a${i}` };
    case 'announce':
      return { type: 'announce', commandId: `a${i}`, text: { en: `note ${i}` } };
    case 'jump':
      return { type: 'jump', commandId: `a${i}`, cueId: cueIds[action.to % cueIds.length]!, confirm: true };
  }
}

/**
 * Two valid definitions of one ceremony that differ only in their results: who is at which place,
 * ties, scores, who won, who is mentioned, the order the organizer lists nominees in (and so the
 * ids named in that order), and the `organizationId`/`entry` a results sheet gives some recipients.
 * What is public is the same in both: titles, the places (`placeCount` or `revealOrder`, else the
 * number of results), whether a mentions list is there, the nominees' names and type, an entry
 * every nominee has, an explicit `displayOrder`.
 */
export const resultTwinsArb: fc.Arbitrary<[CeremonyDefinition, CeremonyDefinition]> = fc
  .array(
    fc.oneof(
      fc.record({
        kind: fc.constant('ranked' as const),
        places: fc.integer({ min: 1, max: 5 }),
        count: fc.constantFrom('explicit', 'revealOrder', 'results'),
        order: fc.constantFrom('last-to-first', 'first-to-last', undefined),
        shuffle: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
        mentions: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('nominees' as const),
        nominees: fc.array(fc.record({ fa: fc.constantFrom('آرش', 'بهار', 'پویا', 'ژاله', 'سارا', 'کیان'), en: fc.constantFrom('Arash', 'Bahar', 'Pooya', 'Zhaleh', 'Sara', 'Kian'), person: fc.boolean() }), { minLength: 2, maxLength: 6 }),
        allEntries: fc.boolean(),
        displayOrder: fc.option(fc.array(fc.nat(), { minLength: 6, maxLength: 6 })),
        mentions: fc.boolean(),
      }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .chain((shapes) => {
    // One side's results for a category: a function of the public shape and random choices.
    const side = fc.array(
      fc.record({
        ties: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 5 }),
        gaps: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
        mentions: fc.nat(2),
        listing: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        winners: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        marks: fc.array(fc.constantFrom('none', 'entry', 'org', 'both'), { minLength: 6, maxLength: 6 }),
        score: fc.option(fc.integer({ min: 0, max: 100 })),
      }),
      { minLength: shapes.length, maxLength: shapes.length },
    );
    return fc.tuple(fc.constant(shapes), side, side);
  })
  .map(([shapes, left, right]) => {
    const sortBy = <T>(items: readonly T[], keys: readonly number[]) => items.map((item, i) => ({ item, key: keys[i % keys.length]! * 10 + i })).sort((a, b) => a.key - b.key).map((x) => x.item);
    const build = (sides: typeof left, tag: string): CeremonyDefinition => {
      let n = 0;
      const secret = () => {
        n += 1;
        return { type: 'organization' as const, name: { fa: `راز${tag}${n}`, en: `SECRET${tag}${n}` } };
      };
      const categories = shapes.map((shape, i) => {
        const s = sides[i]!;
        const base = {
          id: `cat-${i}`,
          title: { fa: `دسته ${i}`, en: `Category ${i}` },
          ...(shape.mentions ? { mentions: Array.from({ length: s.mentions }, () => ({ recipient: secret(), ...(s.score !== null ? { score: s.score } : {}) })) } : {}),
        };
        if (shape.kind === 'ranked') {
          const count = shape.places;
          let places: number[];
          if (shape.count === 'results') {
            // As many results as places, tied at random (competition ranking: 1, 1, 3).
            places = [];
            for (let k = 0; places.length < count; k++) {
              const at = places.length + 1;
              for (let t = 0; t < s.ties[k % s.ties.length]! && places.length < count; t++) places.push(at);
            }
          } else {
            places = s.gaps.map((g) => Math.min(g, count));
          }
          const explicitOrder = sortBy(
            Array.from({ length: count }, (_, k) => k + 1),
            shape.shuffle,
          );
          return {
            ...base,
            kind: 'ranked' as const,
            ...(shape.count === 'explicit' ? { placeCount: count } : {}),
            ...(shape.count === 'revealOrder' ? { revealOrder: explicitOrder } : shape.order ? { revealOrder: shape.order as 'last-to-first' | 'first-to-last' } : {}),
            results: places.map((place) => ({ place, recipient: secret(), ...(s.score !== null ? { score: s.score + place } : {}) })),
          };
        }
        // The same nominees (unique names), listed in this side's order, with ids named in listing order.
        const people = shape.nominees.map((p, k) => ({ ...p, fa: `${p.fa} ${k}`, en: `${p.en} ${k}`, key: k }));
        const listed = sortBy(people, s.listing);
        const idOf = (key: number) => `n${listed.findIndex((p) => p.key === key) + 1}`;
        const nominees = listed.map((p, j) => {
          // An entry on every nominee is public; otherwise a results sheet gives some of them one (never all).
          const mark = j === listed.length - 1 && !shape.allEntries ? 'org' : s.marks[j]!;
          const entry = shape.allEntries ? { en: `work of ${p.en}` } : mark === 'entry' || mark === 'both' ? { en: `winning work ${tag}` } : undefined;
          return {
            id: `n${j + 1}`,
            recipient: { type: p.person ? ('person' as const) : ('organization' as const), name: { fa: p.fa, en: p.en }, ...(entry ? { entry } : {}), ...(mark === 'org' || mark === 'both' ? { organizationId: `org-${tag}` } : {}) },
            ...(s.score !== null ? { score: s.score + j } : {}),
          };
        });
        const winners = nominees.filter((_, j) => s.winners[j]).map((x) => x.id);
        return {
          ...base,
          kind: 'nominees' as const,
          nominees,
          winners: winners.length > 0 ? winners : [nominees[0]!.id],
          ...(shape.displayOrder ? { displayOrder: sortBy(people, shape.displayOrder).map((p) => idOf(p.key)) } : {}),
        };
      });
      return {
        schemaVersion: 1 as const,
        id: 'twins',
        title: { en: 'Twins' },
        date: '2024-01-01',
        timeZone: 'UTC',
        organizations: [{ id: 'org-a' }, { id: 'org-b' }],
        runOfShow: [{ kind: 'opening' as const, id: 'opening' }, ...categories.map((c) => ({ kind: 'category' as const, categoryId: c.id })), { kind: 'closing' as const, id: 'closing' }],
        categories,
      };
    };
    return [build(left, 'a'), build(right, 'b')];
  });
