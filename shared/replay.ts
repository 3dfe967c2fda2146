import type { PublicEvent } from './events';
import { evolve, type CeremonyState } from './state';

/** A point of interest on a replay's timeline. */
export interface ReplayMark {
  /** How many events are applied once this mark is reached. */
  index: number;
  seq: number;
  /** Milliseconds since the run's first event. */
  atMs: number;
  kind: 'cue' | 'reveal' | 'retraction' | 'hold' | 'resume' | 'announcement';
  cueId?: string;
}

/** How many events apart the snapshots of a replay are, unless its build says otherwise. */
export const SNAPSHOT_EVERY = 64;

function markOf(event: PublicEvent, index: number, t0: number): ReplayMark | null {
  const base = { index, seq: event.seq, atMs: event.at - t0 };
  switch (event.type) {
    case 'cue_started':
      return { ...base, kind: 'cue', cueId: event.cueId };
    case 'result_revealed':
      return { ...base, kind: 'reveal', cueId: event.cueId };
    case 'reveal_retracted':
      return { ...base, kind: 'retraction', cueId: event.cueId };
    case 'hold_started':
      return { ...base, kind: 'hold' };
    case 'hold_ended':
      return { ...base, kind: 'resume' };
    case 'announced':
      return { ...base, kind: 'announcement' };
    default:
      return null;
  }
}

/**
 * A recorded run, ready to be replayed: the state after any number of its events, found from the
 * nearest snapshot. Replays are deterministic by construction: the state after k events is the
 * fold of the same k events with the same `evolve` the live screens used.
 */
export class Replay {
  private constructor(
    readonly initial: CeremonyState,
    readonly events: readonly PublicEvent[],
    private readonly snapshots: CeremonyState[],
    readonly marks: readonly ReplayMark[],
    readonly snapshotEvery: number,
  ) {}

  /**
   * Builds the snapshots, yielding between chunks (`pause`) so a run of thousands of events
   * neither blocks its thread nor hides its progress. `snapshotEvery` is for tests, so that short
   * runs cross snapshots too.
   */
  static async build(
    initial: CeremonyState,
    events: readonly PublicEvent[],
    options: { pause?: () => Promise<void>; onProgress?: (done: number, total: number) => void; snapshotEvery?: number } = {},
  ): Promise<Replay> {
    const every = options.snapshotEvery ?? SNAPSHOT_EVERY;
    if (!Number.isInteger(every) || every < 1) throw new RangeError(`snapshotEvery must be a whole number of at least 1, not ${every}`);
    const snapshots = [initial];
    const marks: ReplayMark[] = [];
    const t0 = events[0]?.at ?? 0;
    let state = initial;
    for (let i = 0; i < events.length; i++) {
      state = evolve(state, events[i]!);
      const mark = markOf(events[i]!, i + 1, t0);
      if (mark) marks.push(mark);
      if ((i + 1) % every === 0) {
        snapshots.push(state);
        options.onProgress?.(i + 1, events.length);
        await options.pause?.();
      }
    }
    options.onProgress?.(events.length, events.length);
    return new Replay(initial, events, snapshots, marks, every);
  }

  get length(): number {
    return this.events.length;
  }

  get durationMs(): number {
    return this.events.length === 0 ? 0 : this.events.at(-1)!.at - this.events[0]!.at;
  }

  /** How many snapshots it holds, the initial state included. */
  get snapshotCount(): number {
    return this.snapshots.length;
  }

  /** Which snapshot `stateAt(index)` starts from (0: the initial state). */
  snapshotFor(index: number): number {
    return Math.floor(this.clampIndex(index) / this.snapshotEvery);
  }

  /** The state after the first `index` events. */
  stateAt(index: number): CeremonyState {
    const i = this.clampIndex(index);
    const base = this.snapshotFor(i);
    let state = this.snapshots[base]!;
    for (let k = base * this.snapshotEvery; k < i; k++) state = evolve(state, this.events[k]!);
    return state;
  }

  private clampIndex(index: number): number {
    return Math.max(0, Math.min(this.events.length, Math.floor(index)));
  }

  /** How many events have happened `elapsedMs` after the first one. */
  indexAt(elapsedMs: number): number {
    if (this.events.length === 0) return 0;
    const t = this.events[0]!.at + elapsedMs;
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.events[mid]!.at <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The time of the index-th event since the first one (0 before it). */
  timeOf(index: number): number {
    return index <= 0 || this.events.length === 0 ? 0 : this.events[Math.min(index, this.events.length) - 1]!.at - this.events[0]!.at;
  }

  /** The next and previous cue or reveal mark from an index: for stepping cue by cue. */
  nextMark(index: number): ReplayMark | null {
    return this.marks.find((m) => m.index > index) ?? null;
  }

  previousMark(index: number): ReplayMark | null {
    return [...this.marks].reverse().find((m) => m.index < index) ?? null;
  }
}

export const REPLAY_SPEEDS = [0.5, 1, 2, 4, 8] as const;

/** Where a replay is: what its controls show, whether it plays in the browser or in a room. */
export interface ReplayPosition {
  index: number;
  length: number;
  playing: boolean;
  speed: number;
  elapsedMs: number;
  durationMs: number;
  marks: readonly ReplayMark[];
}

/** A replay room as the server reports it (docs/api.md, replay rooms). */
export interface ReplayRoomStatus extends ReplayPosition {
  replayId: string;
  /** The room's number for people ("Room 2"), in the order this server opened them; not its identity. */
  number: number;
  sourceRunId: string;
}

/** What the operator can do to a replay room. */
export type ReplayAction =
  | { action: 'play' }
  | { action: 'pause' }
  /** One of REPLAY_SPEEDS (0.5× to 8×). */
  | { action: 'speed'; speed: number }
  | { action: 'seek'; index: number }
  | { action: 'step'; direction: 'next' | 'previous' };

/**
 * The replay's clock: where a replay is at a given wall-clock moment, at a speed, playing or
 * paused. Pure: the caller passes the time.
 */
export class ReplayClock {
  private anchorElapsed = 0;
  private anchorNow = 0;
  private playing = false;
  speed = 1;

  constructor(private readonly durationMs: number) {}

  elapsed(now: number): number {
    const e = this.playing ? this.anchorElapsed + (now - this.anchorNow) * this.speed : this.anchorElapsed;
    return Math.min(this.durationMs, Math.max(0, e));
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  play(now: number): void {
    if (this.elapsed(now) >= this.durationMs) this.anchorElapsed = 0;
    this.rebase(now);
    this.playing = true;
  }

  pause(now: number): void {
    this.rebase(now);
    this.playing = false;
  }

  seek(elapsedMs: number, now: number): void {
    this.anchorElapsed = Math.min(this.durationMs, Math.max(0, elapsedMs));
    this.anchorNow = now;
  }

  setSpeed(speed: number, now: number): void {
    this.rebase(now);
    this.speed = speed;
  }

  private rebase(now: number): void {
    this.anchorElapsed = this.elapsed(now);
    this.anchorNow = now;
  }
}
