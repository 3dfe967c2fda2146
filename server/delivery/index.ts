import type { Broadcaster, BroadcasterOptions } from './broadcaster';
import { ScaleOutBroadcaster } from './scale-out-broadcaster';
import { SingleProcessBroadcaster } from './single-process-broadcaster';

export type { Broadcaster } from './broadcaster';
export { SocketGateway } from './socket-gateway';

/** The broadcaster of this deployment: one process, or several sharing PostgreSQL (and Redis). */
export async function startBroadcaster(options: BroadcasterOptions): Promise<Broadcaster> {
  if (!options.storage.shared && !options.redisUrl) return new SingleProcessBroadcaster(options.gateway);
  return ScaleOutBroadcaster.start(options);
}
