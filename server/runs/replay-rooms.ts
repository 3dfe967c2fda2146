import { randomBytes } from 'node:crypto';
import { toPublicEvent } from '../../shared/events';
import { Replay } from '../../shared/replay';
import type { CeremonyRun } from '../live/ceremony-run';
import { ReplayRoom, type ReplayOutput } from './replay-room';

/** The replay rooms of this process, per ceremony. They live in memory: a restart ends them. */
export class ReplayRooms {
  private readonly rooms = new Map<string, ReplayRoom>();
  private count = 0;

  constructor(
    private readonly output: (ceremonyId: string, replayId: string) => ReplayOutput,
    private readonly now: () => number,
  ) {}

  /** Loads a recorded run into a new room. Building yields to the event loop between chunks. */
  async open(ceremonyId: string, sourceRunId: string, source: CeremonyRun, onProgress?: (done: number, total: number) => void): Promise<ReplayRoom> {
    const events = (source.eventsAfter(0) ?? []).map(toPublicEvent);
    const replay = await Replay.build(source.initial, events, { pause: () => new Promise((resolve) => setImmediate(resolve)), ...(onProgress ? { onProgress } : {}) });
    // Random, so that no link of a room closed by a restart (or open in another process) opens a new one.
    const replayId = newReplayId();
    const room = new ReplayRoom(replayId, ++this.count, sourceRunId, replay, this.output(ceremonyId, replayId), this.now);
    this.rooms.set(key(ceremonyId, replayId), room);
    return room;
  }

  get(ceremonyId: string, replayId: string): ReplayRoom | undefined {
    return this.rooms.get(key(ceremonyId, replayId));
  }

  /** In the order they were opened. */
  list(ceremonyId: string): ReplayRoom[] {
    return [...this.rooms.entries()].filter(([k]) => k.startsWith(`${ceremonyId}:`)).map(([, room]) => room);
  }

  close(): void {
    for (const room of this.rooms.values()) room.close();
  }
}

/** `replay-` and 80 random bits in hex (REPLAY_ID_PATTERN). */
export function newReplayId(): string {
  return `replay-${randomBytes(10).toString('hex')}`;
}

const key = (ceremonyId: string, replayId: string) => `${ceremonyId}:${replayId}`;
