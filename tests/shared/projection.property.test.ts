import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionsArb, ceremonyArb, toCommand } from '../helpers/arbitraries';
import { Harness, freshState } from '../helpers/ceremony-harness';
import { toPublicEvent } from '../../shared/events';
import { projectPublic } from '../../shared/projection';
import { foldEvents, nextCue } from '../../shared/state';
import type { CeremonyDefinition } from '../../shared/ceremony';

/** The names that may not appear in a public projection yet: recipients never revealed so far. */
function secretNames(def: CeremonyDefinition, revealedCueIds: ReadonlySet<string>): string[] {
  return def.categories.flatMap((c) => {
    const hidden: string[] = [];
    if (c.mentions && !revealedCueIds.has(`${c.id}/mentions`)) hidden.push(...c.mentions.map((m) => m.recipient.name.en!));
    if (c.kind === 'ranked') hidden.push(...c.results.filter((r) => !revealedCueIds.has(`${c.id}/place-${r.place}`)).map((r) => r.recipient.name.en!));
    return hidden;
  });
}

const SEED = 20261129;

describe('public projection', () => {
  it('[S3] never holds an unrevealed recipient, over random ceremonies and command sequences', () => {
    fc.assert(
      fc.property(ceremonyArb, actionsArb, (def, actions) => {
        const h = new Harness(def);
        const cueIds = h.state.cues.map((c) => c.id);
        const revealed = new Set<string>();
        actions.forEach((action, i) => {
          h.when(toCommand(action, cueIds, nextCue(h.state)?.id, i));
          for (const e of h.log) if (e.type === 'result_revealed') revealed.add(e.cueId);
          const json = JSON.stringify(projectPublic(h.state));
          for (const name of secretNames(def, revealed)) expect(json).not.toContain(name);
          // A nominees category shows no winner before its winner cue.
          for (const c of def.categories) {
            if (c.kind === 'nominees' && !revealed.has(`${c.id}/winner`)) expect((h.state.results[c.id] ?? []).filter((r) => r.slot.kind === 'winner')).toEqual([]);
          }
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('[S7] a screen that folds the public events from any point reaches the same state as the server', () => {
    fc.assert(
      fc.property(ceremonyArb, actionsArb, fc.nat(), (def, actions, cut) => {
        const h = new Harness(def);
        const cueIds = h.state.cues.map((c) => c.id);
        actions.forEach((action, i) => h.when(toCommand(action, cueIds, nextCue(h.state)?.id, i)));
        const events = h.log.map(toPublicEvent);
        const at = events.length === 0 ? 0 : cut % (events.length + 1);
        // A snapshot taken at `at`, then the events after it, as a reconnecting screen gets them.
        const snapshot = projectPublic(foldEvents(freshState(def), events.slice(0, at)));
        expect(foldEvents(snapshot, events.slice(at))).toEqual(projectPublic(h.state));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('[S4] seq is contiguous from 1 and a stale GO never appends', () => {
    fc.assert(
      fc.property(ceremonyArb, actionsArb, (def, actions) => {
        const h = new Harness(def);
        const cueIds = h.state.cues.map((c) => c.id);
        actions.forEach((action, i) => {
          const expected = nextCue(h.state)?.id;
          const command = toCommand(action, cueIds, expected, i);
          const before = h.log.length;
          const d = h.when(command);
          if (command.type === 'go' && command.expectedCue !== expected) {
            expect(d.ok).toBe(false);
            expect(h.log.length).toBe(before);
          }
        });
        expect(h.log.map((e) => e.seq)).toEqual(h.log.map((_, i) => i + 1));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
