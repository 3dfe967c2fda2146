import type { ApprovalAction, ApprovalBoard, ApprovalView, TwoKeyAction, TwoKeyPolicy } from '../../shared/two-keys';
import type { PodiumApi } from './api';
import { serverError, type ServerError } from './server-errors';


/**
 * Two keys (S30) on the console: the ceremony's policy, the requests every console sees (pushed by
 * the server), the ones this console asked for, and asking, confirming and refusing.
 */
export class TwoKeysDesk {
  policy: TwoKeyPolicy | null = $state.raw(null);
  requests: ApprovalView[] = $state.raw([]);
  /** Ids of the requests this console asked for: it waits on those, and confirms only the others. */
  mine: string[] = $state.raw([]);
  /** The request being sent or decided. */
  busy: string | null = $state(null);
  /** Why the last ask or decision was refused. */
  error: ServerError | null = $state.raw(null);
  /** Why the last policy change was refused (e.g. not a producer). */
  policyError: ServerError | null = $state.raw(null);

  /** Others' requests waiting for a second person: what this console may confirm. */
  readonly awaiting: ApprovalView[] = $derived(this.requests.filter((r) => r.status === 'pending' && !this.mine.includes(r.id)));
  /** This console's own requests, newest first: pending with a countdown, then their outcome. */
  readonly asked: ApprovalView[] = $derived(this.requests.filter((r) => this.mine.includes(r.id)).reverse());

  readonly #api: PodiumApi;
  readonly #ceremonyId: () => string | null;

  constructor(api: PodiumApi, ceremonyId: () => string | null) {
    this.#api = api;
    this.#ceremonyId = ceremonyId;
  }

  needs(action: TwoKeyAction): boolean {
    return this.policy?.[action] === true;
  }

  /** What the server pushed: the whole board. */
  show(board: ApprovalBoard): void {
    this.policy = board.policy;
    this.requests = board.requests;
  }

  reset(): void {
    this.policy = null;
    this.requests = [];
    this.error = null;
  }

  /** Asks for a second person; true when the request is pending. */
  async ask(request: { action: ApprovalAction; command?: unknown; runId?: string }): Promise<boolean> {
    const ceremonyId = this.#ceremonyId();
    if (!ceremonyId || this.busy) return false;
    this.busy = request.action;
    this.error = null;
    try {
      const approval = await this.#api.requestApproval(ceremonyId, request);
      this.mine = [...this.mine, approval.id];
      if (!this.requests.some((r) => r.id === approval.id)) this.requests = [...this.requests, approval];
      return true;
    } catch (error) {
      this.error = serverError(error);
      return false;
    } finally {
      this.busy = null;
    }
  }

  async decide(approvalId: string, verdict: 'confirm' | 'refuse'): Promise<void> {
    if (this.busy) return;
    this.busy = approvalId;
    this.error = null;
    try {
      const decided = await this.#api.decideApproval(approvalId, verdict);
      this.requests = this.requests.map((r) => (r.id === decided.id ? decided : r));
    } catch (error) {
      this.error = serverError(error);
    } finally {
      this.busy = null;
    }
  }

  async setPolicy(change: Partial<Pick<TwoKeyPolicy, TwoKeyAction>>): Promise<boolean> {
    const ceremonyId = this.#ceremonyId();
    if (!ceremonyId) return false;
    this.policyError = null;
    try {
      this.policy = await this.#api.setTwoKeys(ceremonyId, change);
      return true;
    } catch (error) {
      this.policyError = serverError(error);
      return false;
    }
  }
}
