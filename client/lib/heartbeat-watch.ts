import { HEARTBEAT } from '../../shared/heartbeat';

/** How late the server's heartbeat may be before a screen says the link is lost. */
export const HEARTBEAT_GRACE_MS = 1_500;

export interface HeartbeatWatchOptions {
  /** A heartbeat is overdue: the link is probably dead (Socket.IO has not noticed yet). */
  onLate: () => void;
  /** A heartbeat came after all. */
  onBack: () => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  graceMs?: number;
}

/**
 * Watches the server's heartbeat (engine.io's ping, every `pingInterval`). Socket.IO gives up on
 * a silent link only after pingInterval + pingTimeout (10 s here); a screen says it has lost the
 * link as soon as a ping is late by the grace (6.5 s at most), and says it is back if one comes.
 * The interval is HEARTBEAT's until pings have shown the server's own (an older server's may differ).
 */
export class HeartbeatWatch {
  readonly #options: HeartbeatWatchOptions;
  readonly #now: () => number;
  #last: number | null = null;
  #gap: number | null = null;
  #timer: unknown = null;
  #late = false;

  constructor(options: HeartbeatWatchOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => Date.now());
  }

  get late(): boolean {
    return this.#late;
  }

  /** The link opened: the server's first ping comes one interval after it. */
  start(): void {
    this.stop();
    this.#last = this.#now();
    this.#arm();
  }

  /** A ping arrived. */
  beat(): void {
    const now = this.#now();
    if (this.#last !== null) this.#gap = now - this.#last;
    this.#last = now;
    if (this.#late) {
      this.#late = false;
      this.#options.onBack();
    }
    this.#arm();
  }

  stop(): void {
    this.#clear();
    this.#last = null;
    this.#gap = null;
    this.#late = false;
  }

  #arm(): void {
    this.#clear();
    const expected = this.#gap ?? HEARTBEAT.pingIntervalMs;
    const set = this.#options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.#timer = set(() => {
      this.#timer = null;
      this.#late = true;
      this.#options.onLate();
    }, expected + (this.#options.graceMs ?? HEARTBEAT_GRACE_MS));
  }

  #clear(): void {
    if (this.#timer === null) return;
    const clear = this.#options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    clear(this.#timer);
    this.#timer = null;
  }
}
