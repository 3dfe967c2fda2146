import express, { type Request, type Response } from 'express';
import { ErrorCodes, podiumError, type PodiumError } from '../../shared/errors';
import type { ApprovalView } from '../../shared/two-keys';
import type { OperatorAuth } from '../access/auth';
import { ApprovalRequestSchema, PolicySchema, type TwoKeys } from '../approvals/two-keys';
import type { Ceremonies } from '../live/ceremonies';
import { crewAccess, principalIn } from './http-access';
import { jsonBody } from './http-boundary';
import { sendError, statusOf } from './http-errors';

/** A correction request carries a whole definition (as PUT) or a results CSV (as POST …/results). */
const REQUEST_LIMIT = '3mb';

/**
 * Two keys (S30, docs/api.md): each ceremony's policy, requests for a second person's
 * confirmation, and their confirmation or refusal.
 */
export function createTwoKeysApi(options: { twoKeys: TwoKeys; ceremonies: Ceremonies; auth: OperatorAuth; now: () => number }): express.Router {
  const { twoKeys, ceremonies } = options;
  const api = express.Router();
  const { need, may } = crewAccess(options.auth, options.now);

  const known = async (id: string, res: Response): Promise<boolean> => {
    if (await ceremonies.live(id)) return true;
    sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${id}".`));
    return false;
  };
  /** A refusal with the request as it stands now, so the console can show its state. */
  const refused = (res: Response, error: PodiumError, approval?: ApprovalView) => {
    res.status(statusOf(error.code)).json({ error, ...(approval ? { approval } : {}) });
  };

  api.get('/ceremonies/:id/two-keys', need('console.view'), async (req, res) => {
    if (!(await known(String(req.params.id), res))) return;
    res.set('Cache-Control', 'no-store').json(await twoKeys.policy(String(req.params.id)));
  });

  api.put('/ceremonies/:id/two-keys', need('crew.manage'), jsonBody('16kb'), async (req, res) => {
    const parsed = PolicySchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, podiumError(ErrorCodes.invalidMessage, 'Send { correction?, realRehearsal?, retract?, jump? } (booleans).'));
    if (!(await known(String(req.params.id), res))) return;
    res.json(await twoKeys.setPolicy(String(req.params.id), parsed.data, principalIn(res)));
  });

  api.get('/ceremonies/:id/approvals', need('console.view'), async (req, res) => {
    if (!(await known(String(req.params.id), res))) return;
    const boards = await twoKeys.board(String(req.params.id));
    res.set('Cache-Control', 'no-store').json((may(req, 'results.see') ? boards.full : boards.sealed).requests);
  });

  api.post('/ceremonies/:id/approvals', need('console.view'), jsonBody(REQUEST_LIMIT), async (req, res) => {
    const parsed = ApprovalRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, podiumError(ErrorCodes.invalidMessage, 'Send { action: "retract" | "jump" | "real_rehearsal" | "correction", command?, definition?, csv?, runId? }.'));
    const answer = await twoKeys.request(String(req.params.id), parsed.data, principalIn(res));
    if (!answer.ok) return refused(res, answer.error);
    res.status(201).json(answer.value);
  });

  api.get('/approvals/:approvalId', need('console.view'), async (req, res) => {
    const view = await twoKeys.view(String(req.params.approvalId), principalIn(res));
    if (!view) return sendError(res, podiumError(ErrorCodes.notFound, `There is no request "${String(req.params.approvalId)}".`));
    res.set('Cache-Control', 'no-store').json(view);
  });

  const decide = (verdict: 'confirmed' | 'refused') => async (req: Request, res: Response) => {
    const answer = await twoKeys.decide(String(req.params.approvalId), verdict, principalIn(res));
    if (!answer.ok) return refused(res, answer.error, answer.approval);
    res.json(answer.value);
  };
  api.post('/approvals/:approvalId/confirm', need('console.view'), decide('confirmed'));
  api.post('/approvals/:approvalId/refuse', need('console.view'), decide('refused'));

  return api;
}
