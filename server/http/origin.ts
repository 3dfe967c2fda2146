import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** What counts as the server's own origin besides the request's Host: PUBLIC_URL and ALLOWED_ORIGINS. */
export interface OriginRules {
  allowedOrigins: readonly string[];
  publicUrl?: string | undefined;
}

/**
 * Whether `origin` (a browser's Origin, or a Referer's origin) is this server or an allowed one.
 * The server is reached by its Host, by the Host a reverse proxy forwards (X-Forwarded-Host), or
 * by PUBLIC_URL. A page cannot set these headers on a cross-origin request without a preflight
 * the server never grants, so they are safe to compare with.
 */
export function isOwnOrAllowedOrigin(origin: string, headers: IncomingHttpHeaders, rules: OriginRules): boolean {
  if (rules.allowedOrigins.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (a sandboxed or file: page) and anything malformed
  }
  if (rules.publicUrl && originOf(rules.publicUrl) === url.origin) return true;
  const forwarded = String(headers['x-forwarded-host'] ?? '').split(',')[0]?.trim();
  return url.host === headers.host || (forwarded !== undefined && forwarded !== '' && url.host === forwarded);
}

/** The browser's Origin must be the server itself or one of the allowed origins. */
export function originAllowed(req: IncomingMessage, allowedOrigins: readonly string[], publicUrl?: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser: no ambient cookie to abuse
  return isOwnOrAllowedOrigin(origin, req.headers, { allowedOrigins, publicUrl });
}

/** The origin of a URL (a Referer), or undefined when it is not one. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
