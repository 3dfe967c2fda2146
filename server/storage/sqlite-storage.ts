import Database from 'better-sqlite3';
import type { CeremonyDefinition } from '../../shared/ceremony';
import type { CeremonyEvent } from '../../shared/events';
import {
  commandIdsOf,
  definitionHash,
  DuplicateCommandError,
  numberEvents,
  SeqConflictError,
  type CeremonyStore,
  type DefinitionVersion,
  type EventLog,
  type NewEvent,
  type Revocation,
  type SessionStore,
} from './event-log';
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
-- Every command id a stream has applied, once: a repeat (another process, after a restart) is refused by the key.
CREATE TABLE IF NOT EXISTS commands (
  stream_id TEXT NOT NULL,
  command_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (stream_id, command_id)
) WITHOUT ROWID;
-- Every version of every definition; ceremonies holds the newest.
CREATE TABLE IF NOT EXISTS ceremony_versions (
  ceremony_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  hash TEXT NOT NULL,
  definition TEXT NOT NULL,
  PRIMARY KEY (ceremony_id, version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS revoked_sessions (
  session_id TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);
`;

/**
 * Logs and stores written before commands and versions were kept: fill both in. The command ids
 * once, when their table is new (`hadCommands` false); afterwards every append keeps its own.
 */
function migrate(db: Database.Database, hadCommands: boolean): void {
  if (!hadCommands) {
    db.exec(`INSERT OR IGNORE INTO commands (stream_id, command_id, seq)
      SELECT stream_id, json_extract(body, '$.commandId'), MIN(seq) FROM events GROUP BY stream_id, json_extract(body, '$.commandId')`);
  }
  const unversioned = db.prepare<[], { id: string; definition: string }>('SELECT id, definition FROM ceremonies WHERE id NOT IN (SELECT ceremony_id FROM ceremony_versions)').all();
  const insert = db.prepare('INSERT INTO ceremony_versions (ceremony_id, version, hash, definition) VALUES (?, 1, ?, ?)');
  for (const row of unversioned) insert.run(row.id, definitionHash(JSON.parse(row.definition) as CeremonyDefinition), row.definition);
}

/**
 * The embedded default: one SQLite file, WAL, synchronous=FULL so that a commit is on disk
 * (fsync) before the command is acknowledged.
 */
export class SqliteStorage {
  readonly db: Database.Database;
  readonly events: EventLog;
  readonly ceremonies: CeremonyStore;
  readonly sessions: SessionStore;

  constructor(file: string) {
    const walDamage = walProblems(file);
    if (walDamage.length > 0) throw new StorageIntegrityError(file, walDamage, SQLITE_RECOVERY);
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('busy_timeout = 5000');
      const hadCommands = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'commands'").get() !== undefined;
      this.db.exec(schema);
      const damage = [...quickCheckProblems(this.db), ...seqProblems(this.db.prepare<[], StreamExtent>(STREAM_EXTENTS_SQL).all())];
      if (damage.length > 0) throw new StorageIntegrityError(file, damage, SQLITE_RECOVERY);
      migrate(this.db, hadCommands);
    } catch (error) {
      this.db.close();
      // A file that is not a database (a damaged header) or a page SQLite cannot read: damage too, with the same advice.
      if (error instanceof Database.SqliteError && /^SQLITE_(NOTADB|CORRUPT)/.test(error.code)) throw new StorageIntegrityError(file, [`SQLite: ${error.message}`], SQLITE_RECOVERY);
      throw error;
    }
    this.events = new SqliteEventLog(this.db);
    this.ceremonies = new SqliteCeremonyStore(this.db);
    this.sessions = new SqliteSessionStore(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

class SqliteEventLog implements EventLog {
  private readonly insert: Database.Statement;
  private readonly insertCommand: Database.Statement;
  private readonly selectAfter: Database.Statement<[string, number], { body: string }>;
  private readonly selectLast: Database.Statement<[string], { seq: number | null }>;
  private readonly appendAll: Database.Transaction<(streamId: string, expectedSeq: number, events: CeremonyEvent[]) => void>;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO events (stream_id, seq, type, at, body) VALUES (?, ?, ?, ?, ?)');
    this.insertCommand = db.prepare('INSERT INTO commands (stream_id, command_id, seq) VALUES (?, ?, ?)');
    this.selectAfter = db.prepare('SELECT body FROM events WHERE stream_id = ? AND seq > ? ORDER BY seq');
    this.selectLast = db.prepare('SELECT MAX(seq) AS seq FROM events WHERE stream_id = ?');
    // BEGIN IMMEDIATE: the check of the last seq and the insert are one atomic step, even across processes.
    this.appendAll = db.transaction((streamId: string, expectedSeq: number, events: CeremonyEvent[]) => {
      if ((this.selectLast.get(streamId)?.seq ?? 0) !== expectedSeq) throw new SeqConflictError(streamId, expectedSeq);
      for (const commandId of commandIdsOf(events)) {
        try {
          this.insertCommand.run(streamId, commandId, events.find((e) => e.commandId === commandId)!.seq);
        } catch (error) {
          if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateCommandError(streamId, commandId);
          throw error;
        }
      }
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

interface VersionRow {
  version: number;
  hash: string;
  definition: string;
}
const fromRow = (row: VersionRow | undefined): DefinitionVersion | null =>
  row ? { version: row.version, hash: row.hash, definition: JSON.parse(row.definition) as CeremonyDefinition } : null;

class SqliteCeremonyStore implements CeremonyStore {
  private readonly putVersion: Database.Transaction<(definition: CeremonyDefinition) => DefinitionVersion>;

  constructor(private readonly db: Database.Database) {
    this.putVersion = db.transaction((definition: CeremonyDefinition) => {
      const json = JSON.stringify(definition);
      const last = db.prepare<[string], { version: number | null }>('SELECT MAX(version) AS version FROM ceremony_versions WHERE ceremony_id = ?').get(definition.id);
      const kept = { version: (last?.version ?? 0) + 1, hash: definitionHash(definition), definition };
      db.prepare('INSERT INTO ceremony_versions (ceremony_id, version, hash, definition) VALUES (?, ?, ?, ?)').run(definition.id, kept.version, kept.hash, json);
      db.prepare('INSERT INTO ceremonies (id, definition) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET definition = excluded.definition').run(definition.id, json);
      return kept;
    });
  }

  async list(): Promise<CeremonyDefinition[]> {
    const rows = this.db.prepare<[], { definition: string }>('SELECT definition FROM ceremonies ORDER BY rowid').all();
    return rows.map((r) => JSON.parse(r.definition) as CeremonyDefinition);
  }

  async get(id: string): Promise<DefinitionVersion | null> {
    return fromRow(this.db.prepare<[string], VersionRow>('SELECT version, hash, definition FROM ceremony_versions WHERE ceremony_id = ? ORDER BY version DESC LIMIT 1').get(id));
  }

  async version(id: string, version: number): Promise<DefinitionVersion | null> {
    return fromRow(this.db.prepare<[string, number], VersionRow>('SELECT version, hash, definition FROM ceremony_versions WHERE ceremony_id = ? AND version = ?').get(id, version));
  }

  async put(definition: CeremonyDefinition): Promise<DefinitionVersion> {
    // IMMEDIATE: two processes on one file never take the same version number.
    return this.putVersion.immediate(definition);
  }
}

class SqliteSessionStore implements SessionStore {
  constructor(private readonly db: Database.Database) {}

  async revoke({ sessionId, expiresAt }: Revocation, now: number): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM revoked_sessions WHERE expires_at < ?').run(now);
      this.db.prepare('INSERT INTO revoked_sessions (session_id, expires_at) VALUES (?, ?) ON CONFLICT(session_id) DO NOTHING').run(sessionId, expiresAt);
    }).immediate();
  }

  async revoked(now: number): Promise<Revocation[]> {
    return this.db
      .prepare<[number], { session_id: string; expires_at: number }>('SELECT session_id, expires_at FROM revoked_sessions WHERE expires_at >= ?')
      .all(now)
      .map((r) => ({ sessionId: r.session_id, expiresAt: r.expires_at }));
  }
}
