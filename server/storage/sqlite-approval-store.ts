import type Database from 'better-sqlite3';
import { DEFAULT_TWO_KEY_POLICY, type Approval, type ApprovalOutcome, type TwoKeyPolicy } from '../../shared/two-keys';
import { decisionFields, type ApprovalDecision, type ApprovalStore } from './approval-store';

const schema = `
CREATE TABLE IF NOT EXISTS two_key_policies (
  ceremony_id TEXT PRIMARY KEY,
  policy TEXT NOT NULL
);
-- Two keys (S30): the requests; status and expires_at are columns for the one atomic confirmation.
CREATE TABLE IF NOT EXISTS approvals (
  id TEXT PRIMARY KEY,
  ceremony_id TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  status TEXT NOT NULL,
  body TEXT NOT NULL,
  payload TEXT NOT NULL,
  decision TEXT,
  outcome TEXT
);
CREATE INDEX IF NOT EXISTS approvals_by_ceremony ON approvals (ceremony_id, requested_at);
`;

interface Row {
  status: Approval['status'];
  body: string;
  decision: string | null;
  outcome: string | null;
}

const fromRow = (row: Row): Approval => ({
  ...(JSON.parse(row.body) as Approval),
  status: row.status,
  ...(row.decision ? decisionFields(JSON.parse(row.decision) as ApprovalDecision) : {}),
  ...(row.outcome ? { outcome: JSON.parse(row.outcome) as ApprovalOutcome } : {}),
});

/** The two-keys store in the SQLite file (synchronous; one UPDATE decides). */
export class SqliteApprovalStore implements ApprovalStore {
  constructor(private readonly db: Database.Database) {
    db.exec(schema);
  }

  async policy(ceremonyId: string): Promise<TwoKeyPolicy> {
    const row = this.db.prepare<[string], { policy: string }>('SELECT policy FROM two_key_policies WHERE ceremony_id = ?').get(ceremonyId);
    return row ? (JSON.parse(row.policy) as TwoKeyPolicy) : { ...DEFAULT_TWO_KEY_POLICY };
  }

  async setPolicy(ceremonyId: string, policy: TwoKeyPolicy): Promise<void> {
    this.db.prepare('INSERT INTO two_key_policies (ceremony_id, policy) VALUES (?, ?) ON CONFLICT(ceremony_id) DO UPDATE SET policy = excluded.policy').run(ceremonyId, JSON.stringify(policy));
  }

  async add(approval: Approval, payload: unknown): Promise<void> {
    this.db
      .prepare('INSERT INTO approvals (id, ceremony_id, requested_at, expires_at, status, body, payload) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(approval.id, approval.ceremonyId, approval.requestedAt, approval.expiresAt, approval.status, JSON.stringify(approval), JSON.stringify(payload));
  }

  async get(id: string): Promise<Approval | null> {
    const row = this.db.prepare<[string], Row>('SELECT status, body, decision, outcome FROM approvals WHERE id = ?').get(id);
    return row ? fromRow(row) : null;
  }

  async payload(id: string): Promise<unknown> {
    const row = this.db.prepare<[string], { payload: string }>('SELECT payload FROM approvals WHERE id = ?').get(id);
    return row ? (JSON.parse(row.payload) as unknown) : null;
  }

  async recent(ceremonyId: string, since: number): Promise<Approval[]> {
    return this.db
      .prepare<[string, number], Row>('SELECT status, body, decision, outcome FROM approvals WHERE ceremony_id = ? AND requested_at >= ? ORDER BY requested_at, id')
      .all(ceremonyId, since)
      .map(fromRow);
  }

  async decide(id: string, decision: ApprovalDecision, now: number): Promise<boolean> {
    const result = this.db
      .prepare("UPDATE approvals SET status = ?, decision = ? WHERE id = ? AND status = 'pending' AND expires_at > ?")
      .run(decision.status, JSON.stringify(decision), id, now);
    return result.changes === 1;
  }

  async settle(id: string, outcome: ApprovalOutcome): Promise<void> {
    this.db.prepare('UPDATE approvals SET outcome = ? WHERE id = ?').run(JSON.stringify(outcome), id);
  }
}
