import type { Logger } from '../logger';
import { cutOff, guardOutbound, MAX_QUEUED_PER_SCREEN, queuedFor } from './outbound-guard';
import { ScreenMessageLimits, type LimitedScreenMessage } from './screen-limits';
import type { ScreenSocket } from './socket-types';

/**
 * S21: a public screen may send each message only so often, and may not make the server hold
 * more than MAX_QUEUED_PER_SCREEN for it: one that stops reading is cut off.
 */
export class ScreenGuard {
  constructor(
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {}

  attach(socket: ScreenSocket): void {
    socket.data.limits = new ScreenMessageLimits();
    socket.data.largestFrame = guardOutbound(socket, MAX_QUEUED_PER_SCREEN, (queued) => this.cutOffSlow(socket, queued));
  }

  /** Whether a screen may send this message now; a screen past its limit is logged once. */
  allowed(socket: ScreenSocket, message: LimitedScreenMessage): boolean {
    const limits = socket.data.limits!;
    if (limits.allow(message, this.now())) return true;
    if (limits.dropped === 1) this.logger.warn({ runId: socket.data.run.runId, screenId: socket.id, message }, 'screen messages rate-limited: dropping the excess');
    return false;
  }

  /** Whether more may be queued for this screen (the bound, on top of its largest frame); one past it is cut off instead. */
  canSend(socket: ScreenSocket): boolean {
    const queued = queuedFor(socket.conn);
    if (queued <= MAX_QUEUED_PER_SCREEN + (socket.data.largestFrame?.() ?? 0)) return true;
    this.cutOffSlow(socket, queued);
    return false;
  }

  private cutOffSlow(socket: ScreenSocket, queued: number): void {
    if (!socket.connected) return;
    const { run, info } = socket.data;
    this.logger.warn({ runId: run.runId, screenId: socket.id, role: info.role, queued, limit: MAX_QUEUED_PER_SCREEN }, 'slow screen disconnected: it stopped reading what it was sent');
    cutOff(socket);
  }
}
