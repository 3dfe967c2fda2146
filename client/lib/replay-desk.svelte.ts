import type { CeremonyLinks, PodiumApi, ReplayAction, ReplayRoomStatus } from './api';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** How often the console asks a replay room where it is, while the panel is open. */
export const REPLAY_POLL_MS = 500;

export interface ReplayDeskOptions {
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * The console's replay room: opens one on a recorded run, controls it (play, pause, speed, step,
 * seek) and follows its position. Rooms live in the server's memory; the status it answers after
 * each action, and every REPLAY_POLL_MS while watched, is what the panel shows.
 */
export class ReplayDesk {
  /** The recorded run to open a room on. */
  sourceRunId = $state('live');
  status: ReplayRoomStatus | null = $state.raw(null);
  links: CeremonyLinks | null = $state.raw(null);
  error: string | null = $state(null);
  busy = $state(false);

  readonly #api: PodiumApi;
  readonly #ceremonyId: () => string | null;
  readonly #options: ReplayDeskOptions;

  constructor(api: PodiumApi, ceremonyId: () => string | null, options: ReplayDeskOptions = {}) {
    this.#api = api;
    this.#ceremonyId = ceremonyId;
    this.#options = options;
  }

  reset(): void {
    this.status = null;
    this.links = null;
    this.error = null;
    this.sourceRunId = 'live';
  }

  async open(): Promise<void> {
    const ceremonyId = this.#ceremonyId();
    if (!ceremonyId || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const { links, ...status } = await this.#api.openReplay(ceremonyId, this.sourceRunId);
      if (ceremonyId !== this.#ceremonyId()) return;
      this.status = status;
      this.links = links ?? null;
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  play(): Promise<void> {
    return this.#act({ action: 'play' });
  }

  pause(): Promise<void> {
    return this.#act({ action: 'pause' });
  }

  setSpeed(speed: number): Promise<void> {
    return this.#act({ action: 'speed', speed });
  }

  step(direction: 'next' | 'previous'): Promise<void> {
    return this.#act({ action: 'step', direction });
  }

  seek(index: number): Promise<void> {
    return this.#act({ action: 'seek', index: Math.max(0, Math.round(index)) });
  }

  /** Asks the room where it is now. */
  async refresh(): Promise<void> {
    const ceremonyId = this.#ceremonyId();
    const replayId = this.status?.replayId;
    if (!ceremonyId || !replayId) return;
    try {
      const status = await this.#api.replayStatus(ceremonyId, replayId);
      if (status.replayId === this.status?.replayId) this.status = status;
    } catch (error) {
      this.error = errorText(error);
    }
  }

  /** Follows the room while the panel is open; returns the stop (a Svelte effect's cleanup). */
  watch(): () => void {
    const every = this.#options.setInterval ?? ((fn, ms) => setInterval(fn, ms));
    const stop = this.#options.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>));
    const handle = every(() => {
      if (this.status && !this.busy) void this.refresh();
    }, REPLAY_POLL_MS);
    return () => stop(handle);
  }

  async #act(action: ReplayAction): Promise<void> {
    const ceremonyId = this.#ceremonyId();
    const replayId = this.status?.replayId;
    if (!ceremonyId || !replayId) return;
    this.busy = true;
    this.error = null;
    try {
      this.status = await this.#api.controlReplay(ceremonyId, replayId, action);
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }
}
