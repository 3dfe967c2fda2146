import type { CeremonyEvent } from '../../shared/events';
import type { CeremonyRun } from '../live/ceremony-run';
import type { RunObserver } from '../live/ceremonies';
import type { Logger } from '../logger';
import type { Storage } from '../storage/open-storage';
import type { SocketGateway } from './socket-gateway';

/**
 * Delivery, as the core sees it. After `append`, a run hands its committed events to the
 * broadcaster (`local`: this process appended them; `remote`: it read them back from a log that
 * another process appended to), which decides which of this process's sockets get them, and how.
 * The gateway then sends them: to consoles at once, to each channel's screens at its delay.
 */
export interface Broadcaster extends RunObserver {
  close(): Promise<void>;
}

/** Tells a run's consoles of a new definition version: their previews are rebuilt from it. */
export function refreshOnNewVersion(gateway: SocketGateway, run: CeremonyRun, events: readonly CeremonyEvent[]): void {
  if (events.some((e) => e.type === 'definition_published')) gateway.refreshConsoles(run);
}

export interface BroadcasterOptions {
  storage: Storage;
  redisUrl: string | undefined;
  gateway: SocketGateway;
  logger: Logger;
}
