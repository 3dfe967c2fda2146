import type { CrewRole } from '../../shared/crew';
import { personNameKey } from '../../shared/person-name';

/** A named person of the crew. Their secret is kept as an argon2id hash only. */
export interface Person {
  id: string;
  name: string;
  role: CrewRole;
  /** argon2id (PHC string); empty for the first producer while OPERATOR_PASSCODE is their secret. */
  secretHash: string;
  createdAt: number;
  /** The person who invited them; null for the first producer. */
  createdBy: string | null;
  disabledAt: number | null;
}

/** A one-time link to join the crew with a role. Only the sha256 of its token is kept. */
export interface Invitation {
  id: string;
  tokenHash: string;
  role: CrewRole;
  /** The name suggested to the invited person (they may choose another). */
  name: string | null;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  usedBy: string | null;
}

/** An API token for automation: named, with a role, for one ceremony. The token itself is never kept. */
export interface ApiToken {
  /** Also the session id of the token: revoking it revokes that session. */
  id: string;
  name: string;
  role: CrewRole;
  ceremonyId: string;
  createdBy: { personId: string; name: string };
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

/** A sign-in of a person: who, with which role, on which device, since when. */
export interface CrewSession {
  sessionId: string;
  personId: string;
  name: string;
  role: CrewRole;
  /** Shortened from the User-Agent, e.g. "Chrome on Android". */
  device: string;
  startedAt: number;
  expiresAt: number;
  endedAt: number | null;
}

export type PersonChange = { role?: CrewRole; disabledAt?: number | null };
export type ChangeOutcome = { ok: true; before: Person; after: Person } | { ok: false; reason: 'unknown' | 'last_producer' };
export type AcceptOutcome = { ok: true; person: Person } | { ok: false; reason: 'invitation_invalid' | 'name_taken' };

/**
 * The crew, kept durably and shared by every process: people, invitations, API tokens and
 * sign-ins. Names are unique as `personNameKey` compares them. Consuming an invitation and
 * changing the last producer are atomic, for every process on the same storage.
 */
export interface PeopleStore {
  countPeople(): Promise<number>;
  /** False (and nothing changes) when the id or the name is taken. */
  addPerson(person: Person): Promise<boolean>;
  person(id: string): Promise<Person | null>;
  personByName(name: string): Promise<Person | null>;
  /** Everyone, in the order they joined. */
  people(): Promise<Person[]>;
  /** Sets a secret hash when it is still `expected` (compare and set: of two processes, one wins). */
  setSecretHash(id: string, secretHash: string, expected: string): Promise<boolean>;
  /** A new role or a disable (or enable). Refused when it leaves no enabled producer. */
  changePerson(id: string, change: PersonChange): Promise<ChangeOutcome>;

  addInvitation(invitation: Invitation): Promise<void>;
  /** The invitation of that token hash when it is neither used nor expired. */
  openInvitation(tokenHash: string, now: number): Promise<Invitation | null>;
  openInvitations(now: number): Promise<Invitation[]>;
  deleteInvitation(id: string): Promise<boolean>;
  /**
   * Consumes the invitation and adds the person with its role, in one step: of two accepts of
   * one invitation, one wins. Nothing changes when it is used, expired or unknown, or the name is taken.
   */
  acceptInvitation(tokenHash: string, person: Omit<Person, 'role'>, now: number): Promise<AcceptOutcome>;

  addToken(token: ApiToken): Promise<void>;
  /** Those neither revoked nor expired. */
  tokens(now: number): Promise<ApiToken[]>;
  /** Revokes a live token; null when there is none of that id. */
  revokeToken(id: string, now: number): Promise<ApiToken | null>;
  /** Revokes every live token a person made. */
  revokeTokensBy(personId: string, now: number): Promise<ApiToken[]>;

  addSession(session: CrewSession): Promise<void>;
  /** The sign-ins neither ended nor expired, oldest first. */
  sessions(now: number): Promise<CrewSession[]>;
  endSession(sessionId: string, now: number): Promise<CrewSession | null>;
  /** Ends every live sign-in of a person. */
  endSessionsOf(personId: string, now: number): Promise<CrewSession[]>;
}

/** Whether a change leaves at least one enabled producer among `people` (the whole crew). */
export function leavesAProducer(people: readonly Person[], id: string, change: PersonChange): boolean {
  return people.some((p) => {
    const after = p.id === id ? { ...p, ...change } : p;
    return after.role === 'producer' && after.disabledAt === null;
  });
}

const live = (s: { expiresAt: number }, now: number) => s.expiresAt > now;

/** The crew in memory: the same contract, for tests of the layers above. */
export class MemoryPeopleStore implements PeopleStore {
  private readonly byId = new Map<string, Person>();
  private readonly invitations = new Map<string, Invitation>();
  private readonly apiTokens = new Map<string, ApiToken>();
  private readonly signIns = new Map<string, CrewSession>();

  async countPeople() {
    return this.byId.size;
  }
  async addPerson(person: Person) {
    return this.insert(person);
  }
  async person(id: string) {
    const p = this.byId.get(id);
    return p ? { ...p } : null;
  }
  async personByName(name: string) {
    const p = this.named(name);
    return p ? { ...p } : null;
  }
  async people() {
    return [...this.byId.values()].map((p) => ({ ...p }));
  }
  async setSecretHash(id: string, secretHash: string, expected: string) {
    const p = this.byId.get(id);
    if (!p || p.secretHash !== expected) return false;
    p.secretHash = secretHash;
    return true;
  }
  async changePerson(id: string, change: PersonChange): Promise<ChangeOutcome> {
    const before = this.byId.get(id);
    if (!before) return { ok: false, reason: 'unknown' };
    if (!leavesAProducer([...this.byId.values()], id, change)) return { ok: false, reason: 'last_producer' };
    const after = { ...before, ...change };
    this.byId.set(id, after);
    return { ok: true, before: { ...before }, after: { ...after } };
  }

  async addInvitation(invitation: Invitation) {
    this.invitations.set(invitation.id, { ...invitation });
  }
  async openInvitation(tokenHash: string, now: number) {
    const i = [...this.invitations.values()].find((x) => x.tokenHash === tokenHash && x.usedAt === null && live(x, now));
    return i ? { ...i } : null;
  }
  async openInvitations(now: number) {
    return [...this.invitations.values()].filter((x) => x.usedAt === null && live(x, now)).map((x) => ({ ...x }));
  }
  async deleteInvitation(id: string) {
    return this.invitations.delete(id);
  }
  async acceptInvitation(tokenHash: string, person: Omit<Person, 'role'>, now: number): Promise<AcceptOutcome> {
    const invitation = [...this.invitations.values()].find((x) => x.tokenHash === tokenHash && x.usedAt === null && live(x, now));
    if (!invitation) return { ok: false, reason: 'invitation_invalid' };
    const added = { ...person, role: invitation.role };
    // No await between the check and the use: one step, as the durable stores' transactions.
    if (!this.insert(added)) return { ok: false, reason: 'name_taken' };
    invitation.usedAt = now;
    invitation.usedBy = person.id;
    return { ok: true, person: { ...added } };
  }

  async addToken(token: ApiToken) {
    this.apiTokens.set(token.id, structuredClone(token));
  }
  async tokens(now: number) {
    return [...this.apiTokens.values()].filter((t) => t.revokedAt === null && live(t, now)).map((t) => structuredClone(t));
  }
  async revokeToken(id: string, now: number) {
    const t = this.apiTokens.get(id);
    if (!t || t.revokedAt !== null || !live(t, now)) return null;
    t.revokedAt = now;
    return structuredClone(t);
  }
  async revokeTokensBy(personId: string, now: number) {
    const mine = (await this.tokens(now)).filter((t) => t.createdBy.personId === personId);
    for (const t of mine) await this.revokeToken(t.id, now);
    return mine;
  }

  async addSession(session: CrewSession) {
    for (const [id, s] of this.signIns) if (!live(s, session.startedAt)) this.signIns.delete(id);
    this.signIns.set(session.sessionId, { ...session });
  }
  async sessions(now: number) {
    return [...this.signIns.values()].filter((s) => s.endedAt === null && live(s, now)).map((s) => ({ ...s }));
  }
  async endSession(sessionId: string, now: number) {
    const s = this.signIns.get(sessionId);
    if (!s || s.endedAt !== null || !live(s, now)) return null;
    s.endedAt = now;
    return { ...s };
  }
  async endSessionsOf(personId: string, now: number) {
    const mine = (await this.sessions(now)).filter((s) => s.personId === personId);
    for (const s of mine) await this.endSession(s.sessionId, now);
    return mine;
  }

  private insert(person: Person): boolean {
    if (this.byId.has(person.id) || this.named(person.name)) return false;
    this.byId.set(person.id, { ...person });
    return true;
  }

  private named(name: string): Person | undefined {
    const key = personNameKey(name);
    return [...this.byId.values()].find((p) => personNameKey(p.name) === key);
  }
}
