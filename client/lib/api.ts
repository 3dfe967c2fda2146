import type { CertificatesExport } from '../../shared/certificates';
import type { PodiumError } from '../../shared/errors';
import type { ResultsExport } from '../../shared/results-export';
import type { Text } from '../../shared/text';

/** One ceremony as GET /api/ceremonies lists it. */
export interface CeremonySummary {
  id: string;
  title: Text;
  date: string;
  timeZone: string;
  venue?: Text;
}

/** Absolute URLs of a ceremony's screens, from GET /api/ceremonies/:id/links. */
export interface CeremonyLinks {
  audience: string;
  stage: string;
  overlay: string;
  operator?: string;
}

/** One organization's personal delegate link, from GET /api/ceremonies/:id/delegates (operator only). */
export interface DelegateLink {
  organizationId: string;
  name: Text | null;
  link: string;
}

/** A refused or failed request, with the server's stable code when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The REST side of the server contract. The app makes one; state classes call it, components do not. */
export class PodiumApi {
  readonly #fetch: Fetch;

  constructor(fetchImpl: Fetch = (input, init) => fetch(input, init)) {
    this.#fetch = fetchImpl;
  }

  listCeremonies(): Promise<CeremonySummary[]> {
    return this.#json('/api/ceremonies');
  }

  links(ceremonyId: string): Promise<CeremonyLinks> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/links`);
  }

  /** A QR code of the audience link, or of `url` (a link to this server). */
  qrCodeUrl(ceremonyId: string, url?: string): string {
    const path = `/api/ceremonies/${encodeURIComponent(ceremonyId)}/qr.svg`;
    return url ? `${path}?url=${encodeURIComponent(url)}` : path;
  }

  /** The delegate link of each participating organization; needs an operator session. */
  delegates(ceremonyId: string): Promise<DelegateLink[]> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/delegates`);
  }

  /** What has been revealed of a ceremony's live run (everything, once it has ended). */
  results(ceremonyId: string): Promise<ResultsExport> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/results.json`);
  }

  /** One certificate per revealed recipient; needs an operator session. */
  certificates(ceremonyId: string): Promise<CertificatesExport> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/certificates.json`);
  }

  /** Where the results page's own QR code, CSV and JSON are. */
  archiveUrls(ceremonyId: string): { qrCode: string; csv: string; json: string } {
    const base = `/api/ceremonies/${encodeURIComponent(ceremonyId)}`;
    return { qrCode: `${base}/results-qr.svg`, csv: `${base}/results.csv`, json: `${base}/results.json` };
  }

  async session(): Promise<{ authenticated: boolean }> {
    return this.#json('/api/session');
  }

  /** Signs in; the server sets an httpOnly cookie that the operator socket then carries. */
  async signIn(passcode: string): Promise<void> {
    await this.#json('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passcode }) });
  }

  async signOut(): Promise<void> {
    await this.#json('/api/session', { method: 'DELETE' });
  }

  async #json<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await this.#fetch(path, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init.headers } });
    const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const error = (body as { error?: Partial<PodiumError> } | null)?.error;
      throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? `${response.status} ${response.statusText}`);
    }
    return body as T;
  }
}
