import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { ErrorCodes, podiumError } from '../../shared/errors';
import { REPLAY_SPEEDS } from '../../shared/replay';
import { parseRunFile } from '../../shared/run-file';
import { RUN_ID_PATTERN } from '../../shared/runs';
import type { OperatorAuth } from '../access/auth';
import type { Ceremonies } from '../live/ceremonies';
import { baseUrl, screenKeys, screenLinks } from '../http/http-api';
import { crewAccess } from '../http/http-access';
import { jsonBody } from '../http/http-boundary';
import { sendError } from '../http/http-errors';
import type { ReplayRoom } from './replay-room';
import type { ReplayRooms } from './replay-rooms';

/** A run file of some thousands of events. */
const RUN_FILE_LIMIT = '32mb';
const OpenSchema = z.object({ runId: z.string().regex(RUN_ID_PATTERN) }).strict();
const ActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('play') }).strict(),
  z.object({ action: z.literal('pause') }).strict(),
  z.object({ action: z.literal('speed'), speed: z.number().refine((s) => (REPLAY_SPEEDS as readonly number[]).includes(s)) }).strict(),
  z.object({ action: z.literal('seek'), index: z.int().min(0) }).strict(),
  z.object({ action: z.literal('step'), direction: z.enum(['next', 'previous']) }).strict(),
]);

/**
 * Recorded runs: import a run file; replay rooms (operator only) play a recorded run to a room of screens
 * (`?run=replay-…` on any screen link) at its original timing, 0.5× to 8×, paused, stepped cue by
 * cue, scrubbed.
 */
export function createReplayApi(options: { ceremonies: Ceremonies; replays: ReplayRooms; auth: OperatorAuth; publicUrl: string | undefined; now: () => number }): express.Router {
  const { ceremonies, replays, auth } = options;
  const api = express.Router();
  const { need, may } = crewAccess(auth, options.now);
  const roomOf = (req: Request, res: Response) => {
    const room = replays.get(String(req.params.id), String(req.params.replayId));
    if (!room) sendError(res, podiumError(ErrorCodes.unknownRun, `Ceremony "${String(req.params.id)}" has no replay room "${String(req.params.replayId)}".`));
    return room;
  };

  const json = jsonBody('1mb');
  /**
   * A room's status with its screens' links (they carry the room's key; the stage and overlay
   * links, which carry the ceremony's screen keys, only for screens.links: S29).
   */
  const withLinks = (req: Request, ceremonyId: string, room: ReplayRoom) => ({
    ...room.status(),
    links: screenLinks(baseUrl(req, options.publicUrl), ceremonyId, { runId: room.replayId, key: auth.runKey(ceremonyId, room.replayId) }, may(req, 'screens.links') ? screenKeys(auth, ceremonyId) : null),
  });

  /** Imports a recorded run (a run file from `GET …/run.json`) as a read-only run to replay. */
  api.post('/ceremonies/:id/runs', need('rehearsal.start'), jsonBody(RUN_FILE_LIMIT), async (req, res) => {
    const id = String(req.params.id);
    const definition = (await ceremonies.live(id))?.definition;
    if (!definition) return sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${id}".`));
    const parsed = parseRunFile(req.body, definition);
    if (!parsed.ok) {
      return sendError(res, { ...podiumError(ErrorCodes.invalidRunFile, `The run file was refused, nothing was imported: ${parsed.problem.path}: ${parsed.problem.message}`), problems: [parsed.problem] });
    }
    const runId = await ceremonies.importRun(id, parsed.value);
    res.status(201).json({ runId, events: parsed.value.events.length });
  });

  api.post('/ceremonies/:id/replays', need('rehearsal.start'), json, async (req, res) => {
    const parsed = OpenSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, podiumError(ErrorCodes.invalidMessage, 'Send { "runId": "live" } or { "runId": "rehearsal-1" }.'));
    const id = String(req.params.id);
    const source = await ceremonies.run(id, parsed.data.runId);
    if (!source) return sendError(res, podiumError(ErrorCodes.unknownRun, `Ceremony "${id}" has no run "${parsed.data.runId}".`));
    const room = await replays.open(id, parsed.data.runId, source);
    res.status(201).json(withLinks(req, id, room));
  });

  api.get('/ceremonies/:id/replays', need('rehearsal.start'), (req, res) => {
    res.json(replays.list(String(req.params.id)).map((room) => withLinks(req, String(req.params.id), room)));
  });

  api.get('/ceremonies/:id/replays/:replayId', need('rehearsal.start'), (req, res) => {
    const room = roomOf(req, res);
    if (room) res.json(withLinks(req, String(req.params.id), room));
  });

  api.post('/ceremonies/:id/replays/:replayId', need('rehearsal.start'), json, (req, res) => {
    const room = roomOf(req, res);
    if (!room) return;
    const parsed = ActionSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, podiumError(ErrorCodes.invalidMessage, `Send one of {"action":"play"|"pause"}, {"action":"speed","speed":${REPLAY_SPEEDS.join('|')}}, {"action":"seek","index":n}, {"action":"step","direction":"next"|"previous"}.`));
    res.json(room.apply(parsed.data));
  });

  return api;
}
