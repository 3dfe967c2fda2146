import type { ApprovalBoard } from '../../shared/two-keys';
import type { Logger } from '../logger';
import type { TwoKeys } from './two-keys';

/** How often a process reads the requests of the ceremonies it has consoles of: a request made elsewhere shows within this. */
export const APPROVALS_POLL_MS = 1000;

/** Where the board is shown: the gateway's consoles, split by whether they may see results. */
export interface ApprovalScreens {
  /** Ceremonies with a console open on this process. */
  watched(): string[];
  show(ceremonyId: string, boards: { full: ApprovalBoard; sealed: ApprovalBoard }): void;
}

/**
 * Keeps every console's list of requests current (S30): at once for a change made on this process,
 * within APPROVALS_POLL_MS for one made on another (or a request that expires), by reading the
 * durable store: no bus needed, and nothing is lost when a process restarts.
 */
export class ApprovalBoards {
  private readonly shown = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private failing = false;

  constructor(
    private readonly twoKeys: TwoKeys,
    private readonly screens: ApprovalScreens,
    private readonly logger: Logger,
    pollEveryMs = APPROVALS_POLL_MS,
  ) {
    twoKeys.onChange((ceremonyId) => void this.refresh(ceremonyId, true));
    this.timer = setInterval(() => void this.poll(), pollEveryMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async poll(): Promise<void> {
    const watched = new Set(this.screens.watched());
    for (const id of this.shown.keys()) if (!watched.has(id)) this.shown.delete(id);
    await Promise.all([...watched].map((id) => this.refresh(id, false)));
  }

  /** Reads the board and shows it when it changed (or always, after a change here). */
  private async refresh(ceremonyId: string, always: boolean): Promise<void> {
    try {
      const boards = await this.twoKeys.board(ceremonyId);
      const signature = JSON.stringify(boards.full);
      if (!always && this.shown.get(ceremonyId) === signature) return;
      this.shown.set(ceremonyId, signature);
      this.screens.show(ceremonyId, boards);
      if (this.failing) this.logger.warn('two-keys requests readable again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.error({ err: { message: (error as Error).message } }, 'cannot read two-keys requests');
      this.failing = true;
    }
  }
}
