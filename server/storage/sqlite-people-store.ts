import Database from 'better-sqlite3';
import type { CrewRole } from '../../shared/crew';
import { personNameKey } from '../../shared/person-name';
import { leavesAProducer, type AcceptOutcome, type ApiToken, type ChangeOutcome, type CrewSession, type Invitation, type PeopleStore, type Person, type PersonChange } from './people-store';

class NameTaken extends Error {}

const schema = `
CREATE TABLE IF NOT EXISTS people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT,
  disabled_at INTEGER
);
CREATE TABLE IF NOT EXISTS invitations (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  name TEXT,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  used_by TEXT
);
CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  ceremony_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE IF NOT EXISTS crew_sessions (
  session_id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  device TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  ended_at INTEGER
);
`;

interface PersonRow {
  id: string;
  name: string;
  role: string;
  secret_hash: string;
  created_at: number;
  created_by: string | null;
  disabled_at: number | null;
}
interface InvitationRow {
  id: string;
  token_hash: string;
  role: string;
  name: string | null;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
}
interface TokenRow {
  id: string;
  name: string;
  role: string;
  ceremony_id: string;
  created_by: string;
  created_by_name: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}
interface SessionRow {
  session_id: string;
  person_id: string;
  name: string;
  role: string;
  device: string;
  started_at: number;
  expires_at: number;
  ended_at: number | null;
}

const personOf = (r: PersonRow): Person => ({ id: r.id, name: r.name, role: r.role as CrewRole, secretHash: r.secret_hash, createdAt: r.created_at, createdBy: r.created_by, disabledAt: r.disabled_at });
const invitationOf = (r: InvitationRow): Invitation => ({
  id: r.id,
  tokenHash: r.token_hash,
  role: r.role as CrewRole,
  name: r.name,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  usedBy: r.used_by,
});
const tokenOf = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  role: r.role as CrewRole,
  ceremonyId: r.ceremony_id,
  createdBy: { personId: r.created_by, name: r.created_by_name },
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});
const sessionOf = (r: SessionRow): CrewSession => ({
  sessionId: r.session_id,
  personId: r.person_id,
  name: r.name,
  role: r.role as CrewRole,
  device: r.device,
  startedAt: r.started_at,
  expiresAt: r.expires_at,
  endedAt: r.ended_at,
});

/** The crew in the SQLite file (see PeopleStore). Writes are IMMEDIATE transactions: atomic across processes. */
export class SqlitePeopleStore implements PeopleStore {
  constructor(private readonly db: Database.Database) {
    db.exec(schema);
  }

  async countPeople() {
    return this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM people').get()!.n;
  }

  async addPerson(person: Person) {
    return this.insertPerson(person);
  }

  async person(id: string) {
    const row = this.db.prepare<[string], PersonRow>('SELECT * FROM people WHERE id = ?').get(id);
    return row ? personOf(row) : null;
  }

  async personByName(name: string) {
    const row = this.db.prepare<[string], PersonRow>('SELECT * FROM people WHERE name_key = ?').get(personNameKey(name));
    return row ? personOf(row) : null;
  }

  async people() {
    return this.db.prepare<[], PersonRow>('SELECT * FROM people ORDER BY created_at, rowid').all().map(personOf);
  }

  async setSecretHash(id: string, secretHash: string, expected: string) {
    return this.db.prepare('UPDATE people SET secret_hash = ? WHERE id = ? AND secret_hash = ?').run(secretHash, id, expected).changes > 0;
  }

  async changePerson(id: string, change: PersonChange): Promise<ChangeOutcome> {
    return this.db
      .transaction((): ChangeOutcome => {
        const everyone = this.db.prepare<[], PersonRow>('SELECT * FROM people').all().map(personOf);
        const before = everyone.find((p) => p.id === id);
        if (!before) return { ok: false, reason: 'unknown' };
        if (!leavesAProducer(everyone, id, change)) return { ok: false, reason: 'last_producer' };
        const after = { ...before, ...change };
        this.db.prepare('UPDATE people SET role = ?, disabled_at = ? WHERE id = ?').run(after.role, after.disabledAt, id);
        return { ok: true, before, after };
      })
      .immediate();
  }

  async addInvitation(i: Invitation) {
    this.db
      .prepare('INSERT INTO invitations (id, token_hash, role, name, created_by, created_at, expires_at, used_at, used_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(i.id, i.tokenHash, i.role, i.name, i.createdBy, i.createdAt, i.expiresAt, i.usedAt, i.usedBy);
  }

  async openInvitation(tokenHash: string, now: number) {
    const row = this.db.prepare<[string, number], InvitationRow>('SELECT * FROM invitations WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?').get(tokenHash, now);
    return row ? invitationOf(row) : null;
  }

  async openInvitations(now: number) {
    return this.db.prepare<[number], InvitationRow>('SELECT * FROM invitations WHERE used_at IS NULL AND expires_at > ? ORDER BY created_at, rowid').all(now).map(invitationOf);
  }

  async deleteInvitation(id: string) {
    return this.db.prepare('DELETE FROM invitations WHERE id = ?').run(id).changes > 0;
  }

  async acceptInvitation(tokenHash: string, person: Omit<Person, 'role'>, now: number): Promise<AcceptOutcome> {
    const consume = this.db.transaction((): AcceptOutcome => {
      const row = this.db
        .prepare<[number, string, string, number], InvitationRow>('UPDATE invitations SET used_at = ?, used_by = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING *')
        .get(now, person.id, tokenHash, now);
      if (!row) return { ok: false, reason: 'invitation_invalid' };
      const added: Person = { ...person, role: row.role as CrewRole };
      // Thrown, so that the transaction rolls the use of the invitation back.
      if (!this.insertPerson(added)) throw new NameTaken();
      return { ok: true, person: added };
    });
    try {
      return consume.immediate();
    } catch (error) {
      if (error instanceof NameTaken) return { ok: false, reason: 'name_taken' };
      throw error;
    }
  }

  async addToken(t: ApiToken) {
    this.db
      .prepare('INSERT INTO api_tokens (id, name, role, ceremony_id, created_by, created_by_name, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(t.id, t.name, t.role, t.ceremonyId, t.createdBy.personId, t.createdBy.name, t.createdAt, t.expiresAt, t.revokedAt);
  }

  async tokens(now: number) {
    return this.db.prepare<[number], TokenRow>('SELECT * FROM api_tokens WHERE revoked_at IS NULL AND expires_at > ? ORDER BY created_at, rowid').all(now).map(tokenOf);
  }

  async revokeToken(id: string, now: number) {
    const row = this.db.prepare<[number, string, number], TokenRow>('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL AND expires_at > ? RETURNING *').get(now, id, now);
    return row ? tokenOf(row) : null;
  }

  async revokeTokensBy(personId: string, now: number) {
    return this.db
      .prepare<[number, string, number], TokenRow>('UPDATE api_tokens SET revoked_at = ? WHERE created_by = ? AND revoked_at IS NULL AND expires_at > ? RETURNING *')
      .all(now, personId, now)
      .map(tokenOf);
  }

  async addSession(s: CrewSession) {
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM crew_sessions WHERE expires_at <= ?').run(s.startedAt);
        this.db
          .prepare('INSERT INTO crew_sessions (session_id, person_id, name, role, device, started_at, expires_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(s.sessionId, s.personId, s.name, s.role, s.device, s.startedAt, s.expiresAt, s.endedAt);
      })
      .immediate();
  }

  async sessions(now: number) {
    return this.db.prepare<[number], SessionRow>('SELECT * FROM crew_sessions WHERE ended_at IS NULL AND expires_at > ? ORDER BY started_at, rowid').all(now).map(sessionOf);
  }

  async endSession(sessionId: string, now: number) {
    const row = this.db
      .prepare<[number, string, number], SessionRow>('UPDATE crew_sessions SET ended_at = ? WHERE session_id = ? AND ended_at IS NULL AND expires_at > ? RETURNING *')
      .get(now, sessionId, now);
    return row ? sessionOf(row) : null;
  }

  async endSessionsOf(personId: string, now: number) {
    return this.db
      .prepare<[number, string, number], SessionRow>('UPDATE crew_sessions SET ended_at = ? WHERE person_id = ? AND ended_at IS NULL AND expires_at > ? RETURNING *')
      .all(now, personId, now)
      .map(sessionOf);
  }

  private insertPerson(p: Person): boolean {
    const result = this.db
      .prepare('INSERT INTO people (id, name, name_key, role, secret_hash, created_at, created_by, disabled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(p.id, p.name, personNameKey(p.name), p.role, p.secretHash, p.createdAt, p.createdBy, p.disabledAt);
    return result.changes > 0;
  }
}

