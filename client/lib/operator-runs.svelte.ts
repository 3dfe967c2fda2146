import type { RunSummary } from '../../shared/runs';
import type { CeremonyLinks, PodiumApi } from './api';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The runs of the console's ceremony: the live run and its rehearsals, each with its screens'
 * links, and the starting of a new rehearsal (on stand-ins, or on the real results once the
 * operator has confirmed: the caller asks, this class only sends the confirmed request).
 */
export class OperatorRuns {
  runs: RunSummary[] | null = $state.raw(null);
  error: string | null = $state(null);
  starting = $state(false);
  /** The rehearsal this console just started, so the panel can say so. */
  started: string | null = $state(null);
  /** The screens' links of each run, once asked for. */
  links: Record<string, CeremonyLinks> = $state.raw({});

  readonly #api: PodiumApi;
  readonly #ceremonyId: () => string | null;

  constructor(api: PodiumApi, ceremonyId: () => string | null) {
    this.#api = api;
    this.#ceremonyId = ceremonyId;
  }

  /** Forgets the runs of another ceremony. */
  reset(): void {
    this.runs = null;
    this.links = {};
    this.started = null;
    this.error = null;
  }

  async load(): Promise<void> {
    const ceremonyId = this.#ceremonyId();
    if (!ceremonyId) return;
    try {
      const runs = await this.#api.runs(ceremonyId);
      if (ceremonyId !== this.#ceremonyId()) return;
      this.runs = runs;
      this.error = null;
    } catch (error) {
      if (ceremonyId === this.#ceremonyId()) this.error = errorText(error);
    }
  }

  /** Starts a rehearsal; with `realResults`, only after the operator confirmed in a dialog. */
  async startRehearsal(realResults: boolean): Promise<string | null> {
    const ceremonyId = this.#ceremonyId();
    if (!ceremonyId || this.starting) return null;
    this.starting = true;
    this.error = null;
    try {
      const started = await this.#api.startRehearsal(ceremonyId, { realResults });
      if (ceremonyId !== this.#ceremonyId()) return null;
      this.started = started.runId;
      this.links = { ...this.links, [started.runId]: started.links };
      await this.load();
      return started.runId;
    } catch (error) {
      this.error = errorText(error);
      return null;
    } finally {
      this.starting = false;
    }
  }

  async loadLinks(runId: string): Promise<void> {
    const ceremonyId = this.#ceremonyId();
    if (!ceremonyId || this.links[runId]) return;
    try {
      const links = await this.#api.links(ceremonyId, runId);
      if (ceremonyId === this.#ceremonyId()) this.links = { ...this.links, [runId]: links };
    } catch (error) {
      this.error = errorText(error);
    }
  }
}
