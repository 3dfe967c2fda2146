import Database from 'better-sqlite3';
import type { CeremonyDefinition } from '../../shared/ceremony';
import type { CeremonyEvent } from '../../shared/events';
import { numberEvents, SeqConflictError, type CeremonyStore, type EventLog, type NewEvent } from './event-log';
import { quickCheckProblems, seqProblems, SQLITE_RECOVERY, StorageIntegrityError, STREAM_EXTENTS_SQL, walProblems, type StreamExtent } from './storage-integrity';

const schema = `
CREATE TABLE IF NOT EXISTS events (
  stream_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  at INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (stream_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ceremonies (
  id TEXT PRIMARY KEY,
  definition TEXT NOT NULL
);
`;

/**
 * The embedded default: one SQLite file, WAL, synchronous=FULL so that a commit is on disk
 * (fsync) before the command is acknowledged.
 */
export class SqliteStorage {
  readonly db: Database.Database;
  readonly events: EventLog;
  readonly ceremonies: CeremonyStore;

  constructor(file: string) {
    const walDamage = walProblems(file);
    if (walDamage.length > 0) throw new StorageIntegrityError(file, walDamage, SQLITE_RECOVERY);
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(schema);
      const damage = [...quickCheckProblems(this.db), ...seqProblems(this.db.prepare<[], StreamExtent>(STREAM_EXTENTS_SQL).all())];
      if (damage.length > 0) throw new StorageIntegrityError(file, damage, SQLITE_RECOVERY);
    } catch (error) {
      this.db.close();
      // A file that is not a database (a damaged header) or a page SQLite cannot read: damage too, with the same advice.
      if (error instanceof Database.SqliteError && /^SQLITE_(NOTADB|CORRUPT)/.test(error.code)) throw new StorageIntegrityError(file, [`SQLite: ${error.message}`], SQLITE_RECOVERY);
      throw error;
    }
    this.events = new SqliteEventLog(this.db);
    this.ceremonies = new SqliteCeremonyStore(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

class SqliteEventLog implements EventLog {
  private readonly insert: Database.Statement;
  private readonly selectAfter: Database.Statement<[string, number], { body: string }>;
  private readonly selectLast: Database.Statement<[string], { seq: number | null }>;
  private readonly appendAll: Database.Transaction<(streamId: string, expectedSeq: number, events: CeremonyEvent[]) => void>;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO events (stream_id, seq, type, at, body) VALUES (?, ?, ?, ?, ?)');
    this.selectAfter = db.prepare('SELECT body FROM events WHERE stream_id = ? AND seq > ? ORDER BY seq');
    this.selectLast = db.prepare('SELECT MAX(seq) AS seq FROM events WHERE stream_id = ?');
    // BEGIN IMMEDIATE: the check of the last seq and the insert are one atomic step, even across processes.
    this.appendAll = db.transaction((streamId: string, expectedSeq: number, events: CeremonyEvent[]) => {
      if ((this.selectLast.get(streamId)?.seq ?? 0) !== expectedSeq) throw new SeqConflictError(streamId, expectedSeq);
      for (const e of events) this.insert.run(streamId, e.seq, e.type, e.at, JSON.stringify(e));
    });
  }

  async append(streamId: string, expectedSeq: number, events: readonly NewEvent[]): Promise<CeremonyEvent[]> {
    const numbered = numberEvents(events, expectedSeq);
    try {
      this.appendAll.immediate(streamId, expectedSeq, numbered);
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new SeqConflictError(streamId, expectedSeq);
      throw error;
    }
    return numbered;
  }

  async read(streamId: string, afterSeq = 0): Promise<CeremonyEvent[]> {
    return this.selectAfter.all(streamId, afterSeq).map((row) => JSON.parse(row.body) as CeremonyEvent);
  }

  async lastSeq(streamId: string): Promise<number> {
    return this.selectLast.get(streamId)?.seq ?? 0;
  }

  async close(): Promise<void> {}
}

class SqliteCeremonyStore implements CeremonyStore {
  constructor(private readonly db: Database.Database) {}

  async list(): Promise<CeremonyDefinition[]> {
    const rows = this.db.prepare<[], { definition: string }>('SELECT definition FROM ceremonies ORDER BY rowid').all();
    return rows.map((r) => JSON.parse(r.definition) as CeremonyDefinition);
  }

  async get(id: string): Promise<CeremonyDefinition | null> {
    const row = this.db.prepare<[string], { definition: string }>('SELECT definition FROM ceremonies WHERE id = ?').get(id);
    return row ? (JSON.parse(row.definition) as CeremonyDefinition) : null;
  }

  async put(definition: CeremonyDefinition): Promise<void> {
    this.db.prepare('INSERT INTO ceremonies (id, definition) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET definition = excluded.definition').run(definition.id, JSON.stringify(definition));
  }
}
