import { io, type Socket } from 'socket.io-client';
import type { PresenterView } from '../../shared/presenter';
import type { OperatorToServerEvents, ServerToOperatorEvents } from '../../shared/protocol';
import { LIVE_RUN_ID } from '../../shared/runs';
import { ApiError } from './api';
import { CrewApi, type Credentials } from './crew-api';
import { failureFromConnectError } from './socket-errors';

type PresenterSocket = Socket<ServerToOperatorEvents, OperatorToServerEvents>;
export type PresenterStatus = 'connecting' | 'live' | 'reconnecting' | 'sign_in' | 'forbidden';

/**
 * The presenter's screen's link (S33): the `/operator` namespace with `presenter: true`, signed in
 * by the session cookie. It receives one thing, the whole presenter view, and sends nothing but
 * `sync`.
 */
export class PresenterFeed {
  view: PresenterView | null = $state(null);
  status: PresenterStatus = $state('connecting');
  /** The server's clock minus this screen's, from the last view (for how long a segment has run). */
  offsetMs = $state(0);
  signInError: string | null = $state(null);
  signingIn = $state(false);
  sessionEnded = $state(false);
  #socket: PresenterSocket | null = null;

  constructor(
    readonly ceremonyId: string,
    private readonly crew = new CrewApi(),
    private readonly createSocket: (options: object) => PresenterSocket = (options) => io('/operator', options) as PresenterSocket,
  ) {}

  open(): void {
    if (this.#socket) return;
    const socket = this.createSocket({ auth: { ceremonyId: this.ceremonyId, runId: LIVE_RUN_ID, presenter: true }, withCredentials: true });
    this.#socket = socket;
    socket.on('connect', () => (this.status = 'live'));
    socket.on('disconnect', () => {
      if (this.status === 'live') this.status = 'reconnecting';
    });
    socket.on('connect_error', (error) => {
      const failure = failureFromConnectError(error);
      if (failure.code === 'unauthorized') return this.#needSignIn(false);
      if (failure.code === 'forbidden') {
        this.status = 'forbidden';
        this.#close();
        return;
      }
      this.status = 'reconnecting';
    });
    socket.on('failure', (error) => {
      if (error.code === 'unauthorized') this.#needSignIn(true);
    });
    socket.on('presenter', (view) => {
      if (view.sentAt !== undefined) this.offsetMs = view.sentAt - Date.now();
      this.view = view;
    });
  }

  async signIn(credentials: Credentials): Promise<void> {
    this.signingIn = true;
    this.signInError = null;
    try {
      await this.crew.signIn(credentials);
      this.sessionEnded = false;
      this.status = 'connecting';
      this.open();
    } catch (error) {
      this.signInError = error instanceof ApiError ? error.code : error instanceof Error ? error.message : String(error);
    } finally {
      this.signingIn = false;
    }
  }

  #needSignIn(ended: boolean): void {
    this.sessionEnded = ended;
    this.status = 'sign_in';
    this.view = null;
    this.#close();
  }

  #close(): void {
    this.#socket?.disconnect();
    this.#socket = null;
  }
}
