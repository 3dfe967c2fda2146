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

    it(`${name}: each placeholder is in the script of its language and within ±30% of the real length`, () => {
      const def = load();
      const pairs = recipients(def).flatMap((r, i) => {
        const s = recipients(withStandIns(def))[i]!;
        return [
          [r.name, s.name],
          [r.entry, s.entry],
        ] as const;
      });
      for (const [real, stand] of pairs) {
        if (!real) {
          expect(stand).toBeUndefined();
          continue;
        }
        for (const lang of ['fa', 'en'] as const) {
          const original = real[lang];
          const placeholder = stand![lang];
          if (!original) continue;
          expect(placeholder).toMatch(lang === 'fa' ? persian : latin);
          expect(Math.abs(placeholder!.length - original.length)).toBeLessThanOrEqual(Math.ceil(original.length * 0.3));
          expect(placeholder).not.toBe(original);
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

  it('keeps everything else: the run of show, places, reveal order, scores, nominee ids and winners', () => {
    const def = sampleCeremony();
    const copy = withStandIns(def);
    expect(copy.runOfShow).toEqual(def.runOfShow);
    const strip = (d: CeremonyDefinition) => JSON.stringify(d.categories, (key, value: unknown) => (key === 'recipient' ? null : value));
    expect(strip(copy)).toEqual(strip(def));
  });

  it('a placeholder does not depend on the real name: renaming a winner changes nothing but a length', () => {
    const def = seedCeremony();
    const renamed = structuredClone(def);
    const g2g = renamed.categories[0]!;
    if (g2g.kind !== 'ranked') throw new Error('the seed category is ranked');
    // Same length, other letters: the same stand-in, so a stand-in cannot be matched to a candidate.
    g2g.results[0]!.recipient.name.fa = 'ی'.repeat(def.categories[0]!.kind === 'ranked' ? def.categories[0]!.results[0]!.recipient.name.fa!.length : 0);
    expect(withStandIns(renamed)).toEqual(withStandIns(def));
  });

  it('a rehearsal walked through with stand-ins reveals only stand-ins', () => {
    const def = seedCeremony();
    const h = new Harness(withStandIns(def)).goToEnd();
    const log = JSON.stringify(h.log);
    for (const text of realRecipientTexts(def)) expect(log).not.toContain(text);
    expect(h.log.filter((e) => e.type === 'result_revealed')).toHaveLength(4);
  });
});
