import type { Certificate } from '../../shared/certificates';
import type { ResultsExport } from '../../shared/results-export';
import type { Theme } from '../../shared/theme';
import { ApiError, type PodiumApi } from './api';

/** The public results page's state: the results export, loaded once. */
export class ResultsArchive {
  archive: ResultsExport | null = $state(null);
  /** The server's error code (e.g. unknown_ceremony), or a network failure's message. */
  failure: string | null = $state(null);
  readonly #api: PodiumApi;
  readonly ceremonyId: string;

  constructor(api: PodiumApi, ceremonyId: string) {
    this.#api = api;
    this.ceremonyId = ceremonyId;
  }

  get urls() {
    return this.#api.archiveUrls(this.ceremonyId);
  }

  /** "Watch again": the live run replayed in the browser, once the ceremony has ended. */
  get watchAgainUrl(): string {
    return `/replay/${encodeURIComponent(this.ceremonyId)}`;
  }

  async load(): Promise<void> {
    try {
      this.archive = await this.#api.results(this.ceremonyId);
      this.failure = null;
    } catch (error) {
      this.failure = error instanceof ApiError ? error.code : String(error);
    }
  }
}

/** The certificates page's state: an operator session, then the certificates. */
export class CertificatesArchive {
  certificates: Certificate[] | null = $state(null);
  /** The ceremony's theme: the certificates' logo, colours and face. */
  theme: Theme | undefined = $state(undefined);
  status: ResultsExport['status'] | null = $state(null);
  needsSignIn = $state(false);
  signingIn = $state(false);
  signInError: string | null = $state(null);
  failure: string | null = $state(null);
  readonly #api: PodiumApi;
  readonly ceremonyId: string;

  constructor(api: PodiumApi, ceremonyId: string) {
    this.#api = api;
    this.ceremonyId = ceremonyId;
  }

  async load(): Promise<void> {
    try {
      const answer = await this.#api.certificates(this.ceremonyId);
      this.certificates = answer.certificates;
      this.theme = answer.theme;
      this.status = answer.status;
      this.needsSignIn = false;
      this.failure = null;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthorized') this.needsSignIn = true;
      else this.failure = error instanceof ApiError ? error.code : String(error);
    }
  }

  async signIn(passcode: string): Promise<void> {
    this.signingIn = true;
    this.signInError = null;
    try {
      await this.#api.signIn({ passcode });
      await this.load();
    } catch (error) {
      // The refusal's code (translated by the form), never the server's English words.
      this.signInError = error instanceof ApiError ? error.code : 'network';
    } finally {
      this.signingIn = false;
    }
  }
}
