import { createHash, randomBytes } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { RolePermissions, type CrewRole } from '../../shared/crew';
import { ErrorCodes, podiumError } from '../../shared/errors';
import { cleanPersonName, PERSON_NAME_MAX, SECRET_MAX, SECRET_MIN } from '../../shared/person-name';
import { clearedSessionCookie, sessionCookie, tokenFromHeaders, type OperatorAuth } from '../access/auth';
import { hashSecret, type CrewSignIn } from '../access/crew-sign-in';
import { deviceName } from '../access/device-name';
import type { LoginLimit } from '../access/login-limit';
import type { Logger } from '../logger';
import type { PeopleStore, Person } from '../storage/people-store';
import { crewAccess } from './http-access';
import { jsonBody } from './http-boundary';
import { sendError } from './http-errors';

export interface SessionApiOptions {
  auth: OperatorAuth;
  signIn: CrewSignIn;
  people: PeopleStore;
  logger: Logger;
  loginLimit: LoginLimit;
  now: () => number;
}

/** Who is signed in, as every sign-in answers it. */
export interface SignedInPerson {
  personId: string;
  name: string;
  role: CrewRole;
}

/** An invitation token: 32 random bytes, base64url. */
export const INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const invitationTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const newInvitationToken = () => randomBytes(32).toString('base64url');

const invitationInvalid = () => podiumError(ErrorCodes.invitationInvalid, 'This invitation link has been used, has expired or does not exist: ask a producer for a new one.');
const wrongSignIn = () => podiumError(ErrorCodes.unauthorized, 'Wrong name or secret (or passcode).');

/**
 * Signing in and out (a person by name and secret, the first producer by the passcode) and
 * joining the crew by an invitation link (docs/api.md, S29).
 */
export function createSessionApi(options: SessionApiOptions): express.Router {
  const { auth, people, logger } = options;
  const api = express.Router();
  // Small bodies, and only on these routes: the others take theirs (up to 1 MB) further on.
  api.use(['/session', '/invitations'], jsonBody('16kb'));
  const { principalOf } = crewAccess(auth, options.now);

  /** A new session of `person`: its token (also the cookie) and its row in the list of who is signed in. */
  const startSession = async (req: Request, res: Response, person: Person) => {
    const now = options.now();
    const me: SignedInPerson = { personId: person.id, name: person.name, role: person.role };
    const { token, principal } = auth.issueToken(now, me);
    await people.addSession({ sessionId: principal.sessionId, ...me, device: deviceName(req.get('user-agent')), startedAt: now, expiresAt: principal.exp, endedAt: null });
    // A role change or a disable that ended this person's sessions while this one was being made: this one ends too.
    const after = await people.person(person.id);
    if (!after || after.role !== person.role || after.disabledAt !== null) {
      await people.endSession(principal.sessionId, now);
      await auth.revokeSession(principal);
      return sendError(res, wrongSignIn());
    }
    res.set('Set-Cookie', sessionCookie(token, req.secure));
    logger.info({ personId: person.id, role: person.role }, 'signed in');
    res.json({ token, person: me });
  };

  api.post('/session', async (req, res) => {
    // req.ip: the client's address as TRUST_PROXY lets Express read it (the proxy's own without it).
    const ip = req.ip ?? 'unknown';
    // Counted before the check: parallel guesses cannot all pass before the first one counts.
    const waitSeconds = await options.loginLimit.attempt(ip);
    if (waitSeconds !== null) {
      logger.warn({ ip }, 'sign-in rate-limited');
      res.set('Retry-After', String(waitSeconds));
      return sendError(res, podiumError(ErrorCodes.rateLimited, `Too many wrong sign-ins from this address; try again in ${waitSeconds} s.`));
    }
    const body = (req.body ?? {}) as { passcode?: unknown; name?: unknown; secret?: unknown };
    const outcome = body.passcode !== undefined ? await options.signIn.byPasscode(body.passcode) : await options.signIn.byName(body.name, body.secret);
    if (!outcome.ok) {
      logger.warn({ ip, reason: outcome.reason }, 'sign-in refused');
      if (outcome.reason === 'disabled') return sendError(res, podiumError(ErrorCodes.unauthorized, 'A producer has disabled this person: ask them to enable you again.'));
      return sendError(res, wrongSignIn());
    }
    await options.loginLimit.succeeded(ip);
    await startSession(req, res, outcome.person);
  });

  api.get('/session', (req, res) => {
    const principal = principalOf(req);
    res.set('Cache-Control', 'no-store');
    if (!principal) return res.json({ authenticated: false });
    res.json({
      authenticated: true,
      person: { personId: principal.personId, name: principal.name, role: principal.role },
      sessionId: principal.sessionId,
      capabilities: RolePermissions[principal.role],
      ...(principal.token ? { token: principal.token } : {}),
      ...(principal.ceremonyId ? { ceremonyId: principal.ceremonyId } : {}),
    });
  });

  api.delete('/session', async (req, res) => {
    const token = tokenFromHeaders(req.headers);
    const now = options.now();
    const principal = auth.principal(token, now);
    if (principal) await people.endSession(principal.sessionId, now);
    // Kept durably before the answer: every process refuses the session, and cuts its consoles off.
    await auth.revokeToken(token, now);
    res.set('Set-Cookie', clearedSessionCookie()).json({ ok: true });
  });

  /** What the join page shows before the invited person chooses a name and a secret. */
  api.get('/invitations/:token', async (req, res) => {
    const token = String(req.params.token);
    const invitation = INVITATION_TOKEN.test(token) ? await people.openInvitation(invitationTokenHash(token), options.now()) : null;
    res.set('Cache-Control', 'no-store');
    if (!invitation) return sendError(res, invitationInvalid());
    res.json({ role: invitation.role, ...(invitation.name ? { name: invitation.name } : {}), expiresAt: invitation.expiresAt });
  });

  /** Joins the crew: makes the person, uses the invitation up and signs them in (the answer of POST /api/session). */
  api.post('/invitations/:token', async (req, res) => {
    const token = String(req.params.token);
    const body = (req.body ?? {}) as { name?: unknown; secret?: unknown };
    const tokenHash = INVITATION_TOKEN.test(token) ? invitationTokenHash(token) : null;
    if (!tokenHash || !(await people.openInvitation(tokenHash, options.now()))) return sendError(res, invitationInvalid());
    const name = cleanPersonName(body.name);
    if (!name) return sendError(res, podiumError(ErrorCodes.invalidName, `Choose a name of 1 to ${PERSON_NAME_MAX} characters.`));
    if (typeof body.secret !== 'string' || body.secret.length < SECRET_MIN || body.secret.length > SECRET_MAX) {
      return sendError(res, podiumError(ErrorCodes.weakSecret, `Choose a secret of at least ${SECRET_MIN} characters (at most ${SECRET_MAX}).`));
    }
    const nameTaken = () => podiumError(ErrorCodes.nameTaken, `Someone of the crew is already called "${name}": choose another name.`);
    // Before the slow hash: the usual mistake answered at once (the accept below checks again).
    if (await people.personByName(name)) return sendError(res, nameTaken());
    const secretHash = await hashSecret(body.secret);
    const id = `person-${randomBytes(9).toString('base64url')}`;
    const invitedBy = (await people.openInvitation(tokenHash, options.now()))?.createdBy ?? null;
    const accepted = await people.acceptInvitation(tokenHash, { id, name, secretHash, createdAt: options.now(), createdBy: invitedBy, disabledAt: null }, options.now());
    if (!accepted.ok) return sendError(res, accepted.reason === 'name_taken' ? nameTaken() : invitationInvalid());
    logger.info({ personId: id, role: accepted.person.role }, 'joined the crew');
    await startSession(req, res, accepted.person);
  });

  return api;
}
