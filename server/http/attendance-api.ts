import express from 'express';
import { parseAttendanceRequest } from '../../shared/attendance-change';
import { actorOf } from '../../shared/crew';
import { ErrorCodes, podiumError } from '../../shared/errors';
import type { OperatorAuth } from '../access/auth';
import type { Ceremonies } from '../live/ceremonies';
import type { Logger } from '../logger';
import { crewAccess, principalIn } from './http-access';
import { jsonBody } from './http-boundary';
import { sendError } from './http-errors';

export interface AttendanceApiOptions {
  ceremonies: Ceremonies;
  auth: OperatorAuth;
  logger: Logger;
  now: () => number;
  newId: () => string;
}

/**
 * A recipient who is not there (docs/spec.md S34): set live from the console, before the reveal.
 * It drives the run and names who is at a reveal not yet shown: run.drive and results.see both.
 */
export function createAttendanceApi(options: AttendanceApiOptions): express.Router {
  const { ceremonies, logger } = options;
  const api = express.Router();
  const { need } = crewAccess(options.auth, options.now);

  api.post('/ceremonies/:id/attendance', need('run.drive'), need('results.see'), jsonBody('16kb'), async (req, res) => {
    const id = String(req.params.id);
    const parsed = parseAttendanceRequest(req.body);
    if (!parsed.ok) return sendError(res, parsed.error);
    const result = await ceremonies.changeAttendance(id, parsed.value, { ...actorOf(principalIn(res)), now: options.now(), fallbackCommandId: options.newId() });
    if (!result) return sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${id}".`));
    // The log names the cue and the status, never who accepts (S12: no result in the logs).
    logger.info({ ceremonyId: id, cueId: parsed.value.cueId, status: parsed.value.attendance.status, ok: result.ok, code: result.ok ? undefined : result.error.code }, 'attendance');
    if (!result.ok) return sendError(res, result.error);
    res.json({ ok: true, outcome: result.outcome, version: result.version, cueId: result.cueId });
  });

  return api;
}
