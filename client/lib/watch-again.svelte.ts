import type { Cue } from '../../shared/cues';
import { Replay, ReplayClock } from '../../shared/replay';
import { initialState, type CeremonyState } from '../../shared/state';
import { ApiError, type PodiumApi } from './api';
import type { ReplayPosition } from './replay-view';

export const WatchPhases = {
  loading: 'loading',
  building: 'building',
  ready: 'ready',
  /** The live run has not ended: its events are not public yet. */
  unavailable: 'unavailable',
  failed: 'failed',
} as const;
export type WatchPhase = (typeof WatchPhases)[keyof typeof WatchPhases];

export interface WatchAgainOptions {
  api: PodiumApi;
  ceremonyId: string;
  runId: string;
  /** The player's clock and timers: injected by tests. */
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  /** Yields between chunks while the replay is built, so the page stays responsive and shows progress. */
  pause?: () => Promise<void>;
}

/** How often a playing replay looks at its clock: smooth enough for the timeline, cheap for a phone. */
const TICK_MS = 100;

/**
 * "Watch again": a recorded run played in this browser, for those who missed the ceremony. The
 * run's public events are fetched once and folded with the screens' own `evolve` (so every point
 * shows what the audience saw then), then played by a ReplayClock at 0.5× to 8×, stepped cue by
 * cue or scrubbed.
 */
export class WatchAgain {
  phase: WatchPhase = $state(WatchPhases.loading);
  failure: string | null = $state(null);
  progress = $state({ done: 0, total: 0 });
  replay: Replay | null = $state.raw(null);
  index = $state(0);
  elapsedMs = $state(0);
  playing = $state(false);
  speed = $state(1);

  readonly state: CeremonyState | null = $derived(this.replay ? this.replay.stateAt(this.index) : null);
  readonly cues: readonly Cue[] = $derived(this.replay?.initial.cues ?? []);
  readonly position: ReplayPosition | null = $derived(
    this.replay
      ? { index: this.index, length: this.replay.length, playing: this.playing, speed: this.speed, elapsedMs: this.elapsedMs, durationMs: this.replay.durationMs, marks: this.replay.marks }
      : null,
  );

  readonly ceremonyId: string;
  readonly runId: string;
  readonly #options: WatchAgainOptions;
  readonly #now: () => number;
  #clock: ReplayClock | null = null;
  #timer: unknown = null;

  constructor(options: WatchAgainOptions) {
    this.#options = options;
    this.ceremonyId = options.ceremonyId;
    this.runId = options.runId;
    this.#now = options.now ?? (() => Date.now());
  }

  async load(): Promise<void> {
    this.phase = WatchPhases.loading;
    this.failure = null;
    try {
      const { ceremony, cues, version, events } = await this.#options.api.runEvents(this.ceremonyId, this.runId);
      this.phase = WatchPhases.building;
      this.progress = { done: 0, total: events.length };
      const replay = await Replay.build(initialState(ceremony, cues, version ?? 1), events, {
        pause: this.#options.pause ?? (() => new Promise((resolve) => setTimeout(resolve, 0))),
        onProgress: (done, total) => (this.progress = { done, total }),
      });
      this.#clock = new ReplayClock(replay.durationMs);
      this.replay = replay;
      this.index = 0;
      this.elapsedMs = 0;
      this.phase = WatchPhases.ready;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthorized') {
        this.phase = WatchPhases.unavailable;
        return;
      }
      this.phase = WatchPhases.failed;
      this.failure = error instanceof ApiError ? error.code : String(error);
    }
  }

  play(): void {
    const clock = this.#clock;
    const replay = this.replay;
    if (!clock || !replay) return;
    // From the end, play starts over (the clock does the same).
    if (this.index >= replay.length && clock.elapsed(this.#now()) >= replay.durationMs) this.index = 0;
    clock.play(this.#now());
    this.playing = true;
    this.#sync();
    if (this.playing) this.#startTicking();
  }

  pause(): void {
    this.#sync();
    this.#stop();
  }

  setSpeed(speed: number): void {
    this.#clock?.setSpeed(speed, this.#now());
    this.speed = speed;
  }

  /** To the next or previous cue, reveal, retraction, hold or announcement. */
  step(direction: 'next' | 'previous'): void {
    const replay = this.replay;
    if (!replay) return;
    const mark = direction === 'next' ? replay.nextMark(this.index) : replay.previousMark(this.index);
    this.seek(mark ? mark.index : direction === 'next' ? replay.length : 0);
  }

  /** To the point after `index` events. */
  seek(index: number): void {
    const replay = this.replay;
    const clock = this.#clock;
    if (!replay || !clock) return;
    const target = Math.max(0, Math.min(replay.length, Math.round(index)));
    clock.seek(replay.timeOf(target), this.#now());
    this.index = target;
    this.elapsedMs = clock.elapsed(this.#now());
  }

  timeOf(index: number): number {
    return this.replay?.timeOf(index) ?? 0;
  }

  dispose(): void {
    this.#stopTicking();
  }

  /** While playing: where the clock says the replay is now; at the end it stops. */
  #sync(): void {
    const replay = this.replay;
    const clock = this.#clock;
    if (!replay || !clock || !this.playing) return;
    const elapsed = clock.elapsed(this.#now());
    // Never back: a seek may have put the index past the events of the clock's very moment.
    this.index = Math.max(this.index, replay.indexAt(elapsed));
    this.elapsedMs = elapsed;
    if (elapsed >= replay.durationMs) {
      this.index = replay.length;
      this.#stop();
    }
  }

  #stop(): void {
    this.#clock?.pause(this.#now());
    this.playing = false;
    this.#stopTicking();
    if (this.#clock) this.elapsedMs = this.#clock.elapsed(this.#now());
  }

  #startTicking(): void {
    this.#stopTicking();
    const every = this.#options.setInterval ?? ((fn, ms) => setInterval(fn, ms));
    this.#timer = every(() => this.#sync(), TICK_MS);
  }

  #stopTicking(): void {
    if (this.#timer === null) return;
    (this.#options.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>)))(this.#timer);
    this.#timer = null;
  }
}
