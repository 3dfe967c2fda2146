import type pg from 'pg';
import type { CrewRole } from '../../shared/crew';
import { personNameKey } from '../../shared/person-name';
import { leavesAProducer, type AcceptOutcome, type ApiToken, type ChangeOutcome, type CrewSession, type Invitation, type PeopleStore, type Person, type PersonChange } from './people-store';

const schema = `
CREATE TABLE IF NOT EXISTS podium_people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  created_by TEXT,
  disabled_at BIGINT,
  added BIGSERIAL
);
CREATE TABLE IF NOT EXISTS podium_invitations (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  name TEXT,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  used_by TEXT
);
CREATE TABLE IF NOT EXISTS podium_api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  ceremony_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE TABLE IF NOT EXISTS podium_crew_sessions (
  session_id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  device TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  ended_at BIGINT
);
`;
/** Serializes creating the tables (several processes may start at once). */
const SCHEMA_LOCK = 7_104_202_9;
/** Serializes changes of roles and disables: the "last producer" check holds across processes. */
const PEOPLE_LOCK = 7_104_203_0;

/** pg returns BIGINT as a string. */
const num = (v: string | number | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

type Row = Record<string, string | number | null>;
const personOf = (r: Row): Person => ({
  id: r.id as string,
  name: r.name as string,
  role: r.role as CrewRole,
  secretHash: r.secret_hash as string,
  createdAt: num(r.created_at)!,
  createdBy: r.created_by as string | null,
  disabledAt: num(r.disabled_at),
});
const invitationOf = (r: Row): Invitation => ({
  id: r.id as string,
  tokenHash: r.token_hash as string,
  role: r.role as CrewRole,
  name: r.name as string | null,
  createdBy: r.created_by as string,
  createdAt: num(r.created_at)!,
  expiresAt: num(r.expires_at)!,
  usedAt: num(r.used_at),
  usedBy: r.used_by as string | null,
});
const tokenOf = (r: Row): ApiToken => ({
  id: r.id as string,
  name: r.name as string,
  role: r.role as CrewRole,
  ceremonyId: r.ceremony_id as string,
  createdBy: { personId: r.created_by as string, name: r.created_by_name as string },
  createdAt: num(r.created_at)!,
  expiresAt: num(r.expires_at)!,
  revokedAt: num(r.revoked_at),
});
const sessionOf = (r: Row): CrewSession => ({
  sessionId: r.session_id as string,
  personId: r.person_id as string,
  name: r.name as string,
  role: r.role as CrewRole,
  device: r.device as string,
  startedAt: num(r.started_at)!,
  expiresAt: num(r.expires_at)!,
  endedAt: num(r.ended_at),
});

/** The crew in PostgreSQL, shared by every process (see PeopleStore). */
export class PostgresPeopleStore implements PeopleStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async start(pool: pg.Pool): Promise<PostgresPeopleStore> {
    await pool.query(`BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK}); ${schema} COMMIT;`);
    return new PostgresPeopleStore(pool);
  }

  async countPeople() {
    return Number((await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM podium_people')).rows[0]!.n);
  }

  async addPerson(person: Person) {
    return this.insertPerson(this.pool, person);
  }

  async person(id: string) {
    const row = (await this.pool.query<Row>('SELECT * FROM podium_people WHERE id = $1', [id])).rows[0];
    return row ? personOf(row) : null;
  }

  async personByName(name: string) {
    const row = (await this.pool.query<Row>('SELECT * FROM podium_people WHERE name_key = $1', [personNameKey(name)])).rows[0];
    return row ? personOf(row) : null;
  }

  async people() {
    return (await this.pool.query<Row>('SELECT * FROM podium_people ORDER BY added')).rows.map(personOf);
  }

  async setSecretHash(id: string, secretHash: string, expected: string) {
    return ((await this.pool.query('UPDATE podium_people SET secret_hash = $1 WHERE id = $2 AND secret_hash = $3', [secretHash, id, expected])).rowCount ?? 0) > 0;
  }

  async changePerson(id: string, change: PersonChange): Promise<ChangeOutcome> {
    return this.inTransaction(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${PEOPLE_LOCK})`);
      const everyone = (await client.query<Row>('SELECT * FROM podium_people')).rows.map(personOf);
      const before = everyone.find((p) => p.id === id);
      if (!before) return { ok: false, reason: 'unknown' };
      if (!leavesAProducer(everyone, id, change)) return { ok: false, reason: 'last_producer' };
      const after = { ...before, ...change };
      await client.query('UPDATE podium_people SET role = $1, disabled_at = $2 WHERE id = $3', [after.role, after.disabledAt, id]);
      return { ok: true, before, after };
    });
  }

  async addInvitation(i: Invitation) {
    await this.pool.query(
      'INSERT INTO podium_invitations (id, token_hash, role, name, created_by, created_at, expires_at, used_at, used_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [i.id, i.tokenHash, i.role, i.name, i.createdBy, i.createdAt, i.expiresAt, i.usedAt, i.usedBy],
    );
  }

  async openInvitation(tokenHash: string, now: number) {
    const row = (await this.pool.query<Row>('SELECT * FROM podium_invitations WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2', [tokenHash, now])).rows[0];
    return row ? invitationOf(row) : null;
  }

  async openInvitations(now: number) {
    return (await this.pool.query<Row>('SELECT * FROM podium_invitations WHERE used_at IS NULL AND expires_at > $1 ORDER BY created_at, id', [now])).rows.map(invitationOf);
  }

  async deleteInvitation(id: string) {
    return ((await this.pool.query('DELETE FROM podium_invitations WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async acceptInvitation(tokenHash: string, person: Omit<Person, 'role'>, now: number): Promise<AcceptOutcome> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // The row lock: a parallel accept waits here, then finds the invitation used.
      const row = (
        await client.query<Row>('UPDATE podium_invitations SET used_at = $1, used_by = $2 WHERE token_hash = $3 AND used_at IS NULL AND expires_at > $1 RETURNING *', [now, person.id, tokenHash])
      ).rows[0];
      if (!row) {
        await client.query('ROLLBACK');
        return { ok: false, reason: 'invitation_invalid' };
      }
      const added: Person = { ...person, role: row.role as CrewRole };
      if (!(await this.insertPerson(client, added))) {
        await client.query('ROLLBACK');
        return { ok: false, reason: 'name_taken' };
      }
      await client.query('COMMIT');
      return { ok: true, person: added };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async addToken(t: ApiToken) {
    await this.pool.query(
      'INSERT INTO podium_api_tokens (id, name, role, ceremony_id, created_by, created_by_name, created_at, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [t.id, t.name, t.role, t.ceremonyId, t.createdBy.personId, t.createdBy.name, t.createdAt, t.expiresAt, t.revokedAt],
    );
  }

  async tokens(now: number) {
    return (await this.pool.query<Row>('SELECT * FROM podium_api_tokens WHERE revoked_at IS NULL AND expires_at > $1 ORDER BY created_at, id', [now])).rows.map(tokenOf);
  }

  async revokeToken(id: string, now: number) {
    const row = (await this.pool.query<Row>('UPDATE podium_api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL AND expires_at > $1 RETURNING *', [now, id])).rows[0];
    return row ? tokenOf(row) : null;
  }

  async revokeTokensBy(personId: string, now: number) {
    return (await this.pool.query<Row>('UPDATE podium_api_tokens SET revoked_at = $1 WHERE created_by = $2 AND revoked_at IS NULL AND expires_at > $1 RETURNING *', [now, personId])).rows.map(tokenOf);
  }

  async addSession(s: CrewSession) {
    await this.pool.query('DELETE FROM podium_crew_sessions WHERE expires_at <= $1', [s.startedAt]);
    await this.pool.query(
      'INSERT INTO podium_crew_sessions (session_id, person_id, name, role, device, started_at, expires_at, ended_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [s.sessionId, s.personId, s.name, s.role, s.device, s.startedAt, s.expiresAt, s.endedAt],
    );
  }

  async sessions(now: number) {
    return (await this.pool.query<Row>('SELECT * FROM podium_crew_sessions WHERE ended_at IS NULL AND expires_at > $1 ORDER BY started_at, session_id', [now])).rows.map(sessionOf);
  }

  async endSession(sessionId: string, now: number) {
    const row = (await this.pool.query<Row>('UPDATE podium_crew_sessions SET ended_at = $1 WHERE session_id = $2 AND ended_at IS NULL AND expires_at > $1 RETURNING *', [now, sessionId])).rows[0];
    return row ? sessionOf(row) : null;
  }

  async endSessionsOf(personId: string, now: number) {
    return (await this.pool.query<Row>('UPDATE podium_crew_sessions SET ended_at = $1 WHERE person_id = $2 AND ended_at IS NULL AND expires_at > $1 RETURNING *', [now, personId])).rows.map(sessionOf);
  }

  private async insertPerson(client: pg.Pool | pg.PoolClient, p: Person): Promise<boolean> {
    const result = await client.query(
      'INSERT INTO podium_people (id, name, name_key, role, secret_hash, created_at, created_by, disabled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING',
      [p.id, p.name, personNameKey(p.name), p.role, p.secretHash, p.createdAt, p.createdBy, p.disabledAt],
    );
    return (result.rowCount ?? 0) > 0;
  }

  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
