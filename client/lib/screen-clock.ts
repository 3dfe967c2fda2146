import { CLOCK_SAMPLES_PER_SYNC, estimateClock, type ClockEstimate, type ClockSample } from '../../shared/clock-sync';

export const CLOCK_RESYNC_MS = 60_000;

export interface ScreenClockOptions {
  /** One `clock` round trip: sends the screen's time, resolves with the server's (rejects on timeout). */
  roundTrip: (sentAt: number) => Promise<number>;
  /** Called after each sync that got at least one answer. */
  onEstimate: (estimate: ClockEstimate) => void;
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Keeps a screen's estimate of the server clock: a burst of sequential round trips on connect,
 * every minute and after each reconnect; `estimateClock` keeps the fastest. Free of DOM.
 */
export class ScreenClock {
  readonly #options: ScreenClockOptions;
  readonly #now: () => number;
  #interval: unknown = null;
  #running: Promise<ClockEstimate | null> | null = null;
  #generation = 0;

  constructor(options: ScreenClockOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => Date.now());
  }

  /** Syncs now and then every minute until `stop()`. Calling it again (a reconnect) syncs again. */
  start(): void {
    if (this.#interval === null) {
      const set = this.#options.setInterval ?? ((fn, ms) => setInterval(fn, ms));
      this.#interval = set(() => void this.sync(), CLOCK_RESYNC_MS);
    }
    void this.sync();
  }

  stop(): void {
    if (this.#interval !== null) {
      const clear = this.#options.clearInterval ?? ((handle) => clearInterval(handle as ReturnType<typeof setInterval>));
      clear(this.#interval);
    }
    this.#interval = null;
    // A burst in flight finishes, but its estimate is no longer reported.
    this.#generation++;
    this.#running = null;
  }

  /** One burst of round trips. Overlapping calls share the burst in flight. */
  sync(): Promise<ClockEstimate | null> {
    if (this.#running) return this.#running;
    const burst = this.#burst(this.#generation).finally(() => {
      if (this.#running === burst) this.#running = null;
    });
    this.#running = burst;
    return burst;
  }

  async #burst(generation: number): Promise<ClockEstimate | null> {
    const samples: ClockSample[] = [];
    for (let i = 0; i < CLOCK_SAMPLES_PER_SYNC; i++) {
      const sentAt = this.#now();
      try {
        const serverTime = await this.#options.roundTrip(sentAt);
        samples.push({ sentAt, serverTime, receivedAt: this.#now() });
      } catch {
        // A lost or late answer: that sample is skipped; the fastest others still count.
      }
      if (generation !== this.#generation) return null;
    }
    const estimate = estimateClock(samples);
    if (estimate && generation === this.#generation) this.#options.onEstimate(estimate);
    return estimate;
  }
}
