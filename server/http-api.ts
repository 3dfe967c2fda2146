import express, { type NextFunction, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { ErrorCodes, podiumError } from '../shared/errors';
import { toPublicEvent } from '../shared/events';
import { LIVE_RUN_ID } from '../shared/runs';
import { categoryResults, cueStatus } from '../shared/results-view';
import { currentCue, nextCue, type CeremonyState } from '../shared/state';
import { formatProblems, parseCeremony } from '../shared/validation';
import { importResultsCsv } from '../shared/csv-import';
import { clearedSessionCookie, sessionCookie, tokenFromHeaders, type OperatorAuth } from './auth';
import type { CeremonyRun } from './ceremony-run';
import type { Ceremonies } from './ceremonies';
import { sendError } from './http-errors';
import type { Logger } from './logger';
import { commandType } from './socket-gateway';

export interface ApiOptions {
  ceremonies: Ceremonies;
  auth: OperatorAuth;
  logger: Logger;
  publicUrl: string | undefined;
  now: () => number;
  newId: () => string;
}

const LOGIN_ATTEMPTS_PER_MINUTE = 10;

/** The audience projection as the REST API shows it (docs/api.md). */
export function audienceState(state: CeremonyState) {
  const cue = currentCue(state);
  return {
    ceremonyId: state.ceremony.id,
    seq: state.seq,
    ceremony: state.ceremony,
    currentCue: cue,
    onHold: state.hold !== null,
    hold: state.hold,
    categories: categoryResults(state),
    corrections: state.corrections,
    announcements: state.announcements,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
  };
}

/** The operator projection: the audience's, plus the cue list, what comes next and who it reveals. */
export function operatorState(run: CeremonyRun) {
  const view = run.operatorView();
  const state = view.state;
  const next = nextCue(state);
  return {
    ...audienceState(state),
    cues: state.cues.map((cue, i) => ({ ...cue, status: cueStatus(state, cue, i), preview: view.previews[cue.id] })),
    nextCue: next ? { ...next, preview: view.previews[next.id] } : null,
    recent: view.recent,
  };
}

export function baseUrl(req: Request, publicUrl: string | undefined): string {
  return (publicUrl ?? `${req.protocol}://${req.get('host')}`).replace(/\/$/, '');
}

export function screenLinks(base: string, ceremonyId: string, runId: string = LIVE_RUN_ID) {
  const id = encodeURIComponent(ceremonyId);
  const run = runId === LIVE_RUN_ID ? '' : `?run=${runId}`;
  return {
    audience: `${base}/c/${id}${run}`,
    stage: `${base}/stage/${id}${run}`,
    overlay: `${base}/overlay/${id}${run}`,
    operator: `${base}/operator?ceremony=${id}${run ? `&run=${runId}` : ''}`,
  };
}

export function createApi(options: ApiOptions): express.Router {
  const { ceremonies, auth, logger } = options;
  const api = express.Router();
  const loginAttempts = new Map<string, { count: number; since: number }>();

  const actorOf = (req: Request) => auth.verifyToken(tokenFromHeaders(req.headers), options.now());
  const requireOperator = (req: Request, res: Response, next: NextFunction) => {
    if (actorOf(req)) return next();
    sendError(res, podiumError(ErrorCodes.unauthorized, 'This needs an operator session: POST /api/session, then send Authorization: Bearer <token>.'));
  };
  /** The run a request names (`?run=`, the live run by default), or an error sent. */
  const liveRun = async (req: Request, res: Response): Promise<CeremonyRun | null> => {
    const id = String(req.params.id);
    const runId = typeof req.query.run === 'string' ? req.query.run : LIVE_RUN_ID;
    const run = await ceremonies.run(id, runId);
    if (run) return run;
    if (runId !== LIVE_RUN_ID && (await ceremonies.live(id))) sendError(res, podiumError(ErrorCodes.unknownRun, `Ceremony "${id}" has no run "${runId}".`));
    else sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${id}".`));
    return null;
  };
  const runIdOf = (req: Request) => (typeof req.query.run === 'string' ? req.query.run : LIVE_RUN_ID);

  api.get('/ceremonies', async (_req, res) => {
    res.json(await ceremonies.list());
  });

  api.get('/ceremonies/:id/state', async (req, res) => {
    const run = await liveRun(req, res);
    if (!run) return;
    res.set('Cache-Control', 'no-store');
    res.json(actorOf(req) ? operatorState(run) : audienceState(run.current));
  });

  api.get('/ceremonies/:id/links', async (req, res) => {
    if (!(await liveRun(req, res))) return;
    res.json(screenLinks(baseUrl(req, options.publicUrl), String(req.params.id), runIdOf(req)));
  });

  /** A QR code of the audience link, or of `?url=` when it is a link to this server. */
  api.get('/ceremonies/:id/qr.svg', async (req, res) => {
    if (!(await liveRun(req, res))) return;
    const base = baseUrl(req, options.publicUrl);
    const asked = typeof req.query.url === 'string' ? req.query.url : undefined;
    if (asked !== undefined && !asked.startsWith(`${base}/`)) {
      return sendError(res, podiumError(ErrorCodes.invalidMessage, `url must be a link to this server (${base}/…).`));
    }
    const svg = await QRCode.toString(asked ?? screenLinks(base, String(req.params.id), runIdOf(req)).audience, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    res.type('image/svg+xml').send(svg);
  });

  /** Each participating organization's personal delegate link (operator only: the links are keys). */
  api.get('/ceremonies/:id/delegates', requireOperator, async (req, res) => {
    const run = await liveRun(req, res);
    if (!run) return;
    const base = baseUrl(req, options.publicUrl);
    const id = run.definition.id;
    res.set('Cache-Control', 'no-store').json(
      (run.definition.organizations ?? []).map((o) => ({
        organizationId: o.id,
        name: o.name ?? null,
        link: `${base}/d/${encodeURIComponent(id)}/${encodeURIComponent(o.id)}?k=${auth.delegateKey(id, o.id)}`,
      })),
    );
  });

  api.post('/session', (req, res) => {
    const ip = req.ip ?? 'unknown';
    const now = options.now();
    const attempts = loginAttempts.get(ip);
    const recent = attempts && now - attempts.since < 60_000 ? attempts : { count: 0, since: now };
    if (recent.count >= LOGIN_ATTEMPTS_PER_MINUTE) return sendError(res, podiumError(ErrorCodes.rateLimited, 'Too many attempts; wait a minute and try again.'));
    loginAttempts.set(ip, { ...recent, count: recent.count + 1 });
    if (!auth.checkPasscode((req.body as { passcode?: unknown } | undefined)?.passcode)) {
      logger.warn({ ip }, 'operator login refused');
      return sendError(res, podiumError(ErrorCodes.unauthorized, 'Wrong passcode.'));
    }
    loginAttempts.delete(ip);
    const token = auth.issueToken(now);
    res.set('Set-Cookie', sessionCookie(token, req.secure));
    logger.info({ ip }, 'operator logged in');
    res.json({ token });
  });

  api.get('/session', (req, res) => {
    res.json({ authenticated: actorOf(req) !== null });
  });

  api.delete('/session', (_req, res) => {
    res.set('Set-Cookie', clearedSessionCookie()).json({ ok: true });
  });

  api.post('/ceremonies/:id/commands', requireOperator, async (req, res) => {
    const run = await liveRun(req, res);
    if (!run) return;
    const result = await run.handle(req.body, { actor: actorOf(req)!, now: options.now(), fallbackCommandId: options.newId() });
    logger.info({ runId: run.runId, via: 'http', type: commandType(req.body), ok: result.ok, code: result.ok ? undefined : result.error.code }, 'command');
    if (result.ok) res.json({ seq: result.seq, events: result.events });
    else sendError(res, result.error);
  });

  /** Imports a whole definition (JSON). Refused, changing nothing, when invalid or when its live run has begun. */
  api.put('/ceremonies/:id', requireOperator, async (req, res) => {
    const parsed = parseCeremony(req.body);
    if (!parsed.ok) return sendError(res, { ...podiumError(ErrorCodes.invalidCeremony, `The ceremony is not valid:\n${formatProblems(parsed.problems)}`), problems: parsed.problems });
    if (parsed.value.id !== req.params.id) return sendError(res, podiumError(ErrorCodes.invalidCeremony, `The definition's id "${parsed.value.id}" is not the id in the URL "${String(req.params.id)}".`));
    const outcome = await ceremonies.replace(parsed.value);
    if (outcome === 'started') return sendError(res, podiumError(ErrorCodes.conflict, 'This ceremony has begun: its definition can no longer change.'));
    res.status(outcome === 'created' ? 201 : 200).json({ ok: true, id: parsed.value.id, outcome });
  });

  /** Imports the results of a ceremony from CSV (docs/ceremony-format.md), replacing those of the categories it names. */
  api.post('/ceremonies/:id/results', requireOperator, express.text({ type: ['text/csv', 'text/plain'], limit: '1mb' }), async (req, res) => {
    const run = await liveRun(req, res);
    if (!run) return;
    if (typeof req.body !== 'string') return sendError(res, podiumError(ErrorCodes.invalidCeremony, 'Send the CSV with Content-Type: text/csv.'));
    const imported = importResultsCsv(run.definition, req.body);
    if (!imported.ok) return sendError(res, { ...podiumError(ErrorCodes.invalidCeremony, `The CSV was refused:\n${formatProblems(imported.problems)}`), problems: imported.problems });
    const outcome = await ceremonies.replace(imported.value);
    if (outcome === 'started') return sendError(res, podiumError(ErrorCodes.conflict, 'This ceremony has begun: its results can no longer change.'));
    res.json({ ok: true, id: imported.value.id });
  });

  /**
   * Starts a rehearsal run: isolated from the live run, on stand-in recipients unless
   * `realResults: true` is chosen and confirmed with `confirm: true`.
   */
  api.post('/ceremonies/:id/rehearsals', requireOperator, async (req, res) => {
    const body = (req.body ?? {}) as { realResults?: unknown; confirm?: unknown };
    const realResults = body.realResults === true;
    if (realResults && body.confirm !== true) {
      return sendError(res, podiumError(ErrorCodes.confirmationRequired, 'Rehearsing with the real results needs "confirm": true: every rehearsal screen will show the winners.'));
    }
    const runId = await ceremonies.startRehearsal(String(req.params.id), { realResults, actor: actorOf(req)!, now: options.now(), commandId: options.newId() });
    if (!runId) return sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${String(req.params.id)}".`));
    logger.info({ ceremonyId: String(req.params.id), runId, realResults }, 'rehearsal started');
    res.status(201).json({ runId, realResults, links: screenLinks(baseUrl(req, options.publicUrl), String(req.params.id), runId) });
  });

  api.get('/ceremonies/:id/runs', requireOperator, async (req, res) => {
    if (!(await ceremonies.live(String(req.params.id)))) return sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${String(req.params.id)}".`));
    res.set('Cache-Control', 'no-store').json(await ceremonies.listRuns(String(req.params.id)));
  });

  /**
   * A run's events, without who sent them: what a replay plays. Anyone may have a finished live
   * run and a stand-in rehearsal; a live run still under way (a delayed channel must not be
   * spoiled), a rehearsal with the real results and an imported run only an operator.
   */
  api.get('/ceremonies/:id/runs/:runId/events', async (req, res) => {
    const run = await ceremonies.run(String(req.params.id), String(req.params.runId));
    if (!run) return sendError(res, podiumError(ErrorCodes.unknownRun, `Ceremony "${String(req.params.id)}" has no run "${String(req.params.runId)}".`));
    const state = run.current;
    const imported = String(req.params.runId).startsWith('import-');
    const open = !imported && (state.run.kind === 'live' ? state.endedAt !== null : !state.run.realResults);
    if (!open && !actorOf(req)) return sendError(res, podiumError(ErrorCodes.unauthorized, 'This run can be replayed by anyone once it has ended; until then only by an operator.'));
    res.set('Cache-Control', 'no-store').json({ ceremony: state.ceremony, cues: state.cues, events: (run.eventsAfter(0) ?? []).map(toPublicEvent) });
  });

  api.use((_req, res) => sendError(res, podiumError(ErrorCodes.notFound, 'No such API endpoint; see docs/api.md.')));
  return api;
}
