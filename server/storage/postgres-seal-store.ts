import type pg from 'pg';
import { sealBody, sealFromRow, type NewSeal, type SealStore, type StoredSeal } from './seal-store';

const schema = `
CREATE TABLE IF NOT EXISTS podium_seals (
  ceremony_id TEXT NOT NULL,
  seal_no INTEGER NOT NULL,
  body JSONB NOT NULL,
  PRIMARY KEY (ceremony_id, seal_no)
);
`;
/** Tables made by several processes starting at once: one creates, the others wait. */
const SEAL_SCHEMA_LOCK = 7_411_031;
const UNIQUE_VIOLATION = '23505';

/** Seals in PostgreSQL, shared by every process: two processes sealing at once get two numbers. */
export class PostgresSealStore implements SealStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(pool: pg.Pool): Promise<PostgresSealStore> {
    await pool.query(`BEGIN; SELECT pg_advisory_xact_lock(${SEAL_SCHEMA_LOCK}); ${schema} COMMIT;`);
    return new PostgresSealStore(pool);
  }

  async add(seal: NewSeal): Promise<StoredSeal> {
    for (let attempt = 0; ; attempt++) {
      try {
        const { rows } = await this.pool.query<{ seal_no: number }>(
          'INSERT INTO podium_seals (ceremony_id, seal_no, body) SELECT $1, COALESCE(MAX(seal_no), 0) + 1, $2::jsonb FROM podium_seals WHERE ceremony_id = $1 RETURNING seal_no',
          [seal.ceremonyId, sealBody(seal)],
        );
        return { ...seal, sealNo: rows[0]!.seal_no };
      } catch (error) {
        // Another process took that number at the same moment: take the next one.
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 5) throw error;
      }
    }
  }

  async get(ceremonyId: string, sealNo: number): Promise<StoredSeal | null> {
    const { rows } = await this.pool.query<{ body: object }>('SELECT body FROM podium_seals WHERE ceremony_id = $1 AND seal_no = $2', [ceremonyId, sealNo]);
    return rows[0] ? sealFromRow(ceremonyId, sealNo, rows[0].body) : null;
  }
}
