import { DEFAULT_TWO_KEY_POLICY, type Approval, type ApprovalOutcome, type ApprovalPerson, type TwoKeyPolicy } from '../../shared/two-keys';

/** A confirmation or refusal of a pending request. */
export interface ApprovalDecision {
  status: 'confirmed' | 'refused';
  by: ApprovalPerson;
  at: number;
}

/**
 * Two keys (S30), kept durably: each ceremony's policy, and the requests with their decision and
 * outcome. `decide` is the one atomic step: of two confirmations (on any processes) one wins.
 */
export interface ApprovalStore {
  policy(ceremonyId: string): Promise<TwoKeyPolicy>;
  setPolicy(ceremonyId: string, policy: TwoKeyPolicy): Promise<void>;
  add(approval: Approval, payload: unknown): Promise<void>;
  get(id: string): Promise<Approval | null>;
  /** What the confirmed request executes (the command, the definition): read once, never listed. */
  payload(id: string): Promise<unknown>;
  /** A ceremony's requests made at or after `since`, oldest first. */
  recent(ceremonyId: string, since: number): Promise<Approval[]>;
  /** Pending and not expired at `now` → decided: true; otherwise nothing changes: false. */
  decide(id: string, decision: ApprovalDecision, now: number): Promise<boolean>;
  /** What executing a confirmed request did. */
  settle(id: string, outcome: ApprovalOutcome): Promise<void>;
}

/** The mutable part of a stored request, as its own column. */
export function decisionFields(decision: ApprovalDecision): Pick<Approval, 'decidedBy' | 'decidedAt'> {
  return { decidedBy: decision.by, decidedAt: decision.at };
}

export class MemoryApprovalStore implements ApprovalStore {
  private readonly policies = new Map<string, TwoKeyPolicy>();
  private readonly approvals = new Map<string, { approval: Approval; payload: unknown }>();

  async policy(ceremonyId: string) {
    return structuredClone(this.policies.get(ceremonyId) ?? DEFAULT_TWO_KEY_POLICY);
  }
  async setPolicy(ceremonyId: string, policy: TwoKeyPolicy) {
    this.policies.set(ceremonyId, structuredClone(policy));
  }
  async add(approval: Approval, payload: unknown) {
    this.approvals.set(approval.id, { approval: structuredClone(approval), payload: structuredClone(payload) });
  }
  async get(id: string) {
    const kept = this.approvals.get(id);
    return kept ? structuredClone(kept.approval) : null;
  }
  async payload(id: string) {
    return structuredClone(this.approvals.get(id)?.payload ?? null);
  }
  async recent(ceremonyId: string, since: number) {
    return [...this.approvals.values()]
      .map((k) => k.approval)
      .filter((a) => a.ceremonyId === ceremonyId && a.requestedAt >= since)
      .sort((a, b) => a.requestedAt - b.requestedAt)
      .map((a) => structuredClone(a));
  }
  async decide(id: string, decision: ApprovalDecision, now: number) {
    const kept = this.approvals.get(id);
    if (!kept || kept.approval.status !== 'pending' || kept.approval.expiresAt <= now) return false;
    kept.approval = { ...kept.approval, status: decision.status, ...decisionFields(decision) };
    return true;
  }
  async settle(id: string, outcome: ApprovalOutcome) {
    const kept = this.approvals.get(id);
    if (kept) kept.approval = { ...kept.approval, outcome };
  }
}
