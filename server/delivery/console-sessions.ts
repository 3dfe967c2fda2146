import { ErrorCodes, podiumError } from '../../shared/errors';
import type { AckResult } from '../../shared/protocol';
import type { Principal } from '../../shared/crew';
import type { OperatorAuth } from '../access/auth';
import type { OperatorNamespace, OperatorSocket } from './socket-types';

/** How often consoles are checked for a session that expired (or was revoked) meanwhile. */
const SESSION_SWEEP_MS = 1000;
export const SESSION_ENDED = 'Your operator session has ended; log in again.';

/**
 * S19: a console whose session ends is cut off. A logout (in this process, or read from the
 * shared store within its poll) cuts its consoles off at once; a sweep catches sessions that
 * reached their expiry; every message and every push checks the session first.
 */
export class ConsoleSessions {
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly operators: OperatorNamespace,
    private readonly auth: OperatorAuth,
    private readonly now: () => number,
    /** After a console is cut off (its run's registry of consoles changed). */
    private readonly onCutOff: (socket: OperatorSocket) => void,
  ) {
    auth.onRevoked((sessionId) => this.cutOffWhere((session) => session.sessionId === sessionId));
    this.sweep = setInterval(() => this.cutOffWhere((session) => !auth.isLive(session, now())), SESSION_SWEEP_MS);
    this.sweep.unref();
  }

  isLive(socket: OperatorSocket): boolean {
    return this.auth.isLive(socket.data.session, this.now());
  }

  /**
   * Every message, whatever it is, first checks the session; one that ended gets the reason (and
   * an unauthorized ack) and the socket is cut off, unanswered.
   */
  guard(socket: OperatorSocket): void {
    socket.use((packet, next) => {
      if (this.isLive(socket)) return next();
      const ack = packet.at(-1);
      if (typeof ack === 'function') (ack as (result: AckResult) => void)({ ok: false, error: podiumError(ErrorCodes.unauthorized, SESSION_ENDED) });
      this.cutOff(socket);
    });
  }

  /** Who a console acts as now, or null (and the console is cut off). */
  principal(socket: OperatorSocket): Principal | null {
    const principal = this.auth.principal(socket.data.token, this.now());
    if (!principal) this.cutOff(socket);
    return principal;
  }

  /**
   * Before a push to a room of consoles: this process's consoles in it whose session ended are
   * cut off first, so no push reaches them even between two sweeps. (Through Redis the push also
   * reaches other processes' consoles; each process cuts off its own within its sweep and poll.)
   */
  pruneRoom(room: string): void {
    const members = this.operators.adapter.rooms.get(room);
    if (!members) return;
    for (const id of members) {
      const socket = this.operators.sockets.get(id);
      if (socket && !this.isLive(socket)) this.cutOff(socket);
    }
  }

  /**
   * Tells the console why (it shows the sign-in again), then disconnects the socket, which leaves
   * every operator room: no event, registry, attendance or reaction reaches it any more.
   */
  cutOff(socket: OperatorSocket): void {
    if (socket.disconnected) return;
    socket.emit('failure', podiumError(ErrorCodes.unauthorized, SESSION_ENDED));
    socket.disconnect();
    this.onCutOff(socket);
  }

  close(): void {
    clearInterval(this.sweep);
  }

  private cutOffWhere(ended: (session: Principal) => boolean): void {
    for (const socket of this.operators.sockets.values()) if (ended(socket.data.session)) this.cutOff(socket);
  }
}
