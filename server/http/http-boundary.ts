import express, { type NextFunction, type Request, type Response } from 'express';
import { ErrorCodes, podiumError, type PodiumError } from '../../shared/errors';
import { IMAGE_TYPES } from '../../shared/studio';
import { readCookie, SESSION_COOKIE } from '../access/auth';
import { sendError } from './http-errors';
import { isOwnOrAllowedOrigin, originOf, type OriginRules } from './origin';

/** The methods that change something; GET and HEAD never do. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The endpoints that take a body other than JSON (docs/api.md): the results import, an image upload, the studio's spreadsheets. */
const CSV_BODY_PATH = /^\/ceremonies\/[^/]+\/results$/;
const IMAGE_BODY_PATH = /^\/studio\/ceremonies\/[^/]+\/images$/;
const SHEET_BODY_PATH = /^\/studio\/sheets$/;
const SHEET_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];

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
  const expected =
    req.method !== 'POST'
      ? ['application/json']
      : CSV_BODY_PATH.test(req.path)
        ? ['text/csv']
        : IMAGE_BODY_PATH.test(req.path)
          ? [...IMAGE_TYPES]
          : SHEET_BODY_PATH.test(req.path)
            ? SHEET_TYPES
            : ['application/json'];
  if (req.is(expected)) return next();
  sendError(res, podiumError(ErrorCodes.unsupportedMediaType, `Send this body with Content-Type: ${expected.join(' or ')} (got ${req.headers['content-type'] ?? 'none'}).`));
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** No Podium document nests this deep (a definition is about 6 levels); a deeper one is an attack on the stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * A JSON body parser that refuses a body nested deeper than MAX_JSON_DEPTH before it is parsed,
 * so that no validator or error message recurses into it (it overflowed the stack: a 500).
 */
export function jsonBody(limit: string) {
  return express.json({ limit, verify: (_req, _res, buf) => refuseDeepJson(buf) });
}

/** One pass over the raw bytes: brackets outside strings. UTF-8 keeps every ASCII byte for itself. */
function refuseDeepJson(buf: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const byte = buf[i]!;
    if (inString) {
      if (byte === 0x5c) i++; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: 'entity.too.deep' });
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
}

/** The answer to a request the body parser or the router refused: the client's mistake, with a stable code. */
export function clientErrorOf(error: Error & { type?: string }): PodiumError | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return podiumError(ErrorCodes.invalidMessage, 'The request body must be a JSON object.');
    case 'entity.too.large':
      return podiumError(ErrorCodes.invalidMessage, 'The request body is too large.');
    case 'entity.too.deep':
      return podiumError(ErrorCodes.invalidMessage, `The request body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
    case 'encoding.unsupported':
      return podiumError(ErrorCodes.unsupportedMediaType, 'This Content-Encoding is not supported: send the body as is, or gzip, deflate or br.');
    case 'charset.unsupported':
      return podiumError(ErrorCodes.unsupportedMediaType, 'This charset is not supported: send UTF-8.');
    default:
      // The router could not decode a percent-encoded path segment (`%E0%A4%A`).
      if (error instanceof URIError) return podiumError(ErrorCodes.invalidMessage, 'The path has invalid percent-encoding.');
      return null;
  }
}
