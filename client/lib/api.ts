import type { AttendanceRequest } from '../../shared/attendance-change';
import type { CertificatesExport } from '../../shared/certificates';
import type { Cue, PublicCeremony } from '../../shared/cues';
import type { PublicEvent } from '../../shared/events';
import type { ReplayAction, ReplayRoomStatus as SharedReplayRoomStatus } from '../../shared/replay';
import { LIVE_RUN_ID, type RunSummary } from '../../shared/runs';
import type { PodiumError } from '../../shared/errors';
import type { ResultsExport } from '../../shared/results-export';
import type { SealProof } from '../../shared/seal';
import type { Text } from '../../shared/text';
import type { Problem } from '../../shared/validation';
import type { Credentials, SessionInfo, SignedIn } from './crew-api';
import type { ApprovalAction, ApprovalView, TwoKeyPolicy } from '../../shared/two-keys';

/** One ceremony as GET /api/ceremonies lists it. */
export interface CeremonySummary {
  id: string;
  title: Text;
  date: string;
  timeZone: string;
  venue?: Text;
}

/**
 * Absolute URLs of a ceremony's screens, from GET /api/ceremonies/:id/links. The stage and overlay
 * links carry their keys, so only an operator gets them.
 */
export interface CeremonyLinks {
  audience: string;
  stage?: string;
  overlay?: string;
  operator?: string;
}

/** One organization's personal delegate link, from GET /api/ceremonies/:id/delegates (operator only). */
export interface DelegateLink {
  organizationId: string;
  name: Text | null;
  link: string;
}

/** A rehearsal just started: POST /api/ceremonies/:id/rehearsals. */
export interface StartedRehearsal {
  runId: string;
  realResults: boolean;
  links: CeremonyLinks;
}

/** A replay room as the server reports it, with its screens' links. */
export type ReplayRoomStatus = SharedReplayRoomStatus & { links?: CeremonyLinks };
export type { ReplayAction };

/** A run file imported: POST /api/ceremonies/:id/runs. */
export interface ImportedRun {
  runId: string;
  events: number;
}

/** A recorded run's public events, for a replay in the browser. */
export interface RunEvents {
  /** Where the run started: its first definition version's public part. */
  ceremony: PublicCeremony;
  cues: Cue[];
  /** That version's number (missing from servers older than versions). */
  version?: number;
  events: PublicEvent[];
}

/** Where the console's archive panel points: public pages and exports, and the operator's. */
export interface ArchiveLinks {
  results: string;
  certificates: string;
  resultsCsv: string;
  resultsJson: string;
  asRunCsv: string;
  definitionJson: string;
  runJson: string;
}

/** A refused or failed request, with the server's stable code when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** What a refused import names: where in the file, and what is wrong. */
  readonly problems: readonly Problem[];
  /** What a refused seal names (results_missing): the categories with no result entered. */
  readonly categoryIds: readonly string[];

  constructor(status: number, code: string, message: string, problems: readonly Problem[] = [], categoryIds: readonly string[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problems = problems;
    this.categoryIds = categoryIds;
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The REST side of the server contract. The app makes one; state classes call it, components do not. */
export class PodiumApi {
  readonly #fetch: Fetch;

  constructor(fetchImpl: Fetch = (input, init) => fetch(input, init)) {
    this.#fetch = fetchImpl;
  }

  listCeremonies(): Promise<CeremonySummary[]> {
    return this.#json('/api/ceremonies');
  }

  /** The screens' links of a run (the live run by default); a screen of another run passes its key. */
  links(ceremonyId: string, runId: string = LIVE_RUN_ID, key?: string): Promise<CeremonyLinks> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/links${runQuery(runId, key)}`);
  }

  /** A QR code of a run's audience link, or of `url` (a link to this server). */
  qrCodeUrl(ceremonyId: string, url?: string, runId: string = LIVE_RUN_ID, key?: string): string {
    const path = `/api/ceremonies/${encodeURIComponent(ceremonyId)}/qr.svg`;
    return url ? `${path}?url=${encodeURIComponent(url)}` : `${path}${runQuery(runId, key)}`;
  }

  /** The live run and every rehearsal; needs an operator session. */
  runs(ceremonyId: string): Promise<RunSummary[]> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/runs`);
  }

  /** Starts a rehearsal: on stand-ins, or on the real results when `realResults` (sent confirmed). */
  startRehearsal(ceremonyId: string, options: { realResults: boolean }): Promise<StartedRehearsal> {
    const body = options.realResults ? { realResults: true, confirm: true } : {};
    return this.#post(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/rehearsals`, body);
  }

  /** Imports a run file (as `GET …/run.json` exports it) as a read-only run to replay; operator only. */
  importRun(ceremonyId: string, runFile: unknown): Promise<ImportedRun> {
    return this.#post(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/runs`, runFile);
  }

  /** A run's public events; anyone once the live run has ended, else an operator. */
  runEvents(ceremonyId: string, runId: string): Promise<RunEvents> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/runs/${encodeURIComponent(runId)}/events`);
  }

  /** Opens a replay room playing a recorded run; needs an operator session. */
  openReplay(ceremonyId: string, runId: string): Promise<ReplayRoomStatus> {
    return this.#post(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/replays`, { runId });
  }

  /** The replay rooms still open (they live in the server's memory); operator only. */
  replayRooms(ceremonyId: string): Promise<ReplayRoomStatus[]> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/replays`);
  }

  replayStatus(ceremonyId: string, replayId: string): Promise<ReplayRoomStatus> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/replays/${encodeURIComponent(replayId)}`);
  }

  controlReplay(ceremonyId: string, replayId: string, action: ReplayAction): Promise<ReplayRoomStatus> {
    return this.#post(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/replays/${encodeURIComponent(replayId)}`, action);
  }

  /** The archive's pages and exports; the operator ones work with the session cookie. */
  archiveLinks(ceremonyId: string): ArchiveLinks {
    const id = encodeURIComponent(ceremonyId);
    const base = `/api/ceremonies/${id}`;
    return {
      results: `/results/${id}`,
      certificates: `/certificates/${id}`,
      resultsCsv: `${base}/results.csv`,
      resultsJson: `${base}/results.json`,
      asRunCsv: `${base}/as-run.csv`,
      definitionJson: `${base}/definition.json`,
      runJson: `${base}/run.json`,
    };
  }

  /** The delegate link of each participating organization; needs an operator session. */
  delegates(ceremonyId: string): Promise<DelegateLink[]> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/delegates`);
  }

  /** What has been revealed of a ceremony's live run (everything, once it has ended). */
  results(ceremonyId: string): Promise<ResultsExport> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/results.json`);
  }

  /** The results' seal (S31) with every reveal shown so far and its salt: public. */
  seal(ceremonyId: string): Promise<SealProof> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/seal`);
  }

  /** Seals the results before the show; needs results.seal (a results officer, a producer). */
  sealResults(ceremonyId: string): Promise<{ sealNo: number; root: string; sealedAt: number }> {
    return this.#post(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/seal`, {});
  }

  /**
   * Sets a recipient's attendance at a reveal not yet shown (S34): `recipientIndex` in the preview's
   * order, `version` the one that preview was made for. Needs run.drive and results.see.
   */
  setAttendance(ceremonyId: string, request: AttendanceRequest): Promise<{ ok: true; outcome: 'attendance'; version: number; cueId: string }> {
    return this.#post(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/attendance`, request);
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

  /** Two keys (S30): which actions of a ceremony need a second person. */
  twoKeys(ceremonyId: string): Promise<TwoKeyPolicy> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/two-keys`);
  }

  /** Sets them (a producer only). */
  setTwoKeys(ceremonyId: string, policy: Partial<Pick<TwoKeyPolicy, 'correction' | 'realRehearsal' | 'retract' | 'jump'>>): Promise<TwoKeyPolicy> {
    return this.#json(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/two-keys`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(policy) });
  }

  /** Asks for a second person's confirmation of an action. */
  requestApproval(ceremonyId: string, request: { action: ApprovalAction; command?: unknown; runId?: string; definition?: unknown }): Promise<ApprovalView> {
    return this.#post(`/api/ceremonies/${encodeURIComponent(ceremonyId)}/approvals`, request);
  }

  /** Confirms (the action then happens) or refuses another person's request. */
  decideApproval(approvalId: string, verdict: 'confirm' | 'refuse'): Promise<ApprovalView> {
    return this.#post(`/api/approvals/${encodeURIComponent(approvalId)}/${verdict}`, {});
  }

  /** Who is signed in (S29): `person` and `capabilities` from servers with named people. */
  async session(): Promise<SessionInfo> {
    return this.#json('/api/session');
  }

  /** Signs in by name and secret, or by the passcode; the server sets an httpOnly cookie that the operator socket then carries. */
  async signIn(credentials: Credentials): Promise<SignedIn> {
    return this.#json('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  }

  async signOut(): Promise<void> {
    await this.#json('/api/session', { method: 'DELETE' });
  }

  #post<T>(path: string, body: unknown): Promise<T> {
    return this.#json(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  #json<T>(path: string, init: RequestInit = {}): Promise<T> {
    return requestJson(this.#fetch, path, init);
  }
}

/** A JSON request to the server; a refusal is thrown as an ApiError with its stable code. */
export async function requestJson<T>(fetchImpl: Fetch, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetchImpl(path, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init.headers } });
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw apiErrorOf(response.status, response.statusText, body);
  return body as T;
}

/** The ApiError of a refused request's status and body (`{error: {code, message, problems?, categoryIds?}}`). */
export function apiErrorOf(status: number, statusText: string, body: unknown): ApiError {
  const error = (body as { error?: Partial<PodiumError> & { problems?: Problem[] } } | null)?.error;
  return new ApiError(status, error?.code ?? `http_${status}`, error?.message ?? `${status} ${statusText}`, error?.problems ?? [], error?.categoryIds ?? []);
}

function runQuery(runId: string, key?: string): string {
  if (runId === LIVE_RUN_ID) return '';
  return `?run=${encodeURIComponent(runId)}${key ? `&key=${encodeURIComponent(key)}` : ''}`;
}
