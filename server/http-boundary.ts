import type { NextFunction, Request, Response } from 'express';
import { ErrorCodes, podiumError } from '../shared/errors';
import { readCookie, SESSION_COOKIE } from './auth';
import { sendError } from './http-errors';
import { isOwnOrAllowedOrigin, originOf, type OriginRules } from './origin';

/** The methods that change something; GET and HEAD never do. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The one endpoint that takes a body other than JSON: the results import (docs/api.md). */
const CSV_BODY_PATH = /^\/ceremonies\/[^/]+\/results$/;

/**
 * A browser sends the session cookie with any request to this host, even from a page on another
 * port of it (same site: SameSite=Strict does not help). Such a request is the operator's only when
 * its Origin (or, lacking one, its Referer) is this server. A bearer token is never sent by the
 * browser on its own, so automation with `Authorization: Bearer` needs no Origin.
 */
export function sameOriginWrites(rules: OriginRules) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!STATE_CHANGING.has(req.method) || !authenticatesByCookie(req)) return next();
    const origin = req.headers.origin ?? originOf(req.headers.referer);
    if (origin !== undefined && isOwnOrAllowedOrigin(origin, req.headers, rules)) return next();
    sendError(
      res,
      podiumError(ErrorCodes.forbiddenOrigin, `A request with the session cookie must come from this server's own pages (Origin ${origin ?? 'missing'}); scripts send Authorization: Bearer <token>.`),
    );
  };
}

function authenticatesByCookie(req: Request): boolean {
  if (/^Bearer\s/i.test(req.headers.authorization ?? '')) return false;
  return readCookie(req.headers.cookie, SESSION_COOKIE) !== undefined;
}

/**
 * A state-changing request with a body must say what the body is: JSON everywhere, CSV for the
 * results import. A form or a `text/plain` fetch (which needs no preflight) is refused before any
 * parser sees it.
 */
export function requireBodyType(req: Request, res: Response, next: NextFunction): void {
  if (!STATE_CHANGING.has(req.method) || !hasBody(req)) return next();
  const expected = req.method === 'POST' && CSV_BODY_PATH.test(req.path) ? 'text/csv' : 'application/json';
  if (req.is(expected)) return next();
  sendError(res, podiumError(ErrorCodes.unsupportedMediaType, `Send this body with Content-Type: ${expected} (got ${req.headers['content-type'] ?? 'none'}).`));
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}
