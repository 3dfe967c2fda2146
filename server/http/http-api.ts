import express, { type NextFunction, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import { ErrorCodes, podiumError } from '../../shared/errors';
import { toPublicEvent } from '../../shared/events';
import { LIVE_RUN_ID } from '../../shared/runs';
import { categoryResults, cueStatus } from '../../shared/results-view';
import { currentCue, nextCue, type CeremonyState } from '../../shared/state';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { formatProblems, parseCeremony } from '../../shared/validation';
import type { OperatorAuth } from '../access/auth';
import type { CeremonyRun } from '../live/ceremony-run';
import type { Ceremonies } from '../live/ceremonies';
import { importResultsCsvOffLoop } from '../csv/results-import';
import { crewAccess, principalIn } from './http-access';
import { actorOf } from '../../shared/crew';
import { sendError } from './http-errors';
import type { Logger } from '../logger';
import { commandType } from '../delivery/socket-messages';
import { correctionRefusal, type TwoKeys } from '../approvals/two-keys';

export interface ApiOptions {
  ceremonies: Ceremonies;
  auth: OperatorAuth;
  logger: Logger;
  publicUrl: string | undefined;
  now: () => number;
  newId: () => string;
  /** Two keys (S30): retract, jump, a correction and a real-results rehearsal read the policy. */
  twoKeys?: Pick<TwoKeys, 'guard'>;
}

const MAX_QR_URL_BYTES = 1000;
/** About 20,000 result rows. */
const RESULTS_CSV_LIMIT = '2mb';
const RehearsalSchema = z.object({ realResults: z.boolean().optional(), confirm: z.boolean().optional() }).strict();

/** The audience projection as the REST API shows it (docs/api.md). */
export function audienceState(state: CeremonyState) {
  const cue = currentCue(state);
  return {
    ceremonyId: state.ceremony.id,
    seq: state.seq,
    /** The definition version the run uses (S17): what a script's GO sends as `version`. */
    version: state.version,
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

/**
 * The operator projection: the audience's, plus the cue list, what comes next and who it reveals.
 * `sealed`: for a role that may not see results (S29), without any preview or definition hash.
 */
export function operatorState(run: CeremonyRun, sealed = false) {
  const view = sealed ? run.sealedOperatorView() : run.operatorView();
  const state = view.state;
  const next = nextCue(state);
  return {
    ...audienceState(state),
    cues: state.cues.map((cue, i) => ({ ...cue, status: cueStatus(state, cue, i), preview: view.previews[cue.id] })),
    nextCue: next ? { ...next, preview: view.previews[next.id] } : null,
    recent: view.recent,
    definitionHash: view.definitionHash,
  };
}

export function baseUrl(req: Request, publicUrl: string | undefined): string {
  return (publicUrl ?? `${req.protocol}://${req.get('host')}`).replace(/\/$/, '');
}

/** The keys of a ceremony's stage and overlay links (operator only: they admit a screen to those roles). */
export function screenKeys(auth: OperatorAuth, ceremonyId: string): ScreenKeys {
  return { stage: auth.screenKey(ceremonyId, 'stage'), overlay: auth.screenKey(ceremonyId, 'overlay') };
}
export interface ScreenKeys {
  stage: string;
  overlay: string;
}

/**
 * The links of each kind of screen; a run other than the live one carries its key (`key=`). The
 * stage and overlay links, which carry their role's key (`k=`), only when the keys are given.
 */
export function screenLinks(base: string, ceremonyId: string, run: { runId: string; key: string } | null = null, keys: ScreenKeys | null = null) {
  const id = encodeURIComponent(ceremonyId);
  const query = run ? `?run=${run.runId}&key=${run.key}` : '';
  const keyed = (key: string) => `${query ? `${query}&` : '?'}k=${key}`;
  return {
    audience: `${base}/c/${id}${query}`,
    ...(keys ? { stage: `${base}/stage/${id}${keyed(keys.stage)}`, overlay: `${base}/overlay/${id}${keyed(keys.overlay)}` } : {}),
    operator: `${base}/operator?ceremony=${id}${run ? `&run=${run.runId}` : ''}`,
  };
}

export function createApi(options: ApiOptions): express.Router {
  const { ceremonies, auth, logger } = options;
  const api = express.Router();
  const { may, need } = crewAccess(auth, options.now);

  /**
   * The run a request names (`?run=`, the live run by default), or an error sent. Any run but the
   * live one needs its key (`?key=`) or an operator token.
   */
  const liveRun = async (req: Request, res: Response): Promise<CeremonyRun | null> => {
    const id = String(req.params.id);
    const runId = typeof req.query.run === 'string' ? req.query.run : LIVE_RUN_ID;
    if (runId !== LIVE_RUN_ID && !may(req, 'console.view') && !auth.verifyRunKey(id, runId, req.query.key)) {
      sendError(res, podiumError(ErrorCodes.unauthorized, `Run "${runId}" needs its key (the key= of its links) or an operator session.`));
      return null;
    }
    const run = await ceremonies.run(id, runId);
    // A rehearsal on the real results shows the winners: without its key, only for those who may see results (S29).
    if (run?.realResultsRehearsal && !may(req, 'results.see') && !auth.verifyRunKey(id, runId, req.query.key)) {
      sendError(res, podiumError(ErrorCodes.forbidden, `Run "${runId}" is a rehearsal on the real results: your role may not see them.`));
      return null;
    }
    if (run) return run;
    if (runId !== LIVE_RUN_ID && (await ceremonies.live(id))) sendError(res, podiumError(ErrorCodes.unknownRun, `Ceremony "${id}" has no run "${runId}".`));
    else sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${id}".`));
    return null;
  };
  const runIdOf = (req: Request) => (typeof req.query.run === 'string' ? req.query.run : LIVE_RUN_ID);
  /** The crew's links include the keyed stage and overlay links (screens.links); anyone's only the audience's. */
  const linksOf = (req: Request, id: string, runId: string) =>
    screenLinks(baseUrl(req, options.publicUrl), id, runId === LIVE_RUN_ID ? null : { runId, key: auth.runKey(id, runId) }, may(req, 'screens.links') ? screenKeys(auth, id) : null);

  api.get('/ceremonies', async (_req, res) => {
    res.json(await ceremonies.list());
  });

  api.get('/ceremonies/:id/state', async (req, res) => {
    const run = await liveRun(req, res);
    if (!run) return;
    res.set('Cache-Control', 'no-store');
    if (may(req, 'results.see')) return res.json(operatorState(run));
    res.json(may(req, 'console.view') ? operatorState(run, true) : audienceState(run.current));
  });

  api.get('/ceremonies/:id/links', async (req, res) => {
    if (!(await liveRun(req, res))) return;
    res.set('Cache-Control', 'no-store').json(linksOf(req, String(req.params.id), runIdOf(req)));
  });

  /** A QR code of the audience link, or of `?url=` when it is a link to this server. */
  api.get('/ceremonies/:id/qr.svg', async (req, res) => {
    if (!(await liveRun(req, res))) return;
    const base = baseUrl(req, options.publicUrl);
    const asked = typeof req.query.url === 'string' ? req.query.url : undefined;
    if (asked !== undefined && !asked.startsWith(`${base}/`)) {
      return sendError(res, podiumError(ErrorCodes.invalidMessage, `url must be a link to this server (${base}/…).`));
    }
    // A QR code holds about 2,300 bytes at this error correction; a screen link is far shorter.
    if (asked !== undefined && Buffer.byteLength(asked) > MAX_QR_URL_BYTES) {
      return sendError(res, podiumError(ErrorCodes.invalidMessage, `url is too long for a QR code (at most ${MAX_QR_URL_BYTES} bytes).`));
    }
    const svg = await QRCode.toString(asked ?? linksOf(req, String(req.params.id), runIdOf(req)).audience, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    res.type('image/svg+xml').send(svg);
  });

  /** Each participating organization's personal delegate link (operator only: the links are keys). */
  api.get('/ceremonies/:id/delegates', need('screens.links'), async (req, res) => {
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

  api.post('/ceremonies/:id/commands', need('run.drive'), async (req, res) => {
    const run = await liveRun(req, res);
    if (!run) return;
    // Only what two keys may guard reads the policy: a GO never waits for it (S30).
    const type = commandType(req.body);
    const refusal = (type === 'retract' || type === 'jump') && options.twoKeys ? await options.twoKeys.guard(run.definition.id, type) : null;
    if (refusal) return sendError(res, refusal);
    const result = await run.handle(req.body, { ...actorOf(principalIn(res)), now: options.now(), fallbackCommandId: options.newId() });
    logger.info({ runId: run.runId, via: 'http', type: commandType(req.body), ok: result.ok, code: result.ok ? undefined : result.error.code }, 'command');
    if (result.ok) res.json({ seq: result.seq, events: result.events });
    else sendError(res, result.error);
  });

  /**
   * Publishes a new version of a definition (an import). `?correction=true&confirm=true`: a results
   * correction once the live run has begun (docs/spec.md S17).
   */
  const publish = async (req: Request, res: Response, definition: CeremonyDefinition) => {
    const change = { correction: req.query.correction === 'true', confirm: req.query.confirm === 'true' };
    // A correction once the live run has begun may need a second person (S30): ask with POST …/approvals.
    const refusal = await correctionRefusal(options.twoKeys, ceremonies, definition.id, change.correction);
    if (refusal) return sendError(res, refusal);
    const result = await ceremonies.replace(definition, change, { ...actorOf(principalIn(res)), now: options.now(), fallbackCommandId: options.newId() });
    if (!result.ok) return sendError(res, result.error);
    logger.info({ ceremonyId: definition.id, outcome: result.outcome, version: result.version, corrected: result.corrected }, 'definition published');
    res.status(result.outcome === 'created' ? 201 : 200).json({ ok: true, id: definition.id, outcome: result.outcome, version: result.version, hash: result.hash, corrected: result.corrected });
  };

  /** Imports a whole definition (JSON). Refused, changing nothing, when invalid or when its live run has begun. */
  api.put('/ceremonies/:id', need('results.edit'), async (req, res) => {
    const parsed = parseCeremony(req.body);
    if (!parsed.ok) return sendError(res, { ...podiumError(ErrorCodes.invalidCeremony, `The ceremony is not valid:\n${formatProblems(parsed.problems)}`), problems: parsed.problems });
    if (parsed.value.id !== req.params.id) return sendError(res, podiumError(ErrorCodes.invalidCeremony, `The definition's id "${parsed.value.id}" is not the id in the URL "${String(req.params.id)}".`));
    await publish(req, res, parsed.value);
  });

  /**
   * The one rule of when results may change: not once the live run has begun (its first event).
   * Checked before the CSV is even read, and again by `replace` when it is saved.
   */
  /** Once the live run has begun, an import must be a results correction (S17): refused before the body is read. */
  const resultsLocked = (req: Request, run: CeremonyRun): boolean => run.current.startedAt !== null && req.query.correction !== 'true';
  const resultsLockedError = () =>
    podiumError(ErrorCodes.conflict, 'The live run has begun: results of categories not yet revealed can change by a results correction (?correction=true&confirm=true).');

  /** The cheap checks of a results import, before its body is read: the ceremony exists, its live run takes it. */
  const resultsImportOpen = async (req: Request, res: Response, next: NextFunction) => {
    const run = await liveRun(req, res);
    if (!run) return;
    if (resultsLocked(req, run)) return sendError(res, resultsLockedError());
    res.locals.run = run;
    next();
  };

  /** Imports the results of a ceremony from CSV (docs/ceremony-format.md), replacing those of the categories it names. */
  api.post('/ceremonies/:id/results', need('results.edit'), resultsImportOpen, express.text({ type: 'text/csv', limit: RESULTS_CSV_LIMIT }), async (req, res) => {
    const run = res.locals.run as CeremonyRun;
    if (typeof req.body !== 'string') return sendError(res, podiumError(ErrorCodes.invalidCeremony, 'Send the CSV with Content-Type: text/csv.'));
    const imported = await importResultsCsvOffLoop(run.definition, req.body);
    if (!imported.ok) return sendError(res, { ...podiumError(ErrorCodes.invalidCeremony, `The CSV was refused:\n${formatProblems(imported.problems)}`), problems: imported.problems });
    await publish(req, res, imported.value);
  });

  /**
   * Starts a rehearsal run: isolated from the live run, on stand-in recipients unless
   * `realResults: true` is chosen and confirmed with `confirm: true`.
   */
  api.post('/ceremonies/:id/rehearsals', need('rehearsal.start'), async (req, res) => {
    const parsed = RehearsalSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, podiumError(ErrorCodes.invalidMessage, 'Send {} for stand-ins, or {"realResults": true, "confirm": true}.'));
    const realResults = parsed.data.realResults === true;
    if (realResults && !may(req, 'rehearsal.real')) return sendError(res, podiumError(ErrorCodes.forbidden, `The role "${principalIn(res).role}" may rehearse on stand-ins only: a rehearsal on the real results needs a results officer or a producer.`));
    if (realResults && parsed.data.confirm !== true) {
      return sendError(res, podiumError(ErrorCodes.confirmationRequired, 'Rehearsing with the real results needs "confirm": true: every rehearsal screen will show the winners.'));
    }
    const refusal = realResults && options.twoKeys ? await options.twoKeys.guard(String(req.params.id), 'realRehearsal') : null;
    if (refusal) return sendError(res, refusal);
    const runId = await ceremonies.startRehearsal(String(req.params.id), { realResults, ...actorOf(principalIn(res)), now: options.now(), commandId: options.newId() });
    if (!runId) return sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${String(req.params.id)}".`));
    logger.info({ ceremonyId: String(req.params.id), runId, realResults }, 'rehearsal started');
    res.status(201).json({ runId, realResults, links: linksOf(req, String(req.params.id), runId) });
  });

  api.get('/ceremonies/:id/runs', need('console.view'), async (req, res) => {
    if (!(await ceremonies.live(String(req.params.id)))) return sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${String(req.params.id)}".`));
    res.set('Cache-Control', 'no-store').json(await ceremonies.listRuns(String(req.params.id)));
  });

  /**
   * A run's events, without who sent them: what a "watch again" replay plays. The live run's are
   * anyone's once it has ended and its most delayed channel has shown the end too (so no delayed
   * viewer is spoiled); any other run's need its key; an operator may have any run's at any time.
   */
  api.get('/ceremonies/:id/runs/:runId/events', async (req, res) => {
    const id = String(req.params.id);
    const runId = String(req.params.runId);
    if (!(await ceremonies.live(id))) return sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${id}".`));
    const run = await ceremonies.run(id, runId);
    if (!run) return sendError(res, podiumError(ErrorCodes.unknownRun, `Ceremony "${id}" has no run "${runId}".`));
    const state = run.current;
    const longestDelay = Math.max(0, ...Object.values(state.channels).map((c) => c.delayMs));
    const open = runId === LIVE_RUN_ID ? state.endedAt !== null && options.now() >= state.endedAt + longestDelay : auth.verifyRunKey(id, runId, req.query.key);
    // A rehearsal on the real results shows winners: only for those who may see results.
    if (!open && !may(req, 'results.see')) {
      if (may(req, 'console.view')) return sendError(res, podiumError(ErrorCodes.forbidden, 'Your role may replay this run once it has ended on every channel (the live run), or with its key.'));
      const why = runId === LIVE_RUN_ID ? 'The live run can be replayed by anyone once it has ended on every channel.' : `Run "${runId}" needs its key (the key= of its links).`;
      return sendError(res, podiumError(ErrorCodes.unauthorized, `${why} An operator may replay it at any time.`));
    }
    // Where the run started: its events (a new definition version among them) lead from there.
    const { ceremony, cues, version } = run.initial;
    res.set('Cache-Control', 'no-store').json({ ceremony, cues, version, events: (run.eventsAfter(0) ?? []).map(toPublicEvent) });
  });

  api.use((_req, res) => sendError(res, podiumError(ErrorCodes.notFound, 'No such API endpoint; see docs/api.md.')));
  return api;
}
