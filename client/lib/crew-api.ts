import type { Capability, CrewRole } from '../../shared/crew';
import { requestJson, type Fetch } from './api';

/** Who is signed in, as the sign-in answer and GET /api/session name them. */
export interface SignedInPerson {
  personId: string;
  name: string;
  role: CrewRole;
}

/** GET /api/session. */
export interface SessionInfo {
  authenticated: boolean;
  person?: SignedInPerson;
  sessionId?: string;
  capabilities?: Capability[];
}

/** A person by name and secret, or the first producer by the passcode. */
export type Credentials = { name: string; secret: string } | { passcode: string };

export interface SignedIn {
  token: string;
  person: SignedInPerson;
}

/** A sign-in in the list of who is signed in now; `sessionId` only for a producer. */
export interface CrewSessionRow {
  sessionId?: string;
  personId: string;
  name: string;
  role: CrewRole;
  device: string;
  since: number;
  yours: boolean;
}

export interface CrewPerson {
  personId: string;
  name: string;
  role: CrewRole;
  createdAt: number;
  createdBy: string | null;
  disabledAt: number | null;
}

export interface OpenInvitation {
  id: string;
  role: CrewRole;
  name: string | null;
  createdBy: { personId: string; name: string | null };
  createdAt: number;
  expiresAt: number;
}

/** An invitation just made: its link (and QR code) are shown only now. */
export interface MadeInvitation {
  id: string;
  link: string;
  qr: string;
  role: CrewRole;
  name?: string;
  expiresAt: number;
}

export interface InvitationInfo {
  role: CrewRole;
  name?: string;
  expiresAt: number;
}

export interface ApiTokenRow {
  id: string;
  name: string;
  role: CrewRole;
  ceremonyId: string;
  createdBy: { personId: string; name: string };
  createdAt: number;
  expiresAt: number;
}

/** A token just made: the token is shown only now. */
export type MadeToken = Omit<ApiTokenRow, 'createdBy' | 'createdAt'> & { token: string };


/** The REST routes of the crew (docs/api.md): sign-in, invitations, people, sessions, API tokens. */
export class CrewApi {
  readonly #fetch: Fetch;

  constructor(fetchImpl: Fetch = (input, init) => fetch(input, init)) {
    this.#fetch = fetchImpl;
  }

  session(): Promise<SessionInfo> {
    return this.#json('GET', '/api/session');
  }

  /** Signs in; the server also sets the httpOnly cookie the console's socket carries. */
  signIn(credentials: Credentials): Promise<SignedIn> {
    return this.#json('POST', '/api/session', credentials);
  }

  invitation(token: string): Promise<InvitationInfo> {
    return this.#json('GET', `/api/invitations/${encodeURIComponent(token)}`);
  }

  join(token: string, name: string, secret: string): Promise<SignedIn> {
    return this.#json('POST', `/api/invitations/${encodeURIComponent(token)}`, { name, secret });
  }

  sessions(): Promise<CrewSessionRow[]> {
    return this.#json('GET', '/api/crew/sessions');
  }

  endSession(sessionId: string): Promise<unknown> {
    return this.#json('DELETE', `/api/crew/sessions/${encodeURIComponent(sessionId)}`);
  }

  people(): Promise<CrewPerson[]> {
    return this.#json('GET', '/api/crew/people');
  }

  changePerson(personId: string, change: { role?: CrewRole; disabled?: boolean }): Promise<unknown> {
    return this.#json('PATCH', `/api/crew/people/${encodeURIComponent(personId)}`, change);
  }

  invitations(): Promise<OpenInvitation[]> {
    return this.#json('GET', '/api/crew/invitations');
  }

  invite(role: CrewRole, name?: string): Promise<MadeInvitation> {
    return this.#json('POST', '/api/crew/invitations', { role, ...(name ? { name } : {}) });
  }

  withdrawInvitation(id: string): Promise<unknown> {
    return this.#json('DELETE', `/api/crew/invitations/${encodeURIComponent(id)}`);
  }

  tokens(): Promise<ApiTokenRow[]> {
    return this.#json('GET', '/api/crew/tokens');
  }

  makeToken(name: string, role: CrewRole, ceremonyId: string): Promise<MadeToken> {
    return this.#json('POST', '/api/crew/tokens', { name, role, ceremonyId });
  }

  revokeToken(id: string): Promise<unknown> {
    return this.#json('DELETE', `/api/crew/tokens/${encodeURIComponent(id)}`);
  }

  #json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return requestJson(this.#fetch, path, body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }
}
