import type Database from 'better-sqlite3';
import { sealBody, sealFromRow, type NewSeal, type SealStore, type StoredSeal } from './seal-store';

const schema = `
CREATE TABLE IF NOT EXISTS seals (
  ceremony_id TEXT NOT NULL,
  seal_no INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (ceremony_id, seal_no)
) WITHOUT ROWID;
`;

/** Seals in the SQLite file (one process: numbering in one transaction is enough). */
export class SqliteSealStore implements SealStore {
  private readonly insert: Database.Statement<[{ id: string; body: string }], { seal_no: number }>;
  private readonly select: Database.Statement<[string, number], { body: string }>;

  constructor(db: Database.Database) {
    db.exec(schema);
    this.insert = db.prepare<[{ id: string; body: string }], { seal_no: number }>(
      'INSERT INTO seals (ceremony_id, seal_no, body) SELECT @id, COALESCE(MAX(seal_no), 0) + 1, @body FROM seals WHERE ceremony_id = @id RETURNING seal_no',
    );
    this.select = db.prepare<[string, number], { body: string }>('SELECT body FROM seals WHERE ceremony_id = ? AND seal_no = ?');
  }

  async add(seal: NewSeal): Promise<StoredSeal> {
    const row = this.insert.get({ id: seal.ceremonyId, body: sealBody(seal) })!;
    return { ...seal, sealNo: row.seal_no };
  }

  async get(ceremonyId: string, sealNo: number): Promise<StoredSeal | null> {
    const row = this.select.get(ceremonyId, sealNo);
    return row ? sealFromRow(ceremonyId, sealNo, row.body) : null;
  }
}
