import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { allowed, type Capability, type Principal } from '../../shared/crew';
import { ErrorCodes, podiumError } from '../../shared/errors';
import { tokenFromHeaders, type OperatorAuth } from '../access/auth';
import { sendError } from './http-errors';

/** Who may do what over HTTP: one place for the role checks every API router shares (S29). */
export function crewAccess(auth: OperatorAuth, now: () => number) {
  /** Who each request acts as, verified once however many checks it meets (several routers, `may` and `need`). */
  const verified = new WeakMap<Request, Principal | null>();
  /** Who the request acts as (bearer token or session cookie), or null. */
  const principalOf = (req: Request): Principal | null => {
    if (!verified.has(req)) verified.set(req, auth.principal(tokenFromHeaders(req.headers), now()));
    return verified.get(req)!;
  };
  /** Whether the request may do `capability` (for the ceremony of the route, when it names one). */
  const may = (req: Request, capability: Capability): boolean => {
    const principal = principalOf(req);
    return principal !== null && allowed(principal, capability, ceremonyOf(req));
  };
  /** A route that needs `capability`: 401 without a session, 403 `forbidden` when the role lacks it. */
  const need =
    (capability: Capability): RequestHandler =>
    (req: Request, res: Response, next: NextFunction): void => {
      const principal = principalOf(req);
      if (!principal) return sendError(res, podiumError(ErrorCodes.unauthorized, 'This needs a crew session: POST /api/session, then send Authorization: Bearer <token>.'));
      if (!allowed(principal, capability, ceremonyOf(req))) {
        return sendError(res, podiumError(ErrorCodes.forbidden, `The role "${principal.role}"${principal.token ? ` of token "${principal.token}"` : ''} may not do this (it needs ${capability}${principal.ceremonyId ? `, for ceremony "${principal.ceremonyId}"` : ''}).`));
      }
      res.locals.principal = principal;
      next();
    };
  return { principalOf, may, need };
}

/** The principal a `need(...)` route admitted. */
export function principalIn(res: Response): Principal {
  return res.locals.principal as Principal;
}

function ceremonyOf(req: Request): string | undefined {
  const id = (req.params as Record<string, unknown> | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}
