import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPublicEvent } from '../../shared/events';
import { projectPublic } from '../../shared/projection';
import { Replay, ReplayClock } from '../../shared/replay';
import { nextCue, type CeremonyState } from '../../shared/state';
import { actionsArb, ceremonyArb, toCommand } from '../helpers/arbitraries';
import { freshState, Harness, seedCeremony } from '../helpers/ceremony-harness';

const SEED = 20261129;

/** A random run, with the state the live screens had after each of its events. */
function recordedRun(def: Parameters<typeof freshState>[0], actions: Parameters<typeof toCommand>[0][]) {
  const h = new Harness(def);
  const cueIds = h.state.cues.map((c) => c.id);
  const liveStates: CeremonyState[] = [projectPublic(h.state)];
  actions.forEach((action, i) => {
    const before = h.log.length;
    h.when(toCommand(action, cueIds, nextCue(h.state)?.id, i));
    // One command may append several events: record the state after each one, as a screen has it.
    for (let k = before; k < h.log.length; k++) liveStates[k + 1] = projectPublic(h.state);
  });
  return { h, liveStates };
}

describe('replay', () => {
  it('[S15] is deterministic: at any point of a replay, the state equals the one the live screens had', async () => {
    await fc.assert(
      fc.asyncProperty(ceremonyArb, actionsArb, fc.array(fc.nat(), { maxLength: 10 }), async (def, actions, seeks) => {
        const { h, liveStates } = recordedRun(def, actions);
        const replay = await Replay.build(freshState(def), h.log.map(toPublicEvent));
        // Scrub in any order: forwards, backwards, the same point twice.
        for (const seek of [...seeks, h.log.length, 0]) {
          const k = h.log.length === 0 ? 0 : seek % (h.log.length + 1);
          expect(replay.stateAt(k)).toEqual(liveStates[k]);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('marks every cue and reveal on the timeline, with its time since the start', async () => {
    const h = new Harness(seedCeremony()).goToEnd();
    const replay = await Replay.build(freshState(seedCeremony()), h.log.map(toPublicEvent));
    expect(replay.marks.filter((m) => m.kind === 'reveal').map((m) => m.cueId)).toEqual(['g2g/place-4', 'g2g/place-3', 'g2g/place-2', 'g2g/place-1']);
    expect(replay.marks[0]).toMatchObject({ index: 1, atMs: 0, kind: 'cue', cueId: 'opening' });
    expect(replay.durationMs).toBe(h.log.at(-1)!.at - h.log[0]!.at);
    expect(replay.nextMark(4)?.cueId).toBe('g2g/place-4');
    expect(replay.previousMark(5)?.cueId).toBe('g2g/intro');
  });

  it('builds a run of thousands of events in chunks, reporting progress', async () => {
    const h = new Harness(seedCeremony());
    for (let i = 0; i < 3000; i++) h.given({ type: 'announce', text: { en: `n${i}` } });
    const progress: number[] = [];
    let pauses = 0;
    const replay = await Replay.build(freshState(seedCeremony()), h.log.map(toPublicEvent), {
      pause: async () => void pauses++,
      onProgress: (done) => progress.push(done),
    });
    expect(pauses).toBeGreaterThan(40);
    expect(progress.at(-1)).toBe(3000);
    expect(replay.stateAt(1500).seq).toBe(1500);
  });

  it('keeps the original timing at any speed, and pauses', () => {
    const clock = new ReplayClock(60_000);
    clock.play(1_000);
    expect(clock.elapsed(3_000)).toBe(2_000);
    clock.setSpeed(8, 3_000);
    expect(clock.elapsed(4_000)).toBe(10_000);
    clock.pause(4_000);
    expect(clock.elapsed(9_000)).toBe(10_000);
    clock.setSpeed(0.5, 9_000);
    clock.play(9_000);
    expect(clock.elapsed(11_000)).toBe(11_000);
    clock.seek(59_000, 11_000);
    expect(clock.elapsed(20_000)).toBe(60_000);
  });

  it('finds where the replay is at a time since the start', async () => {
    const h = new Harness(seedCeremony()).goToEnd(); // events one second apart
    const replay = await Replay.build(freshState(seedCeremony()), h.log.map(toPublicEvent));
    expect([0, 999, 1000, 4500, 1e9].map((t) => replay.indexAt(t))).toEqual([1, 1, 2, 5, 10]);
    expect(replay.timeOf(5)).toBe(4000);
  });
});
