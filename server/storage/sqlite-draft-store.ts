import type Database from 'better-sqlite3';
import { draftFromRow, draftText, recordFromRow, type DraftRow, type DraftSave, type DraftStore, type StoredDraft, type StudioRecord } from './draft-store';

const schema = `
-- The studio (S32): per ceremony its archived flag, the last revision given and its draft (NULL: none).
CREATE TABLE IF NOT EXISTS studio_ceremonies (
  ceremony_id TEXT PRIMARY KEY,
  archived INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 0,
  draft TEXT,
  updated_at INTEGER,
  updated_by TEXT,
  based_on INTEGER
);
`;

type SaveParams = { id: string; draft: string; at: number; by: string; basedOn: number | null };

/** Drafts in the SQLite file: each save is one statement that checks the revision it was made on. */
export class SqliteDraftStore implements DraftStore {
  private readonly select: Database.Statement<[string], DraftRow>;
  private readonly start: Database.Statement<[SaveParams], { revision: number }>;
  private readonly update: Database.Statement<[SaveParams & { revision: number }], { revision: number }>;
  private readonly drop: Database.Statement<[{ id: string; revision: number | null }]>;
  private readonly archive: Database.Statement<[string, number]>;
  private readonly all: Database.Statement<[], DraftRow & { archived: number }>;

  constructor(db: Database.Database) {
    db.exec(schema);
    this.select = db.prepare<[string], DraftRow>('SELECT ceremony_id, revision, draft, updated_at, updated_by, based_on FROM studio_ceremonies WHERE ceremony_id = ?');
    // A new draft: a new row, or a row without a draft (the revision goes on from the last one).
    this.start = db.prepare<[SaveParams], { revision: number }>(
      `INSERT INTO studio_ceremonies (ceremony_id, revision, draft, updated_at, updated_by, based_on) VALUES (@id, 1, @draft, @at, @by, @basedOn)
       ON CONFLICT (ceremony_id) DO UPDATE SET revision = studio_ceremonies.revision + 1, draft = excluded.draft, updated_at = excluded.updated_at, updated_by = excluded.updated_by, based_on = excluded.based_on
       WHERE studio_ceremonies.draft IS NULL
       RETURNING revision`,
    );
    this.update = db.prepare<[SaveParams & { revision: number }], { revision: number }>(
      `UPDATE studio_ceremonies SET revision = revision + 1, draft = @draft, updated_at = @at, updated_by = @by, based_on = @basedOn
       WHERE ceremony_id = @id AND draft IS NOT NULL AND revision = @revision
       RETURNING revision`,
    );
    this.drop = db.prepare<[{ id: string; revision: number | null }]>(
      'UPDATE studio_ceremonies SET draft = NULL, updated_at = NULL, updated_by = NULL, based_on = NULL WHERE ceremony_id = @id AND draft IS NOT NULL AND (@revision IS NULL OR revision = @revision)',
    );
    this.archive = db.prepare<[string, number]>('INSERT INTO studio_ceremonies (ceremony_id, archived) VALUES (?, ?) ON CONFLICT (ceremony_id) DO UPDATE SET archived = excluded.archived');
    this.all = db.prepare<[], DraftRow & { archived: number }>('SELECT ceremony_id, archived, revision, draft, updated_at, updated_by, based_on FROM studio_ceremonies ORDER BY rowid');
  }

  async get(ceremonyId: string): Promise<StoredDraft | null> {
    const row = this.select.get(ceremonyId);
    return row ? draftFromRow(row) : null;
  }

  async save(draft: DraftSave, revision: number | null): Promise<StoredDraft | null> {
    const params = { id: draft.ceremonyId, draft: draftText(draft.definition), at: draft.updatedAt, by: draft.updatedBy, basedOn: draft.basedOn };
    const row = revision === null ? this.start.get(params) : this.update.get({ ...params, revision });
    return row ? { ...draft, revision: row.revision } : null;
  }

  async discard(ceremonyId: string, revision?: number): Promise<boolean> {
    return this.drop.run({ id: ceremonyId, revision: revision ?? null }).changes === 1;
  }

  async setArchived(ceremonyId: string, archived: boolean): Promise<void> {
    this.archive.run(ceremonyId, archived ? 1 : 0);
  }

  async list(): Promise<StudioRecord[]> {
    return this.all.all().map((row) => recordFromRow(row, row.archived === 1));
  }
}
