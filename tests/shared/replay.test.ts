import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPublicEvent } from '../../shared/events';
import { projectPublic } from '../../shared/projection';
import { Replay, ReplayClock, SNAPSHOT_EVERY } from '../../shared/replay';
import { evolve, nextCue, type CeremonyState } from '../../shared/state';
import { actionArb, ceremonyArb, toCommand } from '../helpers/arbitraries';
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
    // Runs of 40 to 150 actions, and snapshots every 1 to 6 events (64 in use), so that seeks
    // start from several snapshots, not only from the initial state, and every boundary is visited.
    const longRuns = fc.array(actionArb, { minLength: 40, maxLength: 150 });
    const snapshotsUsed: number[] = [];
    await fc.assert(
      fc.asyncProperty(ceremonyArb, longRuns, fc.array(fc.nat(), { maxLength: 10 }), fc.integer({ min: 1, max: 6 }), async (def, actions, seeks, snapshotEvery) => {
        const { h, liveStates } = recordedRun(def, actions);
        const replay = await Replay.build(freshState(def), h.log.map(toPublicEvent), { snapshotEvery });
        expect(replay.snapshotCount).toBe(Math.floor(h.log.length / snapshotEvery) + 1);
        const boundaries = Array.from({ length: replay.snapshotCount }, (_, n) => n * snapshotEvery).flatMap((b) => [b - 1, b, b + 1]);
        // Scrub in any order: forwards, backwards, the same point twice, either side of each snapshot.
        let furthest = 0;
        for (const seek of [...seeks, h.log.length, 0, ...boundaries.reverse()]) {
          const k = h.log.length === 0 ? 0 : Math.abs(seek) % (h.log.length + 1);
          expect(replay.stateAt(k)).toEqual(liveStates[k]);
          furthest = Math.max(furthest, replay.snapshotFor(k));
        }
        snapshotsUsed.push(furthest);
      }),
      { seed: SEED, numRuns: 150 },
    );
    // It really crossed snapshots: most runs were replayed from their third snapshot or later.
    expect(snapshotsUsed).toHaveLength(150);
    expect(snapshotsUsed.filter((n) => n >= 3).length).toBeGreaterThan(100);
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
    // With the interval in use (SNAPSHOT_EVERY), a seek far in starts from a late snapshot and
    // still gives the state the live screens had.
    expect(replay.snapshotCount).toBe(Math.floor(h.log.length / SNAPSHOT_EVERY) + 1);
    expect(replay.snapshotFor(1500)).toBe(Math.floor(1500 / SNAPSHOT_EVERY));
    expect(replay.stateAt(1500)).toEqual(h.log.slice(0, 1500).map(toPublicEvent).reduce(evolve, freshState(seedCeremony())));
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
