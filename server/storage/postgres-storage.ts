import pg from 'pg';
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
import { seqProblems, StorageIntegrityError, STREAM_EXTENTS_SQL, type StreamExtent } from './storage-integrity';

const POSTGRES_RECOVERY = 'To recover: stop every Podium process and restore the database (podium_events and podium_ceremonies) from its last backup or point in time; then start again.';

const schema = `
CREATE TABLE IF NOT EXISTS podium_events (
  stream_id TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  type TEXT NOT NULL,
  at BIGINT NOT NULL,
  body JSONB NOT NULL,
  PRIMARY KEY (stream_id, seq)
);
CREATE TABLE IF NOT EXISTS podium_ceremonies (
  id TEXT PRIMARY KEY,
  definition JSONB NOT NULL,
  added BIGSERIAL
);
-- Every command id a stream has applied, once: a repeat (another process, after a restart) is refused by the key.
CREATE TABLE IF NOT EXISTS podium_commands (
  stream_id TEXT NOT NULL,
  command_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  CONSTRAINT podium_commands_once PRIMARY KEY (stream_id, command_id)
);
-- Every version of every definition; podium_ceremonies holds the newest.
CREATE TABLE IF NOT EXISTS podium_ceremony_versions (
  ceremony_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  hash TEXT NOT NULL,
  definition JSONB NOT NULL,
  PRIMARY KEY (ceremony_id, version)
);
-- A log from before command ids were kept: fill them in, once (a one-time check skips the scan after).
INSERT INTO podium_commands (stream_id, command_id, seq)
  SELECT stream_id, body->>'commandId', MIN(seq) FROM podium_events
  WHERE NOT EXISTS (SELECT 1 FROM podium_commands) GROUP BY stream_id, body->>'commandId'
  ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS podium_revoked_sessions (
  session_id TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
);
`;

const UNIQUE_VIOLATION = '23505';
/** An arbitrary advisory-lock key that serializes creating the tables. */
const SCHEMA_LOCK = 7_104_202_1;
/** The NOTIFY channel of committed appends; the payload is the stream id. */
export const APPENDED_CHANNEL = 'podium_appended';

/**
 * The event log in PostgreSQL, for several server processes sharing one ceremony. `seq` is
 * contiguous per stream and (stream_id, seq) is the primary key: of two processes appending after
 * the same seq, the second fails on the key and gets a SeqConflictError. Readers ask for
 * "seq > last" within one stream, which never skips a late commit: seq N+1 can only be written
 * once N is committed. (A global sequence read by "id > last" would skip one.)
 */
export class PostgresStorage {
  readonly events: EventLog;
  readonly ceremonies: CeremonyStore;
  readonly sessions: SessionStore;

  private constructor(readonly pool: pg.Pool) {
    this.events = new PostgresEventLog(pool);
    this.ceremonies = new PostgresCeremonyStore(pool);
    this.sessions = new PostgresSessionStore(pool);
  }

  static async connect(connectionString: string, options: { schema?: string } = {}): Promise<PostgresStorage> {
    const pool = new pg.Pool({ connectionString, max: 10, ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}) });
    pool.on('error', () => undefined); // an idle client's error; the next query reports it
    try {
      if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, '')}"`);
      // Several processes may start at once: one creates the tables, the others wait for it.
      await pool.query(`BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK}); ${schema} COMMIT;`);
    } catch (error) {
      await pool.end();
      throw new Error(`PostgreSQL at ${redactUrl(connectionString)} is not usable: ${(error as Error).message}`);
    }
    // The log's own check (S4, S25): every stream 1..n without a gap, once per start (one scan of the key).
    const extents = await pool.query<StreamExtent>(STREAM_EXTENTS_SQL.replace('FROM events', 'FROM podium_events')).catch(async (error: unknown) => {
      await pool.end();
      throw error;
    });
    const gaps = seqProblems(extents.rows);
    if (gaps.length > 0) {
      await pool.end();
      throw new StorageIntegrityError(`the event log in PostgreSQL at ${redactUrl(connectionString)}`, gaps, POSTGRES_RECOVERY);
    }
    return new PostgresStorage(pool);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A connection string without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

class PostgresEventLog implements EventLog {
  constructor(private readonly pool: pg.Pool) {}

  async append(streamId: string, expectedSeq: number, events: readonly NewEvent[]): Promise<CeremonyEvent[]> {
    const numbered = numberEvents(events, expectedSeq);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const last = await client.query<{ seq: number }>('SELECT COALESCE(MAX(seq), 0)::int AS seq FROM podium_events WHERE stream_id = $1', [streamId]);
      if (last.rows[0]!.seq !== expectedSeq) throw new SeqConflictError(streamId, expectedSeq);
      for (const commandId of commandIdsOf(numbered)) {
        const inserted = await client.query('INSERT INTO podium_commands (stream_id, command_id, seq) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          streamId,
          commandId,
          numbered.find((e) => e.commandId === commandId)!.seq,
        ]);
        if (inserted.rowCount === 0) throw new DuplicateCommandError(streamId, commandId);
      }
      for (const e of numbered) {
        await client.query('INSERT INTO podium_events (stream_id, seq, type, at, body) VALUES ($1, $2, $3, $4, $5)', [streamId, e.seq, e.type, e.at, JSON.stringify(e)]);
      }
      // Delivered to listeners only when (and if) the transaction commits.
      await client.query('SELECT pg_notify($1, $2)', [APPENDED_CHANNEL, streamId]);
      await client.query('COMMIT');
      return numbered;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new SeqConflictError(streamId, expectedSeq);
      throw error;
    } finally {
      client.release();
    }
  }

  async read(streamId: string, afterSeq = 0): Promise<CeremonyEvent[]> {
    const rows = await this.pool.query<{ body: CeremonyEvent }>('SELECT body FROM podium_events WHERE stream_id = $1 AND seq > $2 ORDER BY seq', [streamId, afterSeq]);
    return rows.rows.map((r) => r.body);
  }

  async lastSeq(streamId: string): Promise<number> {
    const last = await this.pool.query<{ seq: number }>('SELECT COALESCE(MAX(seq), 0)::int AS seq FROM podium_events WHERE stream_id = $1', [streamId]);
    return last.rows[0]!.seq;
  }

  async close(): Promise<void> {}
}

class PostgresCeremonyStore implements CeremonyStore {
  constructor(private readonly pool: pg.Pool) {}

  async list(): Promise<CeremonyDefinition[]> {
    return (await this.pool.query<{ definition: CeremonyDefinition }>('SELECT definition FROM podium_ceremonies ORDER BY added')).rows.map((r) => r.definition);
  }

  async get(id: string): Promise<DefinitionVersion | null> {
    const rows = await this.pool.query<DefinitionVersion>(
      'SELECT version, hash, definition FROM podium_ceremony_versions WHERE ceremony_id = $1 ORDER BY version DESC LIMIT 1',
      [id],
    );
    return rows.rows[0] ?? (await this.unversioned(id));
  }

  async version(id: string, version: number): Promise<DefinitionVersion | null> {
    const rows = await this.pool.query<DefinitionVersion>('SELECT version, hash, definition FROM podium_ceremony_versions WHERE ceremony_id = $1 AND version = $2', [id, version]);
    return rows.rows[0] ?? (version === 1 ? await this.unversioned(id) : null);
  }

  async put(definition: CeremonyDefinition): Promise<DefinitionVersion> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // One writer of a ceremony's versions at a time, across processes.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`podium_versions:${definition.id}`]);
      await this.unversioned(definition.id, client);
      const last = await client.query<{ version: number }>('SELECT COALESCE(MAX(version), 0)::int AS version FROM podium_ceremony_versions WHERE ceremony_id = $1', [definition.id]);
      const kept = { version: last.rows[0]!.version + 1, hash: definitionHash(definition), definition };
      const json = JSON.stringify(definition);
      await client.query('INSERT INTO podium_ceremony_versions (ceremony_id, version, hash, definition) VALUES ($1, $2, $3, $4)', [definition.id, kept.version, kept.hash, json]);
      await client.query('INSERT INTO podium_ceremonies (id, definition) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET definition = EXCLUDED.definition', [definition.id, json]);
      await client.query('COMMIT');
      return kept;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** A definition kept before versions were: it becomes version 1. */
  private async unversioned(id: string, client: pg.Pool | pg.PoolClient = this.pool): Promise<DefinitionVersion | null> {
    const row = (await client.query<{ definition: CeremonyDefinition }>('SELECT definition FROM podium_ceremonies WHERE id = $1', [id])).rows[0];
    if (!row) return null;
    const kept = { version: 1, hash: definitionHash(row.definition), definition: row.definition };
    await client.query('INSERT INTO podium_ceremony_versions (ceremony_id, version, hash, definition) VALUES ($1, 1, $2, $3) ON CONFLICT DO NOTHING', [id, kept.hash, JSON.stringify(row.definition)]);
    return kept;
  }
}

class PostgresSessionStore implements SessionStore {
  constructor(private readonly pool: pg.Pool) {}

  async revoke({ sessionId, expiresAt }: Revocation, now: number): Promise<void> {
    await this.pool.query('DELETE FROM podium_revoked_sessions WHERE expires_at < $1', [now]);
    await this.pool.query('INSERT INTO podium_revoked_sessions (session_id, expires_at) VALUES ($1, $2) ON CONFLICT (session_id) DO NOTHING', [sessionId, expiresAt]);
  }

  async revoked(now: number): Promise<Revocation[]> {
    const rows = await this.pool.query<{ session_id: string; expires_at: string }>('SELECT session_id, expires_at FROM podium_revoked_sessions WHERE expires_at >= $1', [now]);
    return rows.rows.map((r) => ({ sessionId: r.session_id, expiresAt: Number(r.expires_at) }));
  }
}
