import type { PublicEvent } from '../../shared/events';
import { Replay, ReplayClock, type ReplayAction, type ReplayRoomStatus } from '../../shared/replay';
import type { CeremonyState } from '../../shared/state';

export interface ReplayOutput {
  /** The whole state: after a seek, a step back, or to a screen that joins. */
  snapshot(state: CeremonyState): void;
  /** The next events, in order, as the original screens got them. */
  events(events: PublicEvent[]): void;
}

/**
 * A replay room: a recorded run played again to a room of screens, with its original timing at
 * 0.5× to 8×, paused, stepped cue by cue and scrubbed. The screens get ordinary snapshots and
 * events, so every screen works in a replay room as it does live.
 */
export class ReplayRoom {
  private index = 0;
  private readonly clock: ReplayClock;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly replayId: string,
    readonly number: number,
    readonly sourceRunId: string,
    readonly replay: Replay,
    private readonly output: ReplayOutput,
    private readonly now: () => number,
  ) {
    this.clock = new ReplayClock(replay.durationMs);
  }

  get state(): CeremonyState {
    return this.replay.stateAt(this.index);
  }

  status(): ReplayRoomStatus {
    const now = this.now();
    return {
      replayId: this.replayId,
      number: this.number,
      sourceRunId: this.sourceRunId,
      index: this.index,
      length: this.replay.length,
      playing: this.clock.isPlaying,
      speed: this.clock.speed,
      elapsedMs: this.clock.elapsed(now),
      durationMs: this.replay.durationMs,
      marks: this.replay.marks,
    };
  }

  apply(action: ReplayAction): ReplayRoomStatus {
    const now = this.now();
    switch (action.action) {
      case 'play':
        this.clock.play(now);
        if (this.clock.elapsed(now) === 0 && this.index > 0) this.moveTo(0);
        break;
      case 'pause':
        this.clock.pause(now);
        break;
      case 'speed':
        this.clock.setSpeed(action.speed, now);
        break;
      case 'seek':
        this.moveTo(action.index);
        break;
      case 'step': {
        const mark = action.direction === 'next' ? this.replay.nextMark(this.index) : this.replay.previousMark(this.index);
        this.moveTo(mark ? mark.index : action.direction === 'next' ? this.replay.length : 0);
        break;
      }
      default: {
        const never: never = action;
        throw new Error(`unknown replay action ${JSON.stringify(never)}`);
      }
    }
    this.schedule();
    return this.status();
  }

  close(): void {
    clearTimeout(this.timer);
  }

  /** Jumps to a position: forward by sending the events between, backward by a snapshot. */
  private moveTo(target: number): void {
    const index = Math.max(0, Math.min(this.replay.length, Math.floor(target)));
    this.clock.seek(this.replay.timeOf(index), this.now());
    if (index > this.index) this.output.events(this.replay.events.slice(this.index, index) as PublicEvent[]);
    else if (index < this.index) this.output.snapshot(this.replay.stateAt(index));
    this.index = index;
  }

  /** While playing, wakes up at the next event's original time (scaled by the speed). */
  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.clock.isPlaying) return;
    const now = this.now();
    const due = this.replay.indexAt(this.clock.elapsed(now));
    if (due > this.index) {
      this.output.events(this.replay.events.slice(this.index, due) as PublicEvent[]);
      this.index = due;
    }
    if (this.index >= this.replay.length) {
      this.clock.pause(now);
      return;
    }
    const wait = (this.replay.timeOf(this.index + 1) - this.clock.elapsed(now)) / this.clock.speed;
    this.timer = setTimeout(() => this.schedule(), Math.max(0, Math.ceil(wait)));
  }
}
