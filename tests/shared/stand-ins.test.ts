import { describe, expect, it } from 'vitest';
import { Harness, sampleCeremony, seedCeremony } from '../helpers/ceremony-harness';
import type { CeremonyDefinition, Recipient } from '../../shared/ceremony';
import { realRecipientTexts, withStandIns } from '../../shared/stand-ins';
import { parseCeremony } from '../../shared/validation';

const persian = /^[\u0600-\u06FF\u200c ]+$/;
const latin = /^[A-Za-z ]+$/;

/** Every recipient of a definition in a fixed order, to compare a definition with its stand-in copy. */
function recipients(def: CeremonyDefinition): Recipient[] {
  return def.categories.flatMap((c) => [...(c.mentions ?? []).map((m) => m.recipient), ...(c.kind === 'ranked' ? c.results.map((r) => r.recipient) : c.nominees.map((n) => n.recipient))]);
}

describe('stand-in recipients', () => {
  for (const [name, load] of [
    ['seed', seedCeremony],
    ['sample', sampleCeremony],
  ] as const) {
    it(`${name}: no real name or entry survives in the copy's categories, and the copy is a valid ceremony`, () => {
      const def = load();
      const copy = withStandIns(def);
      const real = realRecipientTexts(def);
      expect(real.length).toBeGreaterThan(0);
      for (const text of real) expect(JSON.stringify(copy.categories)).not.toContain(text);
      // Elsewhere a name stays only where the public run of show says it (the seed's guest of
      // honour heads an agency that is also ranked): as often as in the original, outside its results.
      const count = (json: string, text: string) => json.split(text).length - 1;
      const publicPart = JSON.stringify({ ...def, categories: [], organizations: [] });
      for (const text of real) expect(count(JSON.stringify(copy), text)).toBe(count(publicPart, text));
      expect(parseCeremony(copy)).toMatchObject({ ok: true });
    });

    it(`${name}: each placeholder is in its language's script, with its category's average length`, () => {
      const def = load();
      const copy = withStandIns(def);
      for (const [i, category] of copy.categories.entries()) {
        const real = def.categories[i]!;
        const realNames = [...(real.mentions ?? []).map((m) => m.recipient), ...(real.kind === 'ranked' ? real.results.map((r) => r.recipient) : real.nominees.map((n) => n.recipient))];
        const stand = [...(category.mentions ?? []).map((m) => m.recipient), ...(category.kind === 'ranked' ? category.results.map((r) => r.recipient) : category.nominees.map((n) => n.recipient))];
        for (const lang of ['fa', 'en'] as const) {
          const lengths = realNames.map((r) => r.name[lang]!.length);
          const average = Math.round(lengths.reduce((x, y) => x + y, 0) / lengths.length);
          for (const r of stand) {
            expect(r.name[lang]).toMatch(lang === 'fa' ? persian : latin);
            expect(Math.abs(r.name[lang]!.length - average)).toBeLessThanOrEqual(Math.ceil(average * 0.16));
          }
        }
      }
    });
  }

  it('is deterministic per ceremony, and differs between ceremonies with the same results', () => {
    const def = seedCeremony();
    expect(withStandIns(def)).toEqual(withStandIns(seedCeremony()));
    const other = withStandIns({ ...def, id: 'egov-award-1400' });
    expect(recipients(other).map((r) => r.name.fa)).not.toEqual(recipients(withStandIns(def)).map((r) => r.name.fa));
  });

  it('keeps the shape (run of show, places and ties, reveal order, mentions, nominee ids, number of winners), not the scores', () => {
    const def = sampleCeremony();
    const copy = withStandIns(def);
    expect(copy.runOfShow).toEqual(def.runOfShow);
    for (const [i, c] of copy.categories.entries()) {
      const real = def.categories[i]!;
      expect(c.mentions?.length).toBe(real.mentions?.length);
      if (c.kind === 'ranked' && real.kind === 'ranked') {
        expect(c.results.map((r) => r.place)).toEqual(real.results.map((r) => r.place).sort((a, b) => a - b));
        expect(c.revealOrder).toEqual(real.revealOrder);
        expect(c.results.every((r) => r.score === undefined)).toBe(true);
      }
      if (c.kind === 'nominees' && real.kind === 'nominees') {
        expect(c.nominees.map((n) => n.id)).toEqual(real.nominees.map((n) => n.id));
        expect(c.winners).toEqual(c.nominees.slice(0, real.winners.length).map((n) => n.id));
      }
    }
  });

  it('[S13] cannot be matched to the candidates: whoever is at which place, and whoever wins, the copy is the same', () => {
    // An attacker who knows the four agencies tries every assignment to places: all give the same copy.
    const def = seedCeremony();
    const g2g = def.categories[0]!;
    if (g2g.kind !== 'ranked') throw new Error('the seed category is ranked');
    const permutations = (xs: number[]): number[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
    const copies = permutations([0, 1, 2, 3]).map((order) => {
      const shuffled = structuredClone(def);
      const cat = shuffled.categories[0]!;
      if (cat.kind !== 'ranked') throw new Error('ranked');
      cat.results = order.map((from, place) => ({ ...g2g.results[from]!, place: place + 1 }));
      return JSON.stringify(withStandIns(shuffled));
    });
    expect(copies).toHaveLength(24);
    expect(new Set(copies).size).toBe(1);

    const sample = sampleCeremony();
    const otherWinner = structuredClone(sample);
    const openData = otherWinner.categories.find((c) => c.id === 'open-data')!;
    if (openData.kind !== 'nominees') throw new Error('nominees');
    openData.winners = ['n2'];
    expect(withStandIns(otherWinner)).toEqual(withStandIns(sample));
  });

  it('a rehearsal walked through with stand-ins reveals only stand-ins', () => {
    const def = seedCeremony();
    const h = new Harness(withStandIns(def)).goToEnd();
    const log = JSON.stringify(h.log);
    for (const text of realRecipientTexts(def)) expect(log).not.toContain(text);
    expect(h.log.filter((e) => e.type === 'result_revealed')).toHaveLength(4);
  });
});
