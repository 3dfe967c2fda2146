import { DEFAULT_CHANNEL_ID } from '../../shared/channels';
import type { CeremonyEvent } from '../../shared/events';
import type { CeremonyRun } from '../live/ceremony-run';

interface Held {
  event: CeremonyEvent;
  releaseAt: number;
}

/**
 * Sends a run's events to each channel's screens when that channel may have them: at once for a
 * channel without delay, `delayMs` after the event was decided for a delayed one. A delayed
 * channel's screens never receive a result before their display time minus the sync lead, so
 * reading the WebSocket frames spoils nothing. Events leave in seq order on every channel, even
 * when its delay changes.
 */
export class ChannelDelivery {
  private readonly held = new Map<string, Held[]>();
  private readonly releasedSeq = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly run: CeremonyRun,
    private readonly emit: (channelId: string, events: CeremonyEvent[]) => void,
    private readonly now: () => number,
  ) {}

  /** The channel a screen asked for, if the run has it; the hall otherwise. */
  resolve(channelId: string | undefined): string {
    return channelId && this.run.current.channels[channelId] ? channelId : DEFAULT_CHANNEL_ID;
  }

  /** The last seq the channel's screens may have. */
  released(channelId: string): number {
    return this.held.get(channelId)?.length ? (this.releasedSeq.get(channelId) ?? 0) : this.run.current.seq;
  }

  publish(events: readonly CeremonyEvent[]): void {
    for (const channel of Object.values(this.run.current.channels)) {
      const queue = this.held.get(channel.id) ?? [];
      if (channel.delayMs === 0 && queue.length === 0) {
        this.emit(channel.id, [...events]);
        this.releasedSeq.set(channel.id, events.at(-1)!.seq);
        continue;
      }
      for (const event of events) {
        const releaseAt = Math.max(event.at + channel.delayMs, queue.at(-1)?.releaseAt ?? 0);
        queue.push({ event, releaseAt });
      }
      this.held.set(channel.id, queue);
      this.schedule(channel.id);
    }
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(channelId: string): void {
    clearTimeout(this.timers.get(channelId));
    const first = this.held.get(channelId)?.[0];
    if (!first) return;
    this.timers.set(
      channelId,
      setTimeout(() => this.release(channelId), Math.max(0, first.releaseAt - this.now())),
    );
  }

  private release(channelId: string): void {
    const queue = this.held.get(channelId) ?? [];
    const now = this.now();
    const due = queue.filter((h) => h.releaseAt <= now).map((h) => h.event);
    this.held.set(channelId, queue.slice(due.length));
    if (due.length > 0) {
      this.releasedSeq.set(channelId, due.at(-1)!.seq);
      this.emit(channelId, due);
    }
    this.schedule(channelId);
  }
}
