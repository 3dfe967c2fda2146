import type pg from 'pg';
import { DEFAULT_TWO_KEY_POLICY, type Approval, type ApprovalOutcome, type TwoKeyPolicy } from '../../shared/two-keys';
import { decisionFields, type ApprovalDecision, type ApprovalStore } from './approval-store';

const schema = `
CREATE TABLE IF NOT EXISTS podium_two_key_policies (
  ceremony_id TEXT PRIMARY KEY,
  policy JSONB NOT NULL
);
-- Two keys (S30): the requests; status and expires_at are columns for the one atomic confirmation.
CREATE TABLE IF NOT EXISTS podium_approvals (
  id TEXT PRIMARY KEY,
  ceremony_id TEXT NOT NULL,
  requested_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  body JSONB NOT NULL,
  payload JSONB NOT NULL,
  decision JSONB,
  outcome JSONB
);
CREATE INDEX IF NOT EXISTS podium_approvals_by_ceremony ON podium_approvals (ceremony_id, requested_at);
`;
/** Serializes creating the tables when several processes start at once. */
const SCHEMA_LOCK = 7_104_202_30;

interface Row {
  status: Approval['status'];
  body: Approval;
  decision: ApprovalDecision | null;
  outcome: ApprovalOutcome | null;
}

const fromRow = (row: Row): Approval => ({ ...row.body, status: row.status, ...(row.decision ? decisionFields(row.decision) : {}), ...(row.outcome ? { outcome: row.outcome } : {}) });

/** The two-keys store in PostgreSQL, shared by every process: one UPDATE … WHERE status = 'pending' decides. */
export class PostgresApprovalStore implements ApprovalStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(pool: pg.Pool): Promise<PostgresApprovalStore> {
    await pool.query(`BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK}); ${schema} COMMIT;`);
    return new PostgresApprovalStore(pool);
  }

  async policy(ceremonyId: string): Promise<TwoKeyPolicy> {
    const rows = await this.pool.query<{ policy: TwoKeyPolicy }>('SELECT policy FROM podium_two_key_policies WHERE ceremony_id = $1', [ceremonyId]);
    return rows.rows[0]?.policy ?? { ...DEFAULT_TWO_KEY_POLICY };
  }

  async setPolicy(ceremonyId: string, policy: TwoKeyPolicy): Promise<void> {
    await this.pool.query('INSERT INTO podium_two_key_policies (ceremony_id, policy) VALUES ($1, $2) ON CONFLICT (ceremony_id) DO UPDATE SET policy = excluded.policy', [ceremonyId, JSON.stringify(policy)]);
  }

  async add(approval: Approval, payload: unknown): Promise<void> {
    await this.pool.query('INSERT INTO podium_approvals (id, ceremony_id, requested_at, expires_at, status, body, payload) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      approval.id,
      approval.ceremonyId,
      approval.requestedAt,
      approval.expiresAt,
      approval.status,
      JSON.stringify(approval),
      JSON.stringify(payload),
    ]);
  }

  async get(id: string): Promise<Approval | null> {
    const rows = await this.pool.query<Row>('SELECT status, body, decision, outcome FROM podium_approvals WHERE id = $1', [id]);
    return rows.rows[0] ? fromRow(rows.rows[0]) : null;
  }

  async payload(id: string): Promise<unknown> {
    const rows = await this.pool.query<{ payload: unknown }>('SELECT payload FROM podium_approvals WHERE id = $1', [id]);
    return rows.rows[0]?.payload ?? null;
  }

  async recent(ceremonyId: string, since: number): Promise<Approval[]> {
    const rows = await this.pool.query<Row>('SELECT status, body, decision, outcome FROM podium_approvals WHERE ceremony_id = $1 AND requested_at >= $2 ORDER BY requested_at, id', [ceremonyId, since]);
    return rows.rows.map(fromRow);
  }

  async decide(id: string, decision: ApprovalDecision, now: number): Promise<boolean> {
    const result = await this.pool.query("UPDATE podium_approvals SET status = $1, decision = $2 WHERE id = $3 AND status = 'pending' AND expires_at > $4", [
      decision.status,
      JSON.stringify(decision),
      id,
      now,
    ]);
    return result.rowCount === 1;
  }

  async settle(id: string, outcome: ApprovalOutcome): Promise<void> {
    await this.pool.query('UPDATE podium_approvals SET outcome = $1 WHERE id = $2', [JSON.stringify(outcome), id]);
  }
}
