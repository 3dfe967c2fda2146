import { createHmac, randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isCrewRole, type CrewRole, type Principal } from '../../shared/crew';
import type { RevokedSessions } from './revoked-sessions';

export const SESSION_COOKIE = 'podium_session';
const SESSION_HOURS = 24;

/** Compares two secrets in constant time, whatever their lengths. */
export function secretsEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

/** Reads a secret kept in dataDir, or makes one (mode 0600). Returns whether it was just made. */
function keptSecret(dataDir: string, name: string, make: () => string): { value: string; created: boolean } {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) {
    fs.chmodSync(file, 0o600); // one kept by an older version, world-readable
    return { value: fs.readFileSync(file, 'utf8').trim(), created: false };
  }
  const value = make();
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, `${value}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600); // the mode above is narrowed by the umask, never widened past it: set it exactly
  return { value, created: true };
}

/** Who a token is issued to: a person and their role, or an API token acting with a role. */
export interface TokenSubject {
  personId: string;
  name: string;
  role: CrewRole;
  /** An API token's name and ceremony scope. */
  token?: string;
  ceremonyId?: string;
}

/**
 * Tokens issued before people had names and roles (and those of `OPERATOR_PASSCODE`'s producer):
 * they act as the first producer.
 */
export const FIRST_PRODUCER_ID = 'producer-1';
export const LEGACY_SUBJECT: TokenSubject = { personId: FIRST_PRODUCER_ID, name: 'operator', role: 'producer' };

/**
 * Crew sessions: a sign-in buys a signed token (also set as an httpOnly cookie). Tokens are
 * HMAC-signed with a secret kept in dataDir, so a restart does not log the operator out. Each
 * names its session; a logout revokes that session durably, for every process (RevokedSessions).
 */
export class OperatorAuth {
  private readonly signingKey: string;

  /**
   * `sessionKey` (SESSION_KEY) signs sessions and link keys; without it one is kept in dataDir.
   * Several processes behind one proxy need the same key. The passcode and every person's secret
   * are checked by CrewSignIn (server/access/crew-sign-in.ts), against the people store.
   */
  constructor(
    dataDir: string,
    sessionKey: string | undefined,
    private readonly revoked: RevokedSessions,
  ) {
    this.signingKey = sessionKey ?? keptSecret(dataDir, 'session-key', () => randomBytes(32).toString('base64url')).value;
  }

  /**
   * A signed token for a new session of `subject` (a sign-in: SESSION_HOURS; an API token: as long
   * as `hours`). `sessionId` is what ending it revokes; made here unless given.
   */
  issueToken(now: number, subject: TokenSubject = LEGACY_SUBJECT, options: { sessionId?: string; hours?: number } = {}): { token: string; principal: Principal } {
    const principal: Principal = {
      sessionId: options.sessionId ?? randomBytes(12).toString('base64url'),
      personId: subject.personId,
      name: subject.name,
      role: subject.role,
      ...(subject.token ? { token: subject.token } : {}),
      ...(subject.ceremonyId ? { ceremonyId: subject.ceremonyId } : {}),
      exp: now + (options.hours ?? SESSION_HOURS) * 3600_000,
    };
    const claims = { sub: 'crew', sid: principal.sessionId, pid: principal.personId, name: principal.name, role: principal.role, tok: principal.token, cer: principal.ceremonyId, exp: principal.exp };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, principal };
  }

  /** Who a valid, unexpired, not revoked token acts as; null otherwise. */
  principal(token: unknown, now: number): Principal | null {
    const principal = this.claims(token, now);
    return principal && this.isLive(principal, now) ? principal : null;
  }

  /** Whether a session once admitted still holds: a check in memory, for every message and push. */
  isLive(session: Pick<Principal, 'sessionId' | 'exp'>, now: number): boolean {
    return session.exp >= now && !this.revoked.has(session.sessionId);
  }

  /** Logs a session out, for every process and across restarts (kept until it would have expired). */
  async revokeToken(token: unknown, now: number): Promise<void> {
    const claims = this.claims(token, now);
    if (claims) await this.revokeSession(claims);
  }

  /** Ends a session (or an API token) by its id, for every process, until it would have expired. */
  async revokeSession(session: Pick<Principal, 'sessionId' | 'exp'>): Promise<void> {
    await this.revoked.revoke({ sessionId: session.sessionId, expiresAt: session.exp });
  }

  /** Called with each session revoked from now on, by this process or another. */
  onRevoked(listener: (sessionId: string) => void): void {
    this.revoked.onRevoked(listener);
  }

  private claims(token: unknown, now: number): Principal | null {
    // Names of up to 60 characters (4 bytes each in UTF-8) and an API token's name and ceremony: well under 2 kB.
    if (typeof token !== 'string' || token.length > 2048) return null;
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return null;
    if (!secretsEqual(signature, this.sign(payload))) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      // Tokens issued before sessions had ids carry a nonce `n`: it names their session.
      const id = claims.sid ?? claims.n;
      if (typeof claims.exp !== 'number' || claims.exp < now || typeof id !== 'string') return null;
      // Before people and roles: the first producer's.
      if (claims.sub === 'operator') return { sessionId: id, ...LEGACY_SUBJECT, exp: claims.exp };
      if (claims.sub !== 'crew' || typeof claims.pid !== 'string' || typeof claims.name !== 'string' || !isCrewRole(claims.role)) return null;
      return {
        sessionId: id,
        personId: claims.pid,
        name: claims.name,
        role: claims.role,
        ...(typeof claims.tok === 'string' ? { token: claims.tok } : {}),
        ...(typeof claims.cer === 'string' ? { ceremonyId: claims.cer } : {}),
        exp: claims.exp,
      };
    } catch {
      return null;
    }
  }

  /** The key in an organization's delegate link: only the server can make one. */
  delegateKey(ceremonyId: string, organizationId: string): string {
    return this.sign(`delegate:${ceremonyId}:${organizationId}`).slice(0, 22);
  }

  verifyDelegateKey(ceremonyId: string, organizationId: string, key: string): boolean {
    return secretsEqual(key, this.delegateKey(ceremonyId, organizationId));
  }

  /**
   * The key in the screen links of a rehearsal, an imported run or a replay room: run ids are
   * easy to guess, so a screen of any run but the live one must bring its key.
   */
  runKey(ceremonyId: string, runId: string): string {
    return this.sign(`run:${ceremonyId}:${runId}`).slice(0, 22);
  }

  verifyRunKey(ceremonyId: string, runId: string, key: unknown): boolean {
    return typeof key === 'string' && secretsEqual(key, this.runKey(ceremonyId, runId));
  }

  /**
   * The key in a stage or overlay link (`?k=`): those screens are shown to the hall and counted in
   * the console's registry, so not anyone may claim to be one. The same for every run of a ceremony.
   */
  screenKey(ceremonyId: string, role: 'stage' | 'overlay'): string {
    return this.sign(`screen:${ceremonyId}:${role}`).slice(0, 22);
  }

  verifyScreenKey(ceremonyId: string, role: 'stage' | 'overlay', key: unknown): boolean {
    return typeof key === 'string' && secretsEqual(key, this.screenKey(ceremonyId, role));
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.signingKey).update(payload).digest('base64url');
  }
}

/** The token of a request: `Authorization: Bearer …` first, then the session cookie. */
export function tokenFromHeaders(headers: { authorization?: string | undefined; cookie?: string | undefined }): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (match) return match[1];
  return readCookie(headers.cookie, SESSION_COOKIE);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined; // malformed percent-encoding: no session, not a server error
    }
  }
  return undefined;
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_HOURS * 3600}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
}
