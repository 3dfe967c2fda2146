import { describe, expect, it } from 'vitest';
import { CeremonyRun } from '../../server/live/ceremony-run';
import { MemoryEventLog } from '../../server/storage/memory-storage';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { toPublicEvent } from '../../shared/events';
import { stateAtCue } from '../../shared/preview-state';
import { projectPublic } from '../../shared/projection';
import { realRecipientTexts, withStandIns } from '../../shared/stand-ins';
import { foldEvents, nextCue } from '../../shared/state';
import { sampleCeremony, seedCeremony } from '../helpers/ceremony-harness';

const NOW = 1_700_000_000_000;

/** A real run (the server's CeremonyRun on memory storage) opened the way the server opens one. */
async function openRun(definition: CeremonyDefinition): Promise<CeremonyRun> {
  return CeremonyRun.open(`live:${definition.id}`, { version: 1, hash: 'test', definition }, new MemoryEventLog());
}

const context = (i: number) => ({ now: NOW, fallbackCommandId: `go-${i}`, actor: 'operator' });

describe('stateAtCue: the preview of a cue is what a real run shows after the same GOs (S32)', () => {
  for (const [name, load] of [['egov', seedCeremony], ['sample', sampleCeremony]] as const) {
    it(`[S32] ${name}: before the show, and at every cue, with the real results`, async () => {
      const definition = load();
      const run = await openRun(definition);
      expect(stateAtCue(definition, null, { standIns: false, now: NOW })).toEqual(projectPublic(run.current));
      for (let i = 0; nextCue(run.current); i++) {
        const cue = nextCue(run.current)!;
        const result = await run.handle({ type: 'go', expectedCue: cue.id }, context(i));
        expect(result.ok).toBe(true);
        const preview = stateAtCue(definition, cue.id, { standIns: false, now: NOW });
        expect(preview).toEqual(projectPublic(run.current));
        // What a screen builds from the public events is the same state.
        expect(preview).toEqual(projectPublic(foldEvents(run.initial, (run.eventsAfter(0) ?? []).map(toPublicEvent))));
      }
    });

    it(`[S32] ${name}: with stand-ins, what a stand-in run shows, and no real name anywhere`, async () => {
      const definition = load();
      const run = await openRun(withStandIns(definition));
      const real = realRecipientTexts(definition).filter((text) => text.length >= 3);
      for (let i = 0; nextCue(run.current); i++) {
        const cue = nextCue(run.current)!;
        await run.handle({ type: 'go', expectedCue: cue.id }, context(i));
        const preview = stateAtCue(definition, cue.id, { standIns: true, now: NOW });
        expect(preview).toEqual(projectPublic(run.current));
        const json = JSON.stringify(preview.results);
        for (const text of real) expect(json).not.toContain(JSON.stringify(text).slice(1, -1));
      }
    });
  }

  it('[S32] a cue the run of show does not have is refused', () => {
    expect(() => stateAtCue(sampleCeremony(), 'no-such-cue', { standIns: false, now: NOW })).toThrow(/no cue/);
  });
});
