import { ErrorCodes, podiumError } from '../../shared/errors';
import type { CeremonyEvent } from '../../shared/events';
import type { CeremonyRun, EventOrigin } from '../live/ceremony-run';
import type { Logger } from '../logger';
import { refreshOnNewVersion, type Broadcaster, type BroadcasterOptions } from './broadcaster';
import type { SocketGateway } from './socket-gateway';
import { RedisBus } from './redis-bus';
import { RunFollower } from './run-follower';

export interface ScaleOutOptions extends BroadcasterOptions {
  pollEveryMs?: number;
}

/**
 * Several processes sharing one ceremony. Who sends an event to which screens:
 * - the process that committed it broadcasts it (through Redis when set: to every process);
 * - another process reads it back from the shared log (`remote`) and sends it to its own screens
 *   only when no working Redis did: without REDIS_URL, or while Redis is down.
 * One process with SQLite and no Redis is the plain case: only `local` events, sent as before.
 */
export class ScaleOutBroadcaster implements Broadcaster {
  /** The last seq sent to this process's screens, per stream (by this process or through Redis). */
  private readonly sent = new Map<string, number>();

  private constructor(
    private readonly gateway: SocketGateway,
    private readonly bus: RedisBus | null,
    private readonly follower: RunFollower | null,
    private readonly logger: Logger,
  ) {}

  static async start({ storage, redisUrl, gateway, logger, pollEveryMs }: ScaleOutOptions): Promise<ScaleOutBroadcaster> {
    const bus = redisUrl ? await RedisBus.attach(redisUrl, gateway.io as never, logger) : null;
    const follower = storage.shared ? new RunFollower(logger) : null;
    await follower?.start(storage, pollEveryMs);
    const scaleOut = new ScaleOutBroadcaster(gateway, bus, follower, logger);
    bus?.onRecovered(() => void scaleOut.resendLastEvents());
    return scaleOut;
  }

  /** A run of this process: kept current when other processes append to its log. */
  opened(run: CeremonyRun): void {
    this.follower?.track(run);
  }

  committed(run: CeremonyRun, events: readonly CeremonyEvent[], origin: EventOrigin): void {
    const busDown = this.bus !== null && !this.bus.healthy;
    if (origin === 'local') {
      // This process's own commit: nobody else sends it.
      this.gateway.publish(run, events);
      this.markSent(run, events);
      if (busDown) this.warnOperators(run);
    } else if (this.bus === null || busDown) {
      // Nobody else sends it to this process's screens: through the adapter, a failed publish
      // still reaches the local sockets. Another run of the same stream may have sent it already.
      const unsent = events.filter((e) => e.seq > (this.sent.get(run.runId) ?? 0));
      if (unsent.length > 0) this.gateway.publish(run, unsent);
      this.markSent(run, events);
    } else {
      // Redis carried the other process's broadcast to this process's screens.
      this.markSent(run, events);
    }
    // A new definition version: this process's consoles get previews of the new one.
    refreshOnNewVersion(this.gateway, run, events);
  }

  /**
   * After a Redis outage a screen may lack the last event (published into a Redis that then
   * lost it, or while this process still thought Redis was up). Each run's last event is sent
   * again: a screen that has it ignores it (its seq is not new); one that lacks earlier events
   * sees a gap and asks for them by seq.
   */
  private async resendLastEvents(): Promise<void> {
    for (const run of this.follower?.tracked ?? []) {
      await this.follower!.catchUp(run.runId);
      const seq = run.current.seq;
      const last = seq > 0 ? run.eventsAfter(seq - 1) : null;
      if (last && last.length > 0) this.gateway.publish(run, last);
    }
  }

  private markSent(run: CeremonyRun, events: readonly CeremonyEvent[]): void {
    this.sent.set(run.runId, Math.max(this.sent.get(run.runId) ?? 0, events.at(-1)!.seq));
  }

  private warnOperators(run: CeremonyRun): void {
    const message =
      'Redis is unreachable: this change is saved and shown on the screens connected to this server; screens on the other servers get it from the database within a few seconds.';
    this.logger.warn({ runId: run.runId }, 'committed while Redis is down');
    this.gateway.warnConsoles(run, podiumError(ErrorCodes.broadcastDegraded, message));
  }

  async close(): Promise<void> {
    await this.follower?.close();
    await this.bus?.close();
  }
}
