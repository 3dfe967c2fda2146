import type { RunSummary } from '../../shared/runs';
import type { Problem } from '../../shared/validation';
import { ApiError, type CeremonyLinks, type ImportedRun, type PodiumApi } from './api';
import { serverError, type ServerError } from './server-errors';


/** A run file the operator picked: a browser `File` has both. */
export interface RunFileSource {
  name: string;
  text(): Promise<string>;
}

/** Why an import was refused: not JSON at all (`not_json`), or the server's first problem. */
export interface ImportRefusal {
  file: string;
  code: string;
  message: string;
  problem: Problem | null;
}

/**
 * The runs of the console's ceremony: the live run and its rehearsals, each with its screens'
 * links, and the starting of a new rehearsal (on stand-ins, or on the real results once the
 * operator has confirmed: the caller asks, this class only sends the confirmed request).
 */
export class OperatorRuns {
  runs: RunSummary[] | null = $state.raw(null);
  error: ServerError | null = $state.raw(null);
  starting = $state(false);
  /** The rehearsal this console just started, so the panel can say so. */
  started: string | null = $state(null);
  /** The screens' links of each run, once asked for. */
  links: Record<string, CeremonyLinks> = $state.raw({});
  /** The name of the run file being imported, if one is. */
  importing: string | null = $state(null);
  /** The run file this console imported last, or why it was refused. */
  imported: ImportedRun | null = $state.raw(null);
  importRefusal: ImportRefusal | null = $state.raw(null);

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
    this.imported = null;
    this.importRefusal = null;
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
      if (ceremonyId === this.#ceremonyId()) this.error = serverError(error);
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
      this.error = serverError(error);
      return null;
    } finally {
      this.starting = false;
    }
  }

  /**
   * Imports a recorded run (a run file as `GET …/run.json` exports it) as a read-only run to replay.
   * A file that is not JSON is refused here; a damaged or foreign one by the server, which names
   * its first problem; either way nothing is imported.
   */
  async importRunFile(file: RunFileSource): Promise<string | null> {
    const ceremonyId = this.#ceremonyId();
    if (!ceremonyId || this.importing !== null) return null;
    this.importing = file.name;
    this.imported = null;
    this.importRefusal = null;
    try {
      let runFile: unknown;
      try {
        runFile = JSON.parse(await file.text());
      } catch (error) {
        this.importRefusal = { file: file.name, code: 'not_json', message: serverError(error).message, problem: null };
        return null;
      }
      const imported = await this.#api.importRun(ceremonyId, runFile);
      if (ceremonyId !== this.#ceremonyId()) return null;
      this.imported = imported;
      await this.load();
      return imported.runId;
    } catch (error) {
      this.importRefusal = {
        file: file.name,
        code: error instanceof ApiError ? error.code : 'failed',
        message: serverError(error).message,
        problem: error instanceof ApiError ? (error.problems[0] ?? null) : null,
      };
      return null;
    } finally {
      this.importing = null;
    }
  }

  async loadLinks(runId: string): Promise<void> {
    const ceremonyId = this.#ceremonyId();
    if (!ceremonyId || this.links[runId]) return;
    try {
      const links = await this.#api.links(ceremonyId, runId);
      if (ceremonyId === this.#ceremonyId()) this.links = { ...this.links, [runId]: links };
    } catch (error) {
      this.error = serverError(error);
    }
  }
}
