import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCues, entriesForSlot } from '../../shared/cues';
import { CeremonyEventSchema } from '../../shared/event-schema';
import type { PublicEvent } from '../../shared/events';
import { projectPublic } from '../../shared/projection';
import { commitmentOf, sealRoot, sha256hex, shortRoot, shownReveals, verifyAll, verifyReveal, type PublicSeal, type SealedReveal } from '../../shared/seal';
import { canonicalJson } from '../../shared/canonical-json';
import { evolve } from '../../shared/state';
import { ceremonyArb } from '../helpers/arbitraries';
import { Harness, sampleCeremony, stamp } from '../helpers/ceremony-harness';

const SAMPLE = 'sample-awards';

/** The seal of a definition, as the server makes it, with salts chosen by the test. */
function sealOf(def = sampleCeremony(), saltOf = (cueId: string) => `salt-${cueId}`) {
  const reveals: SealedReveal[] = buildCues(def).flatMap((cue) => {
    const category = def.categories.find((c) => c.id === cue.categoryId);
    return cue.kind === 'reveal' && cue.slot && category ? [{ cueId: cue.id, categoryId: category.id, slot: cue.slot, entries: entriesForSlot(category, cue.slot, def.organizations) }] : [];
  });
  const commitments = reveals.map((r) => ({ cueId: r.cueId, commitment: commitmentOf(def.id, r, saltOf(r.cueId)) }));
  const seal: PublicSeal = { ceremonyId: def.id, version: 1, root: sealRoot(def.id, 1, commitments), commitments };
  return { seal, reveals };
}

/** Runs the harness through its run of show with every reveal carrying its salt, as the live run does. */
function revealedLog(h: Harness, saltOf = (cueId: string) => `salt-${cueId}`): PublicEvent[] {
  return h.log.map((event) => (event.type === 'result_revealed' ? { ...event, salt: saltOf(event.cueId) } : event));
}

describe('the seal (shared/seal.ts)', () => {
  it('[S31] a commitment is sha256 of the prefix, the salt and the canonical JSON of what the reveal shows', () => {
    const reveal: SealedReveal = { cueId: 'c', categoryId: 'k', slot: { kind: 'place', place: 1 }, entries: [{ recipient: { type: 'person', name: { en: 'A' } } }] };
    const text = `podium-seal-v1\nS\n${canonicalJson({ ceremonyId: 'x', cueId: 'c', categoryId: 'k', slot: reveal.slot, entries: reveal.entries })}`;
    expect(commitmentOf('x', reveal, 'S')).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(sha256hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sealRoot('x', 2, [{ cueId: 'c', commitment: 'ab' }])).toBe(createHash('sha256').update('{"ceremonyId":"x","commitments":[{"commitment":"ab","cueId":"c"}],"version":2}').digest('hex'));
    expect(shortRoot('0123456789abcdef')).toBe('0123 4567');
  });

  it('[S31] every reveal the decider makes verifies against the seal of the same definition (the same entriesForSlot)', () => {
    fc.assert(
      fc.property(ceremonyArb, (def) => {
        const { seal } = sealOf(def);
        const h = new Harness(def);
        h.goToEnd();
        const verdict = verifyAll(seal, shownReveals(revealedLog(h)));
        expect(verdict.rootMatches).toBe(true);
        expect(verdict.cues.every((c) => c.verdict === 'match')).toBe(true);
      }),
      { seed: 31, numRuns: 40 },
    );
  });

  it('[S31] a changed entry, a wrong salt, a missing salt or a changed root do not verify', () => {
    const { seal, reveals } = sealOf();
    const first = reveals[0]!;
    const commitment = seal.commitments[0]!.commitment;
    expect(verifyReveal(SAMPLE, { ...first, salt: `salt-${first.cueId}` }, commitment)).toBe(true);
    expect(verifyReveal(SAMPLE, { ...first, salt: 'other' }, commitment)).toBe(false);
    expect(verifyReveal(SAMPLE, first, commitment)).toBe(false);
    const changed = { ...first, entries: [{ ...first.entries[0]!, score: 1 }], salt: `salt-${first.cueId}` };
    expect(verifyReveal(SAMPLE, changed, commitment)).toBe(false);
    expect(verifyAll({ ...seal, root: '0'.repeat(64) }, []).rootMatches).toBe(false);
    const swapped = { ...seal, commitments: [...seal.commitments].reverse() };
    expect(verifyAll(swapped, []).rootMatches).toBe(false);
  });

  it('[S31] verdicts: not revealed, retracted, matched again after a re-reveal, corrected after the seal, mismatch', () => {
    const def = sampleCeremony();
    const { seal } = sealOf(def);
    const h = new Harness(def);
    while (h.state.lastRevealCueId !== 'best-app/place-1') h.go();
    let verdicts = verifyAll(seal, shownReveals(revealedLog(h))).cues;
    expect(verdicts.find((c) => c.cueId === 'best-app/place-1')!.verdict).toBe('match');
    expect(verdicts.find((c) => c.cueId === 'open-data/winner')!.verdict).toBe('not_revealed');
    h.when({ type: 'retract', cueId: 'best-app/place-1', confirm: true });
    verdicts = verifyAll(seal, shownReveals(revealedLog(h))).cues;
    expect(verdicts.find((c) => c.cueId === 'best-app/place-1')!.verdict).toBe('retracted');
    expect(verdicts.find((c) => c.cueId === 'best-app/place-1')!.withdrawnBefore).toBeUndefined();
    h.go();
    verdicts = verifyAll(seal, shownReveals(revealedLog(h))).cues;
    // Matched again, and the retract is still told.
    expect(verdicts.find((c) => c.cueId === 'best-app/place-1')).toMatchObject({ verdict: 'match', withdrawnBefore: 1 });
    expect(verdicts.find((c) => c.cueId === 'open-data/winner')!.withdrawnBefore).toBeUndefined();
    // A re-reveal with other entries (a correction): corrected after the seal when the category is named, else mismatch.
    const log = revealedLog(h).map((e) => (e.type === 'result_revealed' && e.cueId === 'best-app/place-1' && e.seq === h.state.seq ? { ...e, entries: [] } : e));
    expect(verifyAll(seal, shownReveals(log), ['best-app']).cues.find((c) => c.cueId === 'best-app/place-1')!.verdict).toBe('corrected_after_seal');
    expect(verifyAll(seal, shownReveals(log)).cues.find((c) => c.cueId === 'best-app/place-1')!.verdict).toBe('mismatch');
  });

  it('[S31] results_sealed and a reveal with its salt pass the event schema; the public projection keeps the seal', () => {
    const def = sampleCeremony();
    const { seal } = sealOf(def);
    const h = new Harness(def);
    const [sealed] = stamp(h.state, [{ type: 'results_sealed', sealNo: 1, version: 1, root: seal.root, commitments: seal.commitments, sealedBy: 'Rana' }]);
    expect(CeremonyEventSchema.parse(sealed)).toEqual(sealed);
    expect(CeremonyEventSchema.safeParse({ ...sealed, salts: {} }).success).toBe(false);
    const state = evolve(h.state, sealed!);
    expect(state.startedAt).toBeNull();
    expect(projectPublic(state).seal).toEqual({ sealNo: 1, version: 1, root: seal.root, commitments: seal.commitments, sealedBy: 'Rana', sealedAt: 1_000 });
    const reveal = { type: 'result_revealed', cueId: 'c', categoryId: 'k', slot: { kind: 'winner' }, entries: [], salt: 'abc', seq: 2, at: 1, commandId: 'c', actor: 'a' };
    expect(CeremonyEventSchema.parse(reveal)).toEqual(reveal);
  });
});
