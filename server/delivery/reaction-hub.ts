import { emptyReactionCounts, type ReactionCounts, type ReactionKind } from '../../shared/reactions';
import { KeyedRateLimit } from '../rate-limit';

/** Per socket: a burst of 10, then 4 a second. Per address (a hall behind one NAT): 60, then 30 a second. */
const PER_SOCKET = { capacity: 10, perSecond: 4 };
const PER_ADDRESS = { capacity: 60, perSecond: 30 };
export const REACTION_FLUSH_MS = 250;

interface RunReactions {
  burst: ReactionCounts;
  totals: ReactionCounts;
  byCue: Record<string, ReactionCounts>;
  dirty: boolean;
}

export interface ReactionFlush {
  runId: string;
  burst: ReactionCounts;
  totals: ReactionCounts;
  byCue: Record<string, ReactionCounts>;
}

/**
 * Audience reactions: rate-limited per socket and per address, counted per run and per reveal,
 * and sent at most every REACTION_FLUSH_MS as one aggregate, whatever the number of taps. A flood
 * from one client is dropped at its own bucket and changes nothing for anyone else.
 */
export class ReactionHub {
  private readonly runs = new Map<string, RunReactions>();
  private readonly perSocket = new KeyedRateLimit(PER_SOCKET.capacity, PER_SOCKET.perSecond);
  private readonly perAddress = new KeyedRateLimit(PER_ADDRESS.capacity, PER_ADDRESS.perSecond);
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly onFlush: (flush: ReactionFlush) => void,
    private readonly now: () => number,
  ) {
    this.timer = setInterval(() => this.flush(), REACTION_FLUSH_MS);
    this.timer.unref();
  }

  /** Counts one reaction; false when the socket or its address is over its limit. */
  react(runId: string, cueId: string, socketId: string, address: string, kind: ReactionKind): boolean {
    const now = this.now();
    if (!this.perSocket.take(socketId, now) || !this.perAddress.take(address, now)) return false;
    const run = this.runs.get(runId) ?? { burst: emptyReactionCounts(), totals: emptyReactionCounts(), byCue: {}, dirty: false };
    run.burst[kind] += 1;
    run.totals[kind] += 1;
    (run.byCue[cueId] ??= emptyReactionCounts())[kind] += 1;
    run.dirty = true;
    this.runs.set(runId, run);
    return true;
  }

  forgetSocket(socketId: string): void {
    this.perSocket.forget(socketId);
  }

  flush(): void {
    for (const [runId, run] of this.runs) {
      if (!run.dirty) continue;
      this.onFlush({ runId, burst: run.burst, totals: { ...run.totals }, byCue: structuredClone(run.byCue) });
      run.burst = emptyReactionCounts();
      run.dirty = false;
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}
