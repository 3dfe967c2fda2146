import type { NextFunction, Request, Response } from 'express';
import { ErrorCodes, podiumError } from '../../shared/errors';
import { tokenFromHeaders, type OperatorAuth } from '../access/auth';
import { sendError } from './http-errors';

/** Who may do what over HTTP: one place for the operator check the API routers share. */
export function operatorAccess(auth: OperatorAuth, now: () => number) {
  /** The operator's name when the request carries a valid session (bearer token or cookie). */
  const actorOf = (req: Request): string | null => auth.verifyToken(tokenFromHeaders(req.headers), now());
  const requireOperator = (req: Request, res: Response, next: NextFunction): void => {
    if (actorOf(req)) return next();
    sendError(res, podiumError(ErrorCodes.unauthorized, 'This needs an operator session: POST /api/session, then send Authorization: Bearer <token>.'));
  };
  return { actorOf, requireOperator };
}
