import { randomBytes } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import { allowed, CrewRoles } from '../../shared/crew';
import { ErrorCodes, podiumError } from '../../shared/errors';
import { cleanPersonName, PERSON_NAME_MAX } from '../../shared/person-name';
import type { OperatorAuth } from '../access/auth';
import type { Ceremonies } from '../live/ceremonies';
import type { Logger } from '../logger';
import type { PeopleStore, Person } from '../storage/people-store';
import { crewAccess, principalIn } from './http-access';
import { baseUrl } from './http-api';
import { jsonBody } from './http-boundary';
import { sendError } from './http-errors';
import { invitationTokenHash, newInvitationToken } from './session-api';

export interface CrewApiOptions {
  auth: OperatorAuth;
  people: PeopleStore;
  ceremonies: Ceremonies;
  logger: Logger;
  publicUrl: string | undefined;
  now: () => number;
}

export const INVITATION_HOURS = 24;
export const API_TOKEN_DAYS = 365;

const role = z.enum(CrewRoles);
const InvitationSchema = z.object({ role, name: z.string().max(400).optional() }).strict();
const PersonChangeSchema = z.object({ role: role.optional(), disabled: z.boolean().optional() }).strict();
const TokenSchema = z.object({ name: z.string().max(400), role, ceremonyId: z.string().min(1).max(200) }).strict();

const personView = (p: Person) => ({ personId: p.id, name: p.name, role: p.role, createdAt: p.createdAt, createdBy: p.createdBy, disabledAt: p.disabledAt });

/**
 * The crew: invitations, people and their roles, who is signed in, API tokens (docs/api.md, S29).
 * Everything but the list of who is signed in is a producer's (crew.manage), in person: an API
 * token may not manage the crew, whatever its role.
 */
export function createCrewApi(options: CrewApiOptions): express.Router {
  const { auth, people, logger } = options;
  const api = express.Router();
  // Small bodies, and only on these routes: the others take theirs (up to 1 MB) further on.
  api.use('/crew', jsonBody('16kb'));
  const { need } = crewAccess(auth, options.now);
  const inPerson = (_req: Request, res: Response, next: NextFunction) => {
    if (principalIn(res).token) return sendError(res, podiumError(ErrorCodes.forbidden, 'An API token may not manage the crew: sign in as a producer.'));
    next();
  };
  const manage = [need('crew.manage'), inPerson];

  /** Ends every sign-in and API token of a person, on every process (a role change, a disable). */
  const endEverythingOf = async (personId: string) => {
    const now = options.now();
    const sessions = await people.endSessionsOf(personId, now);
    const tokens = await people.revokeTokensBy(personId, now);
    for (const s of sessions) await auth.revokeSession({ sessionId: s.sessionId, exp: s.expiresAt });
    for (const t of tokens) await auth.revokeSession({ sessionId: t.id, exp: t.expiresAt });
    return { endedSessions: sessions.length, revokedTokens: tokens.length };
  };

  // ---- invitations ----

  api.post('/crew/invitations', ...manage, async (req, res) => {
    const parsed = InvitationSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, podiumError(ErrorCodes.invalidMessage, `Send {"role": one of ${CrewRoles.join(', ')}, "name"?: a suggested name}.`));
    const name = parsed.data.name === undefined || parsed.data.name.trim() === '' ? null : cleanPersonName(parsed.data.name);
    if (parsed.data.name !== undefined && parsed.data.name.trim() !== '' && !name) return sendError(res, podiumError(ErrorCodes.invalidName, `A name has 1 to ${PERSON_NAME_MAX} characters.`));
    const now = options.now();
    const token = newInvitationToken();
    const invitation = {
      id: `inv-${randomBytes(9).toString('base64url')}`,
      tokenHash: invitationTokenHash(token),
      role: parsed.data.role,
      name,
      createdBy: principalIn(res).personId,
      createdAt: now,
      expiresAt: now + INVITATION_HOURS * 3600_000,
      usedAt: null,
      usedBy: null,
    };
    await people.addInvitation(invitation);
    const link = `${baseUrl(req, options.publicUrl)}/join/${token}`;
    const svg = await QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    logger.info({ invitationId: invitation.id, role: invitation.role }, 'invitation made');
    res
      .status(201)
      .set('Cache-Control', 'no-store')
      .json({ id: invitation.id, link, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, role: invitation.role, ...(name ? { name } : {}), expiresAt: invitation.expiresAt });
  });

  api.get('/crew/invitations', ...manage, async (_req, res) => {
    const names = new Map((await people.people()).map((p) => [p.id, p.name]));
    const open = await people.openInvitations(options.now());
    res.set('Cache-Control', 'no-store').json(
      open.map((i) => ({ id: i.id, role: i.role, name: i.name, createdBy: { personId: i.createdBy, name: names.get(i.createdBy) ?? null }, createdAt: i.createdAt, expiresAt: i.expiresAt })),
    );
  });

  api.delete('/crew/invitations/:invitationId', ...manage, async (req, res) => {
    if (!(await people.deleteInvitation(String(req.params.invitationId)))) return sendError(res, podiumError(ErrorCodes.notFound, 'There is no such invitation.'));
    res.json({ ok: true });
  });

  // ---- people ----

  api.get('/crew/people', ...manage, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json((await people.people()).map(personView));
  });

  api.patch('/crew/people/:personId', ...manage, async (req, res) => {
    const parsed = PersonChangeSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, podiumError(ErrorCodes.invalidMessage, `Send {"role"?: one of ${CrewRoles.join(', ')}, "disabled"?: true or false}.`));
    const id = String(req.params.personId);
    const before = await people.person(id);
    if (!before) return sendError(res, podiumError(ErrorCodes.notFound, `There is no person "${id}".`));
    const { role: newRole, disabled } = parsed.data;
    const change = {
      ...(newRole !== undefined && newRole !== before.role ? { role: newRole } : {}),
      ...(disabled === true && before.disabledAt === null ? { disabledAt: options.now() } : {}),
      ...(disabled === false && before.disabledAt !== null ? { disabledAt: null } : {}),
    };
    if (Object.keys(change).length === 0) return res.json({ person: personView(before), endedSessions: 0, revokedTokens: 0 });
    const outcome = await people.changePerson(id, change);
    if (!outcome.ok) {
      if (outcome.reason === 'unknown') return sendError(res, podiumError(ErrorCodes.notFound, `There is no person "${id}".`));
      return sendError(res, podiumError(ErrorCodes.lastProducer, 'This is the last enabled producer: make another person producer first.'));
    }
    const { after } = outcome;
    // Sessions and tokens carry the role they were issued with: a new role (or a disable) ends them all.
    const ends = after.role !== outcome.before.role || (after.disabledAt !== null && outcome.before.disabledAt === null);
    const ended = ends ? await endEverythingOf(id) : { endedSessions: 0, revokedTokens: 0 };
    logger.info({ personId: id, role: after.role, disabled: after.disabledAt !== null, ...ended }, 'person changed');
    res.json({ person: personView(after), ...ended });
  });

  // ---- who is signed in ----

  /** Every console shows who is signed in; only a producer gets the session ids (to end one). */
  api.get('/crew/sessions', need('console.view'), async (req, res) => {
    const me = principalIn(res);
    const now = options.now();
    const mayEnd = allowed(me, 'crew.manage') && !me.token;
    const live = (await people.sessions(now)).filter((s) => auth.isLive({ sessionId: s.sessionId, exp: s.expiresAt }, now));
    res.set('Cache-Control', 'no-store').json(
      live.map((s) => ({
        ...(mayEnd ? { sessionId: s.sessionId } : {}),
        personId: s.personId,
        name: s.name,
        role: s.role,
        device: s.device,
        since: s.startedAt,
        yours: s.sessionId === me.sessionId,
      })),
    );
  });

  api.delete('/crew/sessions/:sessionId', ...manage, async (req, res) => {
    const ended = await people.endSession(String(req.params.sessionId), options.now());
    if (!ended) return sendError(res, podiumError(ErrorCodes.notFound, 'There is no such session (it may have ended already).'));
    // Durable, and every process cuts that session's consoles off (within its revocation poll).
    await auth.revokeSession({ sessionId: ended.sessionId, exp: ended.expiresAt });
    logger.info({ personId: ended.personId, by: principalIn(res).personId }, 'session ended');
    res.json({ ok: true });
  });

  // ---- API tokens ----

  api.post('/crew/tokens', ...manage, async (req, res) => {
    const parsed = TokenSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, podiumError(ErrorCodes.invalidMessage, `Send {"name", "role": one of ${CrewRoles.join(', ')}, "ceremonyId"}.`));
    const name = cleanPersonName(parsed.data.name);
    if (!name) return sendError(res, podiumError(ErrorCodes.invalidName, `A token's name has 1 to ${PERSON_NAME_MAX} characters.`));
    const { ceremonyId } = parsed.data;
    if (!(await options.ceremonies.live(ceremonyId))) return sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${ceremonyId}".`));
    const maker = principalIn(res);
    const now = options.now();
    const id = `tok-${randomBytes(12).toString('base64url')}`;
    const { token, principal } = auth.issueToken(now, { personId: maker.personId, name: maker.name, role: parsed.data.role, token: name, ceremonyId }, { sessionId: id, hours: API_TOKEN_DAYS * 24 });
    await people.addToken({ id, name, role: parsed.data.role, ceremonyId, createdBy: { personId: maker.personId, name: maker.name }, createdAt: now, expiresAt: principal.exp, revokedAt: null });
    logger.info({ tokenId: id, role: parsed.data.role, ceremonyId }, 'API token made');
    res.status(201).set('Cache-Control', 'no-store').json({ id, name, role: parsed.data.role, ceremonyId, token, expiresAt: principal.exp });
  });

  api.get('/crew/tokens', ...manage, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await people.tokens(options.now()));
  });

  api.delete('/crew/tokens/:tokenId', ...manage, async (req, res) => {
    const revoked = await people.revokeToken(String(req.params.tokenId), options.now());
    if (!revoked) return sendError(res, podiumError(ErrorCodes.notFound, 'There is no such token (it may have been revoked already).'));
    await auth.revokeSession({ sessionId: revoked.id, exp: revoked.expiresAt });
    logger.info({ tokenId: revoked.id }, 'API token revoked');
    res.json({ ok: true });
  });

  return api;
}
