import type { CeremonyEvent } from '../../shared/events';
import type { CeremonyRun, EventOrigin } from '../live/ceremony-run';
import { refreshOnNewVersion, type Broadcaster } from './broadcaster';
import type { SocketGateway } from './socket-gateway';

/**
 * One process with its own SQLite file and no Redis: every event is this process's own, and it
 * sends it to its own sockets. (A run reads its log back only when it opens, or when a screen
 * is ahead of it; those events go out the same way, and screens ignore one they have.)
 */
export class SingleProcessBroadcaster implements Broadcaster {
  constructor(private readonly gateway: SocketGateway) {}

  opened(): void {}

  committed(run: CeremonyRun, events: readonly CeremonyEvent[], _origin: EventOrigin): void {
    this.gateway.publish(run, events);
    refreshOnNewVersion(this.gateway, run, events);
  }

  async close(): Promise<void> {}
}
