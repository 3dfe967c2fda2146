import { checkProof, parseProof, type CueVerdict, type SealedProof, type SealProof } from '../../shared/seal';
import { ApiError, type PodiumApi } from './api';

/** What the verify page shows: the proof, where it came from, and the verdict computed in this browser. */
export class SealCheck {
  proof: SealedProof | null = $state(null);
  /** The server says the ceremony was never sealed. */
  unsealed = $state(false);
  failure: string | null = $state(null);
  /** The proof file that failed to read, or null. */
  fileError = $state(false);
  source: { kind: 'server'; at: number } | { kind: 'file'; name: string } | null = $state(null);
  readonly result: { rootMatches: boolean; cues: CueVerdict[] } | null = $derived(this.proof ? checkProof(this.proof) : null);
  readonly #api: PodiumApi;
  readonly ceremonyId: string;

  constructor(api: PodiumApi, ceremonyId: string) {
    this.#api = api;
    this.ceremonyId = ceremonyId;
  }

  get resultsUrl(): string {
    return `/results/${encodeURIComponent(this.ceremonyId)}`;
  }

  /** Fetches the seal and what has been revealed; the check itself runs here, not on the server. */
  async load(now = Date.now()): Promise<void> {
    try {
      const answer: SealProof = await this.#api.seal(this.ceremonyId);
      this.failure = null;
      this.fileError = false;
      this.unsealed = !answer.sealed;
      this.proof = answer.sealed ? answer : null;
      this.source = { kind: 'server', at: now };
    } catch (error) {
      this.failure = error instanceof ApiError ? error.code : String(error);
    }
  }

  /** Checks a proof file the person chose: read and verified in the browser, with no network at all. */
  async checkFile(file: File): Promise<void> {
    let parsed: SealedProof | null = null;
    try {
      parsed = parseProof(JSON.parse(await file.text()));
    } catch {
      parsed = null;
    }
    this.fileError = parsed === null;
    if (!parsed) return;
    this.proof = parsed;
    this.unsealed = false;
    this.failure = null;
    this.source = { kind: 'file', name: file.name };
  }

  /** The proof as a file to keep: the same JSON the server published. */
  proofFile(): { name: string; href: string } | null {
    if (!this.proof) return null;
    const text = JSON.stringify(this.proof, null, 2);
    return { name: `${this.proof.ceremonyId}-seal-${this.proof.sealNo}.json`, href: `data:application/json;charset=utf-8,${encodeURIComponent(text)}` };
  }
}

/** The seal as the results page and the console show it; the console may seal from here. */
export class SealStatus {
  proof: SealProof | null = $state(null);
  failure: string | null = $state(null);
  sealing = $state(false);
  /** The last refusal of a seal (its code, message and categories), or null. */
  refusal: { code: string; message: string; categories: string[] } | null = $state(null);
  /** Set after this console sealed, until the next refusal. */
  done = $state(false);
  readonly #api: PodiumApi;
  readonly #ceremonyId: () => string | null;

  constructor(api: PodiumApi, ceremonyId: () => string | null) {
    this.#api = api;
    this.#ceremonyId = ceremonyId;
  }

  get verifyUrl(): string | null {
    const id = this.#ceremonyId();
    return id ? `/results/${encodeURIComponent(id)}/verify` : null;
  }

  async load(): Promise<void> {
    const id = this.#ceremonyId();
    if (!id) return;
    try {
      this.proof = await this.#api.seal(id);
      this.failure = null;
    } catch (error) {
      this.failure = error instanceof ApiError ? error.code : String(error);
    }
  }

  async seal(): Promise<void> {
    const id = this.#ceremonyId();
    if (!id || this.sealing) return;
    this.sealing = true;
    this.done = false;
    try {
      await this.#api.sealResults(id);
      this.refusal = null;
      this.done = true;
      await this.load();
    } catch (error) {
      const categories = error instanceof ApiError ? [...error.categoryIds] : [];
      this.refusal = error instanceof ApiError ? { code: error.code, message: error.message, categories } : { code: 'network', message: String(error), categories };
    } finally {
      this.sealing = false;
    }
  }
}
