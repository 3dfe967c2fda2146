import { ApiError } from './api';
import type { CrewApi, InvitationInfo } from './crew-api';

/** The join page's state: the invitation a link names, and joining with a name and a secret. */
export class JoinDesk {
  phase: 'checking' | 'open' | 'invalid' | 'joined' | 'failed' = $state('checking');
  invitation: InvitationInfo | null = $state.raw(null);
  /** The code of the last refusal (name_taken, weak_secret, invitation_invalid…). */
  error: string | null = $state(null);
  joining = $state(false);

  readonly #api: CrewApi;
  readonly #token: string;
  readonly #onJoined: () => void;

  constructor(api: CrewApi, token: string, onJoined: () => void) {
    this.#api = api;
    this.#token = token;
    this.#onJoined = onJoined;
  }

  async load(): Promise<void> {
    this.phase = 'checking';
    try {
      this.invitation = await this.#api.invitation(this.#token);
      this.phase = 'open';
    } catch (error) {
      this.phase = error instanceof ApiError && error.code === 'invitation_invalid' ? 'invalid' : 'failed';
    }
  }

  async join(name: string, secret: string): Promise<void> {
    this.joining = true;
    this.error = null;
    try {
      await this.#api.join(this.#token, name, secret);
      this.phase = 'joined';
      this.#onJoined();
    } catch (error) {
      this.error = error instanceof ApiError ? error.code : error instanceof Error ? error.message : String(error);
      if (this.error === 'invitation_invalid') this.phase = 'invalid';
    } finally {
      this.joining = false;
    }
  }
}
