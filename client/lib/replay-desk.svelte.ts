import type { CeremonyLinks, PodiumApi, ReplayAction, ReplayRoomStatus } from './api';
import { serverError, type ServerError } from './server-errors';


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
  /** Every room of the ceremony still open on the server, this console's or not. */
  rooms: ReplayRoomStatus[] = $state.raw([]);
  /** The room this console controls. */
  status: ReplayRoomStatus | null = $state.raw(null);
  links: CeremonyLinks | null = $state.raw(null);
  error: ServerError | null = $state.raw(null);
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
    this.rooms = [];
    this.status = null;
    this.links = null;
    this.error = null;
    this.sourceRunId = 'live';
  }

  /**
   * Finds the rooms still open (after a reload of the console, or opened by another console) and,
   * when this console controls none, takes the last one opened: its controls and links are back.
   */
  async reattach(): Promise<void> {
    const ceremonyId = this.#ceremonyId();
    if (!ceremonyId) return;
    try {
      const rooms = await this.#api.replayRooms(ceremonyId);
      if (ceremonyId !== this.#ceremonyId()) return;
      this.rooms = rooms;
      const last = rooms.reduce<ReplayRoomStatus | null>((latest, room) => (!latest || roomNumber(room) > roomNumber(latest) ? room : latest), null);
      if (!this.status && last) this.#attach(last);
    } catch (error) {
      this.error = serverError(error);
    }
  }

  /** Controls another open room. */
  select(replayId: string): void {
    const room = this.rooms.find((r) => r.replayId === replayId);
    if (room) this.#attach(room);
  }

  async open(): Promise<void> {
    const ceremonyId = this.#ceremonyId();
    if (!ceremonyId || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const room = await this.#api.openReplay(ceremonyId, this.sourceRunId);
      if (ceremonyId !== this.#ceremonyId()) return;
      this.rooms = [...this.rooms.filter((r) => r.replayId !== room.replayId), room];
      this.#attach(room);
    } catch (error) {
      this.error = serverError(error);
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
      this.error = serverError(error);
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

  #attach(room: ReplayRoomStatus): void {
    const { links, ...status } = room;
    this.status = status;
    this.links = links ?? null;
    this.error = null;
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
      this.error = serverError(error);
    } finally {
      this.busy = false;
    }
  }
}

/** Rooms are numbered in the order they were opened (their ids are random). */
function roomNumber(room: ReplayRoomStatus): number {
  return room.number;
}
