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
