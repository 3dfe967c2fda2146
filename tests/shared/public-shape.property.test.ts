import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionsArb, resultTwinsArb, toCommand } from '../helpers/arbitraries';
import { Harness, loadDefinition } from '../helpers/ceremony-harness';
import { buildCues, toPublicCeremony } from '../../shared/cues';
import { toPublicEvent } from '../../shared/events';
import { projectPublic } from '../../shared/projection';
import { categoryResults } from '../../shared/results-view';
import { nextCue } from '../../shared/state';

const SEED = 20261129;

/** Everything a public screen gets from a run: the snapshot and the REST results view. */
function publicData(h: Harness): string {
  const state = projectPublic(h.state);
  return JSON.stringify({ state, results: categoryResults(state) });
}

/** What the reveals so far made public: once these differ, the screens may differ too. */
function revealed(h: Harness): string {
  return JSON.stringify(h.log.filter((e) => e.type === 'result_revealed').map((e) => toPublicEvent(e)));
}

describe('the shape of public data', () => {
  it('[S16] two definitions that differ only in their results publish byte-identical data until a reveal differs', () => {
    fc.assert(
      fc.property(resultTwinsArb, actionsArb, ([left, right], actions) => {
        const a = new Harness(loadDefinition(left));
        const b = new Harness(loadDefinition(right));
        expect(JSON.stringify(toPublicCeremony(a.definition))).toBe(JSON.stringify(toPublicCeremony(b.definition)));
        expect(JSON.stringify(buildCues(a.definition))).toBe(JSON.stringify(buildCues(b.definition)));
        expect(publicData(a)).toBe(publicData(b));
        const cueIds = a.state.cues.map((c) => c.id);
        // The same operator actions on both, cue by cue, until a reveal shows something different.
        for (const [i, action] of actions.entries()) {
          const command = toCommand(action, cueIds, nextCue(a.state)?.id, i);
          const da = a.when(command);
          const db = b.when(command);
          expect(da.ok ? 'ok' : da.error.code).toBe(db.ok ? 'ok' : db.error.code);
          if (revealed(a) !== revealed(b)) break;
          expect(publicData(a)).toBe(publicData(b));
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
