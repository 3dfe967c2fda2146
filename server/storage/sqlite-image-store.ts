import type Database from 'better-sqlite3';
import type { ImageType } from '../../shared/studio';
import type { ImageStore, StoredImage } from './image-store';

const schema = `
CREATE TABLE IF NOT EXISTS images (
  id TEXT PRIMARY KEY,
  ceremony_id TEXT NOT NULL,
  type TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes BLOB NOT NULL
);
`;

interface Row {
  ceremony_id: string;
  type: string;
  width: number;
  height: number;
  bytes: Buffer;
}

/** Images in the SQLite file, beside the definitions that name them. */
export class SqliteImageStore implements ImageStore {
  private readonly insert: Database.Statement<[{ id: string; ceremonyId: string; type: string; width: number; height: number; bytes: Buffer }]>;
  private readonly select: Database.Statement<[string], Row>;

  constructor(db: Database.Database) {
    db.exec(schema);
    this.insert = db.prepare('INSERT INTO images (id, ceremony_id, type, width, height, bytes) VALUES (@id, @ceremonyId, @type, @width, @height, @bytes) ON CONFLICT (id) DO NOTHING');
    this.select = db.prepare<[string], Row>('SELECT ceremony_id, type, width, height, bytes FROM images WHERE id = ?');
  }

  async put(image: StoredImage): Promise<void> {
    this.insert.run({ ...image, bytes: Buffer.from(image.bytes) });
  }

  async get(id: string): Promise<StoredImage | null> {
    const row = this.select.get(id);
    return row ? { id, ceremonyId: row.ceremony_id, type: row.type as ImageType, width: row.width, height: row.height, bytes: new Uint8Array(row.bytes) } : null;
  }
}
