import type pg from 'pg';
import type { ImageType } from '../../shared/studio';
import type { ImageStore, StoredImage } from './image-store';

const schema = `
CREATE TABLE IF NOT EXISTS podium_images (
  id TEXT PRIMARY KEY,
  ceremony_id TEXT NOT NULL,
  type TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes BYTEA NOT NULL
);
`;
/** Tables made by several processes starting at once: one creates, the others wait. */
const IMAGE_SCHEMA_LOCK = 7_411_901;

/** Images in PostgreSQL: uploaded through one process, served by any. */
export class PostgresImageStore implements ImageStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(pool: pg.Pool): Promise<PostgresImageStore> {
    await pool.query(`BEGIN; SELECT pg_advisory_xact_lock(${IMAGE_SCHEMA_LOCK}); ${schema} COMMIT;`);
    return new PostgresImageStore(pool);
  }

  async put(image: StoredImage): Promise<void> {
    await this.pool.query('INSERT INTO podium_images (id, ceremony_id, type, width, height, bytes) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING', [
      image.id,
      image.ceremonyId,
      image.type,
      image.width,
      image.height,
      Buffer.from(image.bytes),
    ]);
  }

  async get(id: string): Promise<StoredImage | null> {
    const { rows } = await this.pool.query<{ ceremony_id: string; type: string; width: number; height: number; bytes: Buffer }>(
      'SELECT ceremony_id, type, width, height, bytes FROM podium_images WHERE id = $1',
      [id],
    );
    const row = rows[0];
    return row ? { id, ceremonyId: row.ceremony_id, type: row.type as ImageType, width: row.width, height: row.height, bytes: new Uint8Array(row.bytes) } : null;
  }
}
