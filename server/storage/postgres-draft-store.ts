import type pg from 'pg';
import { draftFromRow, draftText, recordFromRow, type DraftRow, type DraftSave, type DraftStore, type StoredDraft, type StudioRecord } from './draft-store';

// The draft is TEXT, not JSONB: it is kept as the studio wrote it, keys in their order.
const schema = `
CREATE TABLE IF NOT EXISTS podium_studio_ceremonies (
  ceremony_id TEXT PRIMARY KEY,
  archived BOOLEAN NOT NULL DEFAULT FALSE,
  revision INTEGER NOT NULL DEFAULT 0,
  draft TEXT,
  updated_at BIGINT,
  updated_by TEXT,
  based_on INTEGER,
  added BIGSERIAL
);
`;
/** Serializes creating the table when several processes start at once. */
const SCHEMA_LOCK = 7_104_202_32;

const COLUMNS = 'ceremony_id, revision, draft, updated_at, updated_by, based_on';

/** Drafts in PostgreSQL, shared by every process: each save is one statement that checks the revision it was made on. */
export class PostgresDraftStore implements DraftStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(pool: pg.Pool): Promise<PostgresDraftStore> {
    await pool.query(`BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK}); ${schema} COMMIT;`);
    return new PostgresDraftStore(pool);
  }

  async get(ceremonyId: string): Promise<StoredDraft | null> {
    const { rows } = await this.pool.query<DraftRow>(`SELECT ${COLUMNS} FROM podium_studio_ceremonies WHERE ceremony_id = $1`, [ceremonyId]);
    return rows[0] ? draftFromRow(rows[0]) : null;
  }

  async save(draft: DraftSave, revision: number | null): Promise<StoredDraft | null> {
    const params = [draft.ceremonyId, draftText(draft.definition), draft.updatedAt, draft.updatedBy, draft.basedOn];
    const { rows } =
      revision === null
        ? // A new draft: a new row, or a row without a draft (the revision goes on from the last one).
          await this.pool.query<{ revision: number }>(
            `INSERT INTO podium_studio_ceremonies AS s (ceremony_id, revision, draft, updated_at, updated_by, based_on) VALUES ($1, 1, $2, $3, $4, $5)
             ON CONFLICT (ceremony_id) DO UPDATE SET revision = s.revision + 1, draft = excluded.draft, updated_at = excluded.updated_at, updated_by = excluded.updated_by, based_on = excluded.based_on
             WHERE s.draft IS NULL
             RETURNING revision`,
            params,
          )
        : await this.pool.query<{ revision: number }>(
            `UPDATE podium_studio_ceremonies SET revision = revision + 1, draft = $2, updated_at = $3, updated_by = $4, based_on = $5
             WHERE ceremony_id = $1 AND draft IS NOT NULL AND revision = $6
             RETURNING revision`,
            [...params, revision],
          );
    return rows[0] ? { ...draft, revision: rows[0].revision } : null;
  }

  async discard(ceremonyId: string, revision?: number): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE podium_studio_ceremonies SET draft = NULL, updated_at = NULL, updated_by = NULL, based_on = NULL WHERE ceremony_id = $1 AND draft IS NOT NULL AND ($2::integer IS NULL OR revision = $2)',
      [ceremonyId, revision ?? null],
    );
    return result.rowCount === 1;
  }

  async setArchived(ceremonyId: string, archived: boolean): Promise<void> {
    await this.pool.query('INSERT INTO podium_studio_ceremonies (ceremony_id, archived) VALUES ($1, $2) ON CONFLICT (ceremony_id) DO UPDATE SET archived = excluded.archived', [ceremonyId, archived]);
  }

  async list(): Promise<StudioRecord[]> {
    const { rows } = await this.pool.query<DraftRow & { archived: boolean }>(`SELECT ${COLUMNS}, archived FROM podium_studio_ceremonies ORDER BY added`);
    return rows.map((row) => recordFromRow(row, row.archived));
  }
}
