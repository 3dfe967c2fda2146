import type { CeremonyRun } from '../live/ceremony-run';
import type { Logger } from '../logger';
import type { Storage } from '../storage/open-storage';

/** The safety net under the notifications: every open run reads the log this often. */
export const POLL_EVERY_MS = 2000;

/**
 * Keeps this process's runs current when other processes append to the shared log: a run catches
 * up when the log says something was committed to its stream, and every few seconds anyway (a
 * notification can be lost with its connection). What a run reads back is `remote`: this process
 * does not broadcast it again while Redis carries the other process's broadcast.
 */
export class RunFollower {
  /** Open runs by stream; two runs of one stream can exist at once (see `track`). */
  private readonly runs = new Map<string, Set<CeremonyRun>>();
  /** Runs with a catch-up under way, and whether another was asked for meanwhile. */
  private readonly pending = new Map<string, boolean>();
  private poller: NodeJS.Timeout | null = null;
  private watcher: { close(): Promise<void> } | null = null;

  constructor(private readonly logger: Logger) {}

  async start(storage: Storage, pollEveryMs = POLL_EVERY_MS): Promise<void> {
    if (storage.watch) {
      this.watcher = await storage.watch(
        (streamId) => this.catchUp(streamId),
        () => this.catchUpAll(),
      );
    }
    this.poller = setInterval(() => this.catchUpAll(), pollEveryMs);
    this.poller.unref();
  }

  /**
   * A run opened by this process. Every run of the stream is kept current: two requests arriving
   * together can each open one, and a replaced definition opens a new one.
   */
  track(run: CeremonyRun): void {
    const runs = this.runs.get(run.runId) ?? new Set();
    runs.add(run);
    this.runs.set(run.runId, runs);
  }

  get tracked(): CeremonyRun[] {
    return [...this.runs.values()].flatMap((runs) => [...runs]);
  }

  catchUpAll(): void {
    for (const runId of this.runs.keys()) void this.catchUp(runId);
  }

  /** Resolves once the run's state holds everything committed before the call. */
  catchUp(runId: string): Promise<void> {
    const runs = this.runs.get(runId);
    if (!runs) return Promise.resolve();
    if (this.pending.has(runId)) {
      this.pending.set(runId, true);
      return Promise.resolve();
    }
    this.pending.set(runId, false);
    const work = async () => {
      try {
        do {
          this.pending.set(runId, false);
          await Promise.all([...runs].map((run) => run.catchUp()));
        } while (this.pending.get(runId));
      } catch (error) {
        this.logger.warn({ runId, err: { message: (error as Error).message } }, 'could not read the log to catch up; will retry');
      } finally {
        this.pending.delete(runId);
      }
    };
    return work();
  }

  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
    await this.watcher?.close();
    this.watcher = null;
  }
}
