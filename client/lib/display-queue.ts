import type { PublicEvent } from '../../shared/events';
import { dueEvents, msUntilNext } from '../../shared/display-timing';

/**
 * Holds a screen's events until their moment of display, so that every screen (on its own
 * synced clock, plus its channel's delay) shows a reveal at the same time. Free of DOM and
 * Svelte: the clock, the timer and the page's visibility are handed in, so tests drive it with
 * fake timers and a Node benchmark can run many of them in one process.
 */
export interface DisplayQueueOptions {
  /** Called with each event once due, in seq order. */
  show: (event: PublicEvent) => void;
  /** The screen's own clock, ms since the epoch. */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /**
   * Subscribes to "the page became visible again" (visibilitychange in a browser); returns an
   * unsubscribe. Timers of hidden tabs are throttled, so the queue checks again then.
   */
  onVisible?: (listener: () => void) => () => void;
}

/**
 * The timer never waits longer than this: a short timer re-checks against the clock instead of
 * trusting one long sleep, which a hidden tab, a laptop lid or a clock re-sync would skew.
 */
export const MAX_TIMER_MS = 1_000;

export class DisplayQueue {
  readonly #show: (event: PublicEvent) => void;
  readonly #now: () => number;
  readonly #setTimer: (fn: () => void, ms: number) => unknown;
  readonly #clearTimer: (handle: unknown) => void;
  readonly #stopVisible: () => void;
  #pending: PublicEvent[] = [];
  #timer: unknown = null;
  #offsetMs = 0;
  #delayMs = 0;
  #nudgeMs = 0;
  #checking = false;
  #again = false;

  constructor(options: DisplayQueueOptions) {
    this.#show = options.show;
    this.#now = options.now ?? (() => Date.now());
    this.#setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.#clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.#stopVisible = options.onVisible?.(() => this.check()) ?? (() => {});
  }

  /** The server's clock as this screen estimates it. */
  serverNow(): number {
    return this.#now() + this.#offsetMs;
  }

  /** The channel's delay plus the viewer's own nudge. */
  get delayMs(): number {
    return this.#delayMs + this.#nudgeMs;
  }

  /** The highest seq waiting, or null when nothing waits. */
  get lastPendingSeq(): number | null {
    return this.#pending.at(-1)?.seq ?? null;
  }

  get size(): number {
    return this.#pending.length;
  }

  /** Waits for the event's moment (at once if it is already due). A seq already waiting is ignored. */
  push(event: PublicEvent): void {
    if (this.#pending.some((e) => e.seq === event.seq)) return;
    this.#pending = [...this.#pending, event].sort((a, b) => a.seq - b.seq);
    this.check();
  }

  /** A new clock estimate: add `offsetMs` to this screen's clock to get the server's. */
  setOffset(offsetMs: number): void {
    this.#offsetMs = offsetMs;
    this.check();
  }

  setDelay(channelDelayMs: number, nudgeMs = this.#nudgeMs): void {
    this.#delayMs = channelDelayMs;
    this.#nudgeMs = nudgeMs;
    this.check();
  }

  setNudge(nudgeMs: number): void {
    this.setDelay(this.#delayMs, nudgeMs);
  }

  /** Forgets events at or below `seq`: a snapshot already holds them. Without `seq`, all. */
  drop(seq = Infinity): void {
    this.#pending = this.#pending.filter((e) => e.seq > seq);
    this.check();
  }

  /** Shows what is due and sets one short timer for what is not. */
  check(): void {
    // `show` may push, drop or re-check: finish this pass first, then look again.
    if (this.#checking) {
      this.#again = true;
      return;
    }
    this.#checking = true;
    try {
      do {
        this.#again = false;
        this.#cancelTimer();
        const { due, waiting } = dueEvents(this.#pending, this.serverNow(), this.delayMs);
        this.#pending = waiting;
        for (const event of due) this.#show(event);
      } while (this.#again);
    } finally {
      this.#checking = false;
    }
    const wait = msUntilNext(this.#pending, this.serverNow(), this.delayMs);
    if (wait !== null) this.#timer = this.#setTimer(() => this.#fire(), Math.min(wait, MAX_TIMER_MS));
  }

  dispose(): void {
    this.#cancelTimer();
    this.#stopVisible();
    this.#pending = [];
  }

  #fire(): void {
    this.#timer = null;
    this.check();
  }

  #cancelTimer(): void {
    if (this.#timer === null) return;
    this.#clearTimer(this.#timer);
    this.#timer = null;
  }
}
