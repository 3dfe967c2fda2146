import type { CrewRole } from '../../shared/crew';
import { ApiError } from './api';
import type { ApiTokenRow, CrewApi, CrewPerson, CrewSessionRow, MadeInvitation, MadeToken, OpenInvitation } from './crew-api';

/** The crew panel's state: who is signed in (everyone), and for a producer people, invitations and tokens. */
export class CrewDesk {
  sessions: CrewSessionRow[] = $state.raw([]);
  people: CrewPerson[] = $state.raw([]);
  invitations: OpenInvitation[] = $state.raw([]);
  tokens: ApiTokenRow[] = $state.raw([]);
  /** The invitation just made (its link is shown only until the panel forgets it). */
  madeInvitation: MadeInvitation | null = $state.raw(null);
  /** The token just made: shown once. */
  madeToken: MadeToken | null = $state.raw(null);
  /** The stable code (or message) of the last refused request, for the panel to explain. */
  error: string | null = $state(null);
  busy = $state(false);

  readonly #api: CrewApi;
  readonly #manages: () => boolean;

  constructor(api: CrewApi, manages: () => boolean) {
    this.#api = api;
    this.#manages = manages;
  }

  async load(): Promise<void> {
    await this.#try(async () => {
      if (!this.#manages()) {
        this.sessions = await this.#api.sessions();
        return;
      }
      const [sessions, people, invitations, tokens] = await Promise.all([this.#api.sessions(), this.#api.people(), this.#api.invitations(), this.#api.tokens()]);
      this.sessions = sessions;
      this.people = people;
      this.invitations = invitations;
      this.tokens = tokens;
    });
  }

  endSession(sessionId: string): Promise<boolean> {
    return this.#act(() => this.#api.endSession(sessionId));
  }

  changeRole(personId: string, role: CrewRole): Promise<boolean> {
    return this.#act(() => this.#api.changePerson(personId, { role }));
  }

  setDisabled(personId: string, disabled: boolean): Promise<boolean> {
    return this.#act(() => this.#api.changePerson(personId, { disabled }));
  }

  invite(role: CrewRole, name?: string): Promise<boolean> {
    return this.#act(async () => {
      this.madeInvitation = await this.#api.invite(role, name);
    });
  }

  withdrawInvitation(id: string): Promise<boolean> {
    return this.#act(async () => {
      await this.#api.withdrawInvitation(id);
      if (this.madeInvitation?.id === id) this.madeInvitation = null;
    });
  }

  makeToken(name: string, role: CrewRole, ceremonyId: string): Promise<boolean> {
    return this.#act(async () => {
      this.madeToken = await this.#api.makeToken(name, role, ceremonyId);
    });
  }

  revokeToken(id: string): Promise<boolean> {
    return this.#act(async () => {
      await this.#api.revokeToken(id);
      if (this.madeToken?.id === id) this.madeToken = null;
    });
  }

  /** An action, then the lists again (a role change may end sessions, an accept adds a person). */
  async #act(action: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    try {
      const ok = await this.#try(action);
      const refused = this.error;
      await this.load();
      if (!ok) this.error = refused;
      return ok;
    } finally {
      this.busy = false;
    }
  }

  async #try(action: () => Promise<unknown>): Promise<boolean> {
    this.error = null;
    try {
      await action();
      return true;
    } catch (error) {
      this.error = error instanceof ApiError ? error.code : error instanceof Error ? error.message : String(error);
      return false;
    }
  }
}
